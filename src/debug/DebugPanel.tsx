import { Leva, useControls } from 'leva';
import { useEffect, useRef } from 'react';
import type { MessageKey } from '../i18n/en.ts';
import type { Approach, CaseParams, Restoration, Viscosity } from '../domain/caseParams.ts';
import { APPROACHES, RESTORATIONS, VISCOSITIES, VOLUME_MAX_ML, VOLUME_MIN_ML } from '../domain/caseParams.ts';
import { DEFAULT_FILL_SHARE, plannedVolumeMl } from '../domain/cement/plannedVolume.ts';
import { shownProcedures } from '../domain/procedures/timelinePlan.ts';
import { ml } from '../domain/units.ts';
import { useT } from '../i18n/useT.ts';
import { useAppStore, useAppStoreApi } from '../state/useAppStore.ts';
import { localeNumber } from './LocaleNumber.tsx';

/** The cleft control's option for a case (a choice of two, like the panel's other choices). */
function cleftOption(cleft: boolean): 'absent' | 'present' {
  return cleft ? 'present' : 'absent';
}

/** The volume the slider shows: the first shown procedure's plan (vertebroplasty in compare). */
function shownVolume(p: CaseParams): number {
  return plannedVolumeMl(shownProcedures(p.procedure)[0]!, p);
}

/**
 * Expert parameters for educators. A veneer over the store: each control writes through the store's
 * verbs, and store changes made elsewhere (URL, API, buttons) flow back into the panel.
 */
export default function DebugPanel() {
  const t = useT();
  const store = useAppStoreApi();
  const params = useAppStore((s) => s.params);
  const rate = useAppStore((s) => s.rate);

  const [, setControls] = useControls(
    () => ({
      rate: localeNumber({
        label: t('debug.rate'),
        number: store.getState().rate,
        min: 0.25,
        max: 4,
        step: 0.25,
        unit: 'rate',
        onChange: (v: number) => store.getState().setRate(v),
        transient: false,
      }),
      viscosity: {
        label: t('debug.viscosity'),
        value: store.getState().params.viscosity,
        options: Object.fromEntries(VISCOSITIES.map((v) => [t(`viscosity.${v}`), v])),
        onChange: (v: Viscosity) => {
          if (store.getState().params.viscosity !== v) store.getState().setParams({ viscosity: v });
        },
        transient: false,
      },
      volume: localeNumber({
        label: t('debug.volume'),
        number: shownVolume(store.getState().params),
        min: VOLUME_MIN_ML,
        max: VOLUME_MAX_ML,
        step: 0.1,
        unit: 'ml',
        onChange: (v: number, _path: string, context: { initial: boolean; fromPanel: boolean }) => {
          // Only a hand on the slider chooses a volume; values pushed in from the store (a new level's
          // default volume) must not pin it.
          if (context.initial || !context.fromPanel) return;
          const p = store.getState().params;
          if (v !== shownVolume(p)) store.getState().setParams({ volume: ml(v) });
        },
        transient: false,
      }),
      approach: {
        label: t('debug.approach'),
        value: store.getState().params.approach,
        options: Object.fromEntries(APPROACHES.map((a) => [t(`approach.${a}`), a])),
        onChange: (v: Approach) => {
          if (store.getState().params.approach !== v) store.getState().setParams({ approach: v });
        },
        transient: false,
      },
      restoration: {
        label: t('debug.restoration'),
        value: store.getState().params.restoration,
        options: Object.fromEntries(RESTORATIONS.map((r) => [t(`restoration.${r}`), r])),
        onChange: (v: Restoration) => {
          if (store.getState().params.restoration !== v) store.getState().setParams({ restoration: v });
        },
        transient: false,
      },
      cleft: {
        label: t('debug.cleft'),
        value: cleftOption(store.getState().params.cleft),
        options: { [t('cleft.absent')]: 'absent', [t('cleft.present')]: 'present' },
        onChange: (v: 'absent' | 'present') => {
          if (cleftOption(store.getState().params.cleft) !== v) store.getState().setParams({ cleft: v === 'present' });
        },
        transient: false,
      },
      seed: localeNumber({
        label: t('debug.seed'),
        number: store.getState().params.seed,
        min: 0,
        step: 1,
        onChange: (v: number) => {
          if (store.getState().params.seed !== v) store.getState().setParams({ seed: Math.max(0, Math.round(v)) });
        },
        transient: false,
      }),
    }),
    [t],
  );

  useEffect(() => {
    setControls({
      rate,
      restoration: params.restoration,
      cleft: cleftOption(params.cleft),
      viscosity: params.viscosity,
      approach: params.approach,
      seed: params.seed,
      volume: shownVolume(params),
    });
  }, [setControls, rate, params]);

  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  return (
    <div ref={root} className="expert__panel">
      <Leva fill flat oneLineLabels titleBar={false} theme={LEVA_THEME} />
      <dl className="expert__notes">
        {NOTES.map((n) => (
          <div key={n.term}>
            <dt>{t(n.term)}</dt>
            <dd>{t(n.note, { share: t.number(DEFAULT_FILL_SHARE * 100, 0) })}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Where each parameter's range comes from (domain.md), shown under the panel and readable by all. */
const NOTES: readonly { term: MessageKey; note: MessageKey }[] = [
  { term: 'debug.viscosity', note: 'debug.note.viscosity' },
  { term: 'debug.volume', note: 'debug.note.volume' },
  { term: 'debug.approach', note: 'debug.note.approach' },
  { term: 'debug.restoration', note: 'debug.note.restoration' },
  { term: 'debug.cleft', note: 'debug.note.cleft' },
  { term: 'debug.seed', note: 'debug.note.seed' },
  { term: 'debug.rate', note: 'debug.note.rate' },
];

/**
 * The app's palette (styles.css) in leva's terms: text at least 4.5:1 on every panel background
 * (#eef1f7 and #b5bdd0 on #1f2537 / #283049), rows as tall as the app's touch targets.
 */
const APP_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
const LEVA_THEME = {
  colors: {
    elevation1: '#1f2537',
    elevation2: '#1f2537',
    elevation3: '#283049',
    accent1: '#f0c98a',
    accent2: '#f0c98a',
    accent3: '#f5d6a3',
    highlight1: '#b5bdd0',
    highlight2: '#eef1f7',
    highlight3: '#ffffff',
    vivid1: '#f0c98a',
    folderWidgetColor: '#eef1f7',
    folderTextColor: '#eef1f7',
    toolTipBackground: '#eef1f7',
    toolTipText: '#1f2537',
  },
  fonts: { sans: APP_FONT, mono: APP_FONT },
  fontSizes: { root: '14px' },
  sizes: { rootWidth: '100%', controlWidth: '100%', rowHeight: '44px', numberInputMinWidth: '64px', scrubberWidth: '12px', scrubberHeight: '24px' },
  borderWidths: { focus: '2px', hover: '1px', active: '2px', input: '1px' },
};
