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
  const text = t.dynamic(`${step.captionKey}.${mode === 'educator' ? 'clinical' : 'patient'}`);

  return (
    <section className="caption" aria-live="polite" aria-atomic="true" data-step={step.id}>
      <p className="caption__step">
        <span className="caption__count">{`${stepIndex + 1}/${plan.steps.length}`}</span>{' '}
        <span className="caption__title">{t.dynamic(`${step.captionKey}.title`)}</span>
      </p>
      <p className="caption__text">{text}</p>
      {(step.realTimeKey || step.sourceKey || (mode === 'educator' && step.id === 'inject')) && (
        <p className="caption__meta">
          {step.realTimeKey && <span>{t('caption.realTime', { time: t.dynamic(step.realTimeKey) })}</span>}
          {mode === 'educator' && step.sourceKey && <span>{t('caption.source', { source: t.dynamic(step.sourceKey) })}</span>}
          {mode === 'educator' && step.id === 'inject' && <span>{t('fluoro.lateralNote')}</span>}
        </p>
      )}
    </section>
  );
}
