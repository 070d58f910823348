import type { MessageKey } from '../i18n/en.ts';
import { useT } from '../i18n/useT.ts';
import type { View } from '../domain/caseParams.ts';
import { VIEWS } from '../domain/caseParams.ts';
import type { Layers } from '../state/store.ts';
import { Segmented } from './Segmented.tsx';
import { usePopover } from './usePopover.ts';
import { useAppStore } from '../state/useAppStore.ts';

const OPTIONS: readonly { key: keyof Layers; label: MessageKey }[] = [
  { key: 'xray', label: 'layers.xray' },
  { key: 'cutaway', label: 'layers.cutaway' },
  { key: 'labels', label: 'layers.labels' },
  { key: 'wedge', label: 'layers.wedge' },
  { key: 'nerves', label: 'layers.nerves' },
  { key: 'veins', label: 'layers.veins' },
  { key: 'skinAndMuscle', label: 'layers.skinAndMuscle' },
];

/** What the 3D view shows: the cutaway, labels and tissue layers. */
export function ViewOptions() {
  const t = useT();
  const layers = useAppStore((s) => s.layers);
  const setLayers = useAppStore((s) => s.setLayers);
  const view = useAppStore((s) => s.params.view);
  const setParams = useAppStore((s) => s.setParams);
  const denseBright = useAppStore((s) => s.xrayDenseBright);
  const setDenseBright = useAppStore((s) => s.setXrayDenseBright);
  const { open, trigger, panel, panelId, toggle } = usePopover('[aria-checked="true"], input');

  return (
    <div className="view-options">
      <button ref={trigger} type="button" className="button button--floating-top" data-covers-view="" aria-expanded={open} aria-controls={panelId} aria-label={t('layers.openLabel')} onClick={toggle}>
        {t('layers.open')}
      </button>
      {open && (
        <div ref={panel} id={panelId} className="view-panel" role="group" aria-label={t('layers.openLabel')}>
          <Segmented<View>
            label={t('view.label')}
            className="segmented--stack"
            value={view}
            onChange={(v) => setParams({ view: v })}
            options={VIEWS.map((v) => ({ value: v, label: t(`view.${v}`) }))}
          />
          {OPTIONS.map((o) => (
            <label key={o.key} className="check">
              <input type="checkbox" checked={layers[o.key]} onChange={(e) => setLayers({ [o.key]: e.target.checked })} />
              <span>{t(o.label)}</span>
            </label>
          ))}
          <label className="check">
            <input type="checkbox" checked={denseBright} onChange={(e) => setDenseBright(e.target.checked)} />
            <span>{t('layers.denseBright')}</span>
          </label>
        </div>
      )}
    </div>
  );
}
