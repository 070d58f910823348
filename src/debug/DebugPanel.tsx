import { Leva, useControls } from 'leva';
import { useEffect, useState } from 'react';
import type { Approach, Viscosity } from '../domain/caseParams.ts';
import { APPROACHES, VISCOSITIES, VOLUME_MAX_ML, VOLUME_MIN_ML } from '../domain/caseParams.ts';
import { plannedVolumeMl } from '../domain/cement/plannedVolume.ts';
import { ml } from '../domain/units.ts';
import { useT } from '../i18n/useT.ts';
import { useAppStore, useAppStoreApi } from '../state/useAppStore.ts';

/**
 * Expert parameters for educators. A veneer over the store: each control writes through the store's
 * verbs, and store changes made elsewhere (URL, API, buttons) flow back into the panel.
 */
export default function DebugPanel() {
  const t = useT();
  const store = useAppStoreApi();
  const params = useAppStore((s) => s.params);
  const rate = useAppStore((s) => s.rate);
  const bkpShare = useAppStore((s) => s.bkpRestoredShare);

  const [, setControls] = useControls(
    () => ({
      rate: {
        label: t('debug.rate'),
        value: store.getState().rate,
        min: 0.25,
        max: 4,
        step: 0.25,
        onChange: (v: number) => store.getState().setRate(v),
        transient: false,
      },
      viscosity: {
        label: t('debug.viscosity'),
        value: store.getState().params.viscosity,
        options: Object.fromEntries(VISCOSITIES.map((v) => [t(`viscosity.${v}`), v])),
        onChange: (v: Viscosity) => {
          if (store.getState().params.viscosity !== v) store.getState().setParams({ viscosity: v });
        },
        transient: false,
      },
      volume: {
        label: t('debug.volume'),
        value: plannedVolumeMl(store.getState().params),
        min: VOLUME_MIN_ML,
        max: VOLUME_MAX_ML,
        step: 0.1,
        onChange: (v: number, _path: string, context: { initial: boolean; fromPanel: boolean }) => {
          // Only a hand on the slider chooses a volume; values pushed in from the store (a new level's
          // default volume) must not pin it.
          if (context.initial || !context.fromPanel) return;
          const p = store.getState().params;
          if (v !== plannedVolumeMl(p)) store.getState().setParams({ volume: ml(v) });
        },
        transient: false,
      },
      approach: {
        label: t('debug.approach'),
        value: store.getState().params.approach,
        options: Object.fromEntries(APPROACHES.map((a) => [t(`approach.${a}`), a])),
        onChange: (v: Approach) => {
          if (store.getState().params.approach !== v) store.getState().setParams({ approach: v });
        },
        transient: false,
      },
      restored: {
        label: t('debug.restored'),
        value: store.getState().bkpRestoredShare,
        min: 0,
        max: 1,
        step: 0.01,
        onChange: (v: number) => store.getState().setBkpRestoredShare(v),
        transient: false,
      },
      seed: {
        label: t('debug.seed'),
        value: store.getState().params.seed,
        min: 0,
        step: 1,
        onChange: (v: number) => {
          if (store.getState().params.seed !== v) store.getState().setParams({ seed: Math.max(0, Math.round(v)) });
        },
        transient: false,
      },
    }),
    [t],
  );

  useEffect(() => {
    setControls({
      rate,
      restored: bkpShare,
      viscosity: params.viscosity,
      approach: params.approach,
      seed: params.seed,
      volume: plannedVolumeMl(params),
    });
  }, [setControls, rate, params, bkpShare]);

  // The panel is for lecture screens; on a phone it would cover the controls.
  const [wide, setWide] = useState(() => window.matchMedia('(min-width: 821px)').matches);
  useEffect(() => {
    const query = window.matchMedia('(min-width: 821px)');
    const onChange = () => setWide(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  return <Leva hidden={!wide} collapsed titleBar={{ title: t('debug.title'), filter: false }} theme={{ sizes: { rowHeight: '32px' } }} />;
}
