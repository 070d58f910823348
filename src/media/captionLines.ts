/** The caption of the current step as plain lines, for drawing into a picture or a video frame. */
import { captionVars } from '../domain/evidence.ts';
import { VP_PLAN } from '../domain/procedures/plans.ts';
import { formatNumber, translate, translateDynamic } from '../i18n/translate.ts';
import type { AppState } from '../state/store.ts';
import { selectPlan } from '../state/store.ts';

export interface CaptionLines {
  title: string;
  texts: string[];
  source: string;
}

export function captionLines(state: AppState): CaptionLines {
  const lang = state.params.lang;
  const plan = selectPlan(state);
  const step = plan.steps[state.stepIndex]!;
  const register = state.params.mode === 'educator' ? 'clinical' : 'patient';
  const text = translateDynamic(lang, `${step.captionKey}.${register}`);
  const vpStep = state.params.procedure === 'compare' ? VP_PLAN.steps.find((s) => s.id === step.id) : undefined;
  const texts =
    vpStep && vpStep.captionKey !== step.captionKey
      ? [
          translate(lang, 'caption.compareVp') + translateDynamic(lang, `${vpStep.captionKey}.${register}`),
          translate(lang, 'caption.compareBkp') + text,
        ]
      : [text];
  // Every step's description rests on the procedure literature; steps with a sharper source name it.
  const figures = captionVars((value, digits) => formatNumber(lang, value, digits));
  const source = translate(lang, 'caption.source', { source: translateDynamic(lang, step.sourceKey ?? 'source.steps', figures) });
  return {
    title: `${translate(lang, 'caption.count', { index: state.stepIndex + 1, count: plan.steps.length })}  ${translateDynamic(lang, `${step.captionKey}.title`)}`,
    texts,
    source,
  };
}
