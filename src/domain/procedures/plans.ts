/**
 * The two procedures as data: ordered steps with their phase, on-screen length and caption keys.
 * Step order and content follow domain.md §1 ("Steps, in order"); BKP shares the access steps with
 * VP and adds the drill and balloon (inflatable bone tamp) steps.
 */
import type { SingleProcedure } from '../caseParams.ts';
import type { Seconds } from '../units.ts';
import { seconds } from '../units.ts';
import type { ShotId } from './shots.ts';

export type StepId =
  | 'position'
  | 'anaesthesia'
  | 'dock'
  | 'pedicle'
  | 'body'
  | 'drill'
  | 'balloon'
  | 'inflate'
  | 'deflate'
  | 'mix'
  | 'inject'
  | 'withdraw'
  | 'set';

/** Phases let the two procedures be lined up in the comparison. */
export type Phase = 'access' | 'cavity' | 'cement' | 'finish';

/** Which fluoroscopy projection the step is watched on (domain.md §1). */
export type FluoroView = 'ap' | 'lateral' | 'both' | 'none';

export interface Step {
  id: StepId;
  phase: Phase;
  /** Length of the step in the animation. */
  duration: Seconds;
  /** Translation key prefix: `<captionKey>.title`, `.patient`, `.clinical`, `.realTime`. */
  captionKey: string;
  fluoro: FluoroView;
  /** The camera shot the step settles on (shots.ts): what the picture must show at this step. */
  shot: ShotId;
  /** Translation key of the real-world duration, where a source gives one. */
  realTimeKey?: string;
  /** Translation key naming the source of the numbers in the caption. */
  sourceKey?: string;
  /**
   * The step during which the fractured body regains what height it regains: lying prone for
   * vertebroplasty (a postural reduction), inflating the balloon for kyphoplasty (domain.md §4).
   */
  restores?: true;
  /**
   * The AP picture is taken down the pedicle along the planned path (the bull's-eye view) while the
   * needle docks on it, so the needle shows end-on (domain.md §1 step 3).
   */
  bullseye?: true;
  /**
   * The X-ray pair marks the walls of the access safety rule while the needle crosses the pedicle:
   * the medial pedicle wall on AP, the posterior body wall on the lateral view (domain.md §1 step 4).
   */
  safetyGuides?: true;
  /** Translation key of a note for educators under the caption. */
  clinicalNoteKey?: string;
  /** What the X-ray pair shows at this step, in words for screen readers (keys `xray.what.*`). */
  xray: XrayContent;
}

/** What an X-ray picture shows; 'pedicle' is worded per projection (`xray.what.pedicle.ap`, `.lateral`). */
export type XrayContent = 'position' | 'dock' | 'pedicle' | 'body' | 'balloon' | 'cavity' | 'cement' | 'done';

export interface Plan {
  procedure: SingleProcedure;
  steps: readonly Step[];
}

function step(
  id: StepId,
  phase: Phase,
  duration: number,
  captionKey: string,
  fluoro: FluoroView,
  shot: ShotId,
  xray: XrayContent,
  extra: Pick<Step, 'realTimeKey' | 'sourceKey' | 'restores' | 'bullseye' | 'safetyGuides' | 'clinicalNoteKey'> = {},
): Step {
  return { id, phase, duration: seconds(duration), captionKey, fluoro, shot, xray, ...extra };
}

const ACCESS: readonly Step[] = [
  step('position', 'access', 5, 'step.position', 'both', 'overview', 'position', { realTimeKey: 'realTime.procedure', sourceKey: 'source.steps' }),
  step('anaesthesia', 'access', 5, 'step.anaesthesia', 'none', 'back', 'position'),
  step('dock', 'access', 6, 'step.dock', 'ap', 'entry', 'dock', { sourceKey: 'source.steps', bullseye: true }),
  step('pedicle', 'access', 8, 'step.pedicle', 'both', 'pedicle', 'pedicle', { sourceKey: 'source.safety', safetyGuides: true }),
];

export const VP_PLAN: Plan = Object.freeze({
  procedure: 'vp',
  steps: Object.freeze([
    // Lying prone in slight extension reduces a mobile fracture a little (Ding 2020).
    { ...ACCESS[0]!, restores: true as const },
    ...ACCESS.slice(1),
    step('body', 'access', 6, 'step.vp.body', 'lateral', 'path', 'body', { safetyGuides: true }),
    step('mix', 'cement', 5, 'step.vp.mix', 'none', 'section', 'body', { realTimeKey: 'realTime.mix', sourceKey: 'source.pmma' }),
    // Most basivertebral and segmental leaks are missed on the lateral view alone (Yeom 2003).
    step('inject', 'cement', 12, 'step.vp.inject', 'both', 'section', 'cement', { sourceKey: 'source.leaks', clinicalNoteKey: 'fluoro.lateralNote' }),
    step('withdraw', 'finish', 5, 'step.withdraw', 'lateral', 'section', 'done'),
    step('set', 'finish', 6, 'step.set', 'none', 'section', 'done', { realTimeKey: 'realTime.set', sourceKey: 'source.setting' }),
  ]),
});

export const BKP_PLAN: Plan = Object.freeze({
  procedure: 'bkp',
  steps: Object.freeze([
    // Same access, but the whole procedure takes a little longer (KAVIAR).
    step('position', 'access', 5, 'step.position', 'both', 'overview', 'position', { realTimeKey: 'realTime.procedure.bkp', sourceKey: 'source.kaviar' }),
    ...ACCESS.slice(1),
    step('body', 'access', 6, 'step.bkp.body', 'lateral', 'path', 'body', { safetyGuides: true }),
    step('drill', 'cavity', 6, 'step.bkp.drill', 'lateral', 'section', 'body'),
    step('balloon', 'cavity', 5, 'step.bkp.balloon', 'both', 'section', 'balloon', { sourceKey: 'source.balloon' }),
    step('inflate', 'cavity', 10, 'step.bkp.inflate', 'both', 'section', 'balloon', { restores: true }),
    step('deflate', 'cavity', 6, 'step.bkp.deflate', 'lateral', 'section', 'cavity'),
    step('mix', 'cement', 5, 'step.bkp.mix', 'none', 'section', 'body', { realTimeKey: 'realTime.mix', sourceKey: 'source.pmma' }),
    step('inject', 'cement', 12, 'step.bkp.inject', 'both', 'section', 'cement', { sourceKey: 'source.leaks.bkp', clinicalNoteKey: 'fluoro.lateralNote' }),
    step('withdraw', 'finish', 5, 'step.withdraw', 'lateral', 'section', 'done'),
    step('set', 'finish', 6, 'step.set', 'none', 'section', 'done', { realTimeKey: 'realTime.set', sourceKey: 'source.setting' }),
  ]),
});

export function planFor(procedure: SingleProcedure): Plan {
  switch (procedure) {
    case 'vp':
      return VP_PLAN;
    case 'bkp':
      return BKP_PLAN;
  }
}
