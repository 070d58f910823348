import { captionVars } from '../domain/evidence.ts';
import { VP_PLAN } from '../domain/procedures/plans.ts';
import { useT } from '../i18n/useT.ts';
import { selectPlan } from '../state/store.ts';
import { useAppStore } from '../state/useAppStore.ts';

/**
 * What is happening now, in the audience's words: plain language for patients, clinical wording
 * for educators. Announced politely to screen readers when the step changes.
 */
export function Caption() {
  const t = useT();
  const plan = useAppStore(selectPlan);
  const stepIndex = useAppStore((s) => s.stepIndex);
  const mode = useAppStore((s) => s.params.mode);
  const step = plan.steps[stepIndex]!;
  const register = mode === 'educator' ? 'clinical' : 'patient';
  const text = t.dynamic(`${step.captionKey}.${register}`);
  // In compare mode the timeline follows kyphoplasty; where vertebroplasty does the same step its
  // own way, say both.
  const procedure = useAppStore((s) => s.params.procedure);
  const vpStep = procedure === 'compare' ? VP_PLAN.steps.find((st) => st.id === step.id) : undefined;
  const both = vpStep && vpStep.captionKey !== step.captionKey;
  // The published figures in the real-time and source lines come from the evidence module.
  const figures = captionVars(t.number);

  return (
    <section className="caption" aria-live="polite" aria-atomic="true" data-step={step.id}>
      <p className="caption__step">
        <span className="caption__count">{t('caption.count', { index: stepIndex + 1, count: plan.steps.length })}</span>{' '}
        <span className="caption__title">{t.dynamic(`${step.captionKey}.title`)}</span>
      </p>
      {both ? (
        <>
          <p className="caption__text"><strong>{t('caption.compareVp')}</strong>{t.dynamic(`${vpStep.captionKey}.${register}`)}</p>
          <p className="caption__text"><strong>{t('caption.compareBkp')}</strong>{text}</p>
        </>
      ) : (
        <p className="caption__text">{text}</p>
      )}
      {(step.realTimeKey || step.sourceKey || (mode === 'educator' && step.clinicalNoteKey)) && (
        <p className="caption__meta">
          {step.realTimeKey && <span>{t('caption.realTime', { time: t.dynamic(step.realTimeKey, figures) })}</span>}
          {step.sourceKey && <span>{t('caption.source', { source: t.dynamic(step.sourceKey, figures) })}</span>}
          {mode === 'educator' && step.clinicalNoteKey && <span>{t.dynamic(step.clinicalNoteKey)}</span>}
        </p>
      )}
    </section>
  );
}
