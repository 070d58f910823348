import type { Mode } from '../domain/caseParams.ts';
import { MODES } from '../domain/caseParams.ts';
import { useT } from '../i18n/useT.ts';
import { useAppStore } from '../state/useAppStore.ts';
import { Segmented } from './Segmented.tsx';

export function ModeSwitch() {
  const t = useT();
  const mode = useAppStore((s) => s.params.mode);
  const setParams = useAppStore((s) => s.setParams);
  return (
    <Segmented<Mode>
      label={t('mode.label')}
      className="mode-switch"
      value={mode}
      onChange={(value) => setParams({ mode: value })}
      options={MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
    />
  );
}
