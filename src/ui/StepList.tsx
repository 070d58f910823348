import { useEffect, useRef } from 'react';
import { useT } from '../i18n/useT.ts';
import { selectPlan } from '../state/store.ts';
import { useAppStore } from '../state/useAppStore.ts';

export interface StepListProps {
  /** Collapsed to a drawer on narrow screens. */
  open: boolean;
}

/** The ordered steps with the current one marked; any step can be jumped to. */
export function StepList({ open }: StepListProps) {
  const t = useT();
  const plan = useAppStore(selectPlan);
  const stepIndex = useAppStore((s) => s.stepIndex);
  const goToStepIndex = useAppStore((s) => s.goToStepIndex);
  const current = useRef<HTMLLIElement>(null);

  useEffect(() => {
    current.current?.scrollIntoView?.({ block: 'nearest' });
  }, [stepIndex]);

  return (
    <nav className={`step-list${open ? ' is-open' : ''}`} aria-label={t('steps.label')} id="step-list">
      <h2 className="step-list__heading">{t(`procedure.${plan.procedure}.long`)}</h2>
      <ol className="step-list__items">
        {plan.steps.map((step, i) => {
          const isCurrent = i === stepIndex;
          const previousPhase = i > 0 ? plan.steps[i - 1]!.phase : null;
          return (
            <li key={step.id} ref={isCurrent ? current : undefined} className={`step-list__item phase--${step.phase}`}>
              {step.phase !== previousPhase && <span className="step-list__phase">{t(`phase.${step.phase}`)}</span>}
              <button
                type="button"
                className={`step-list__button${isCurrent ? ' is-current' : i < stepIndex ? ' is-done' : ''}`}
                aria-current={isCurrent ? 'step' : undefined}
                data-step={step.id}
                onClick={() => goToStepIndex(i)}
              >
                <span className="step-list__number" aria-hidden="true">{i + 1}</span>
                <span className="step-list__title">{t.dynamic(`${step.captionKey}.title`)}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
