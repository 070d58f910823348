import type { Procedure } from '../domain/caseParams.ts';
import { PROCEDURES } from '../domain/caseParams.ts';
import { useT } from '../i18n/useT.ts';
import { useAppStore } from '../state/useAppStore.ts';
import { Segmented } from './Segmented.tsx';

export function ProcedureSwitch() {
  const t = useT();
  const procedure = useAppStore((s) => s.params.procedure);
  const setParams = useAppStore((s) => s.setParams);
  return (
    <Segmented<Procedure>
      label={t('procedure.label')}
      className="procedure-switch"
      value={procedure}
      onChange={(value) => setParams({ procedure: value })}
      options={PROCEDURES.map((p) => ({ value: p, label: t(`procedure.${p}`) }))}
    />
  );
}
