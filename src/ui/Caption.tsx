import { memo } from 'react';
import type { Mode } from '../domain/caseParams.ts';
import { captionVars } from '../domain/evidence.ts';
import type { Plan, Step } from '../domain/procedures/plans.ts';
import { BKP_PLAN, VP_PLAN } from '../domain/procedures/plans.ts';
import type { T } from '../i18n/useT.ts';
import { useT } from '../i18n/useT.ts';
import { selectPlan } from '../state/store.ts';
import { useAppStore } from '../state/useAppStore.ts';

/**
 * What is happening now, in the audience's words: plain language for patients, clinical wording
 * for educators. Announced politely to screen readers when the step changes.
 *
 * The box is as tall as the tallest caption the procedure group can show (one procedure, or the
 * comparison), at the current width, text size and language: every step's caption is laid out,
 * hidden, in the same grid cell as the one shown. The 3D view takes the height the dock leaves, and
 * each change of that height reallocates the canvas (a long main-thread task and a jump in the
 * picture), so the view keeps one size through every step and procedure change; and since the
 * height depends only on the layout, never on which steps were shown before, a picture reached by
 * playing is the picture opened at that time.
 */
export function Caption() {
  const t = useT();
  const plan = useAppStore(selectPlan);
  const stepIndex = useAppStore((s) => s.stepIndex);
  const mode = useAppStore((s) => s.params.mode);
  const procedure = useAppStore((s) => s.params.procedure);
  const step = plan.steps[stepIndex]!;
  const compare = procedure === 'compare';

  return (
    <section className="caption" data-step={step.id}>
      <div className="caption__now" aria-live="polite" aria-atomic="true">
        <CaptionLines t={t} plan={plan} index={stepIndex} compare={compare} mode={mode} shown />
      </div>
      <Spares t={t} compare={compare} mode={mode} />
    </section>
  );
}

/**
 * Every caption of the procedure group, hidden (`visibility: hidden` and `aria-hidden`: no box is
 * painted, nothing is read out or focusable), only to make the grid row as tall as the tallest.
 */
const Spares = memo(function Spares({ t, compare, mode }: { t: T; compare: boolean; mode: Mode }) {
  const plans = compare ? [BKP_PLAN] : [VP_PLAN, BKP_PLAN];
  return plans.flatMap((plan) =>
    plan.steps.map((step, index) => (
      <div key={`${plan.procedure}-${step.id}`} className="caption__spare" aria-hidden="true">
        <CaptionLines t={t} plan={plan} index={index} compare={compare} mode={mode} shown={false} />
      </div>
    )),
  );
});

/**
 * One step's caption. Only the one shown carries the `caption__title`, `caption__text` and
 * `caption__meta` names that scripts and tests look it up by; the look comes from the names both share.
 */
function CaptionLines({ t, plan, index, compare, mode, shown }: { t: T; plan: Plan; index: number; compare: boolean; mode: Mode; shown: boolean }) {
  const step: Step = plan.steps[index]!;
  const register = mode === 'educator' ? 'clinical' : 'patient';
  const text = t.dynamic(`${step.captionKey}.${register}`);
  // In compare mode the timeline follows kyphoplasty; where vertebroplasty does the same step its
  // own way, say both.
  const vpStep = compare ? VP_PLAN.steps.find((st) => st.id === step.id) : undefined;
  const both = vpStep && vpStep.captionKey !== step.captionKey;
  // The published figures in the real-time and source lines come from the evidence module.
  const figures = captionVars(t.number);
  const body = shown ? 'caption__text caption__body' : 'caption__body';
  return (
    <>
      <p className="caption__step">
        <span className="caption__count">{t('caption.count', { index: index + 1, count: plan.steps.length })}</span>{' '}
        <span className={shown ? 'caption__title' : undefined}>{t.dynamic(`${step.captionKey}.title`)}</span>
      </p>
      {both ? (
        <>
          <p className={body}><strong>{t('caption.compareVp')}</strong>{t.dynamic(`${vpStep.captionKey}.${register}`)}</p>
          <p className={body}><strong>{t('caption.compareBkp')}</strong>{text}</p>
        </>
      ) : (
        <p className={body}>{text}</p>
      )}
      {(step.realTimeKey || step.sourceKey || (mode === 'educator' && step.clinicalNoteKey)) && (
        <p className={shown ? 'caption__meta caption__notes' : 'caption__notes'}>
          {step.realTimeKey && <span>{t('caption.realTime', { time: t.dynamic(step.realTimeKey, figures) })}</span>}
          {step.sourceKey && <span>{t('caption.source', { source: t.dynamic(step.sourceKey, figures) })}</span>}
          {mode === 'educator' && step.clinicalNoteKey && <span>{t.dynamic(step.clinicalNoteKey)}</span>}
        </p>
      )}
    </>
  );
}
