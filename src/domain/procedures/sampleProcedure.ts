/**
 * The pose of everything animated, as a pure function of (plan, t). Scrubbing, jumping, reverse
 * playback and pixel-exact screenshots all follow from this being pure.
 *
 * Quantities are fractions (0..1) of what the step achieves; the anatomy and instruments turn them
 * into millimetres and millilitres for a given case.
 */
import type { Plan, StepId } from './plans.ts';
import type { TimelinePosition } from './timeline.ts';
import { locateInto, stepIndexOf } from './timeline.ts';

export interface ProcedurePose {
  stepId: StepId;
  stepIndex: number;
  /** 0..1 within the current step. */
  stepProgress: number;
  /** Needle (or working cannula) advance along its path: 0 skin, ~0.15 pedicle, ~0.55 posterior body wall, 1 anterior third. */
  needleDepth: number;
  /** Whether the needle is in the patient at all. */
  needleVisible: boolean;
  /** Hand-drill channel depth, 0..1 (BKP). */
  drillDepth: number;
  /** Balloon in place, 0..1 of its insertion (BKP). */
  balloonInserted: number;
  /** Balloon fill, 0..1 of the chosen fill volume (BKP). */
  balloonFill: number;
  /** Share of the achievable height restoration reached so far, 0..1 (the plan step marked `restores`). */
  restoration: number;
  /** Cement mixed, 0..1. */
  cementMixed: number;
  /** Cement injected, 0..1 of the planned volume. Never decreases with t. */
  cementFill: number;
  /** Cement hardened, 0..1. */
  cementSet: number;
}

/** Where the needle tip is along its path at the end of each access step. */
export const NEEDLE_DEPTH_AT = Object.freeze({ dock: 0.15, pedicle: 0.55, body: 1 });

/** Smooth, monotone ease on [0,1] with zero slope at both ends. */
export function smoothstep(x: number): number {
  const u = Math.min(1, Math.max(0, x));
  return u * u * (3 - 2 * u);
}

function lerp(a: number, b: number, u: number): number {
  return a + (b - a) * u;
}

/**
 * 0 before the step, the eased progress during it, 1 after it. Steps absent from the plan count as
 * never reached (0), which keeps VP free of balloon motion.
 */
function through(plan: Plan, id: StepId, index: number, progress: number): number {
  const target = stepIndexOf(plan, id);
  if (target < 0) return 0;
  if (index < target) return 0;
  if (index > target) return 1;
  return smoothstep(progress);
}

export function sample(plan: Plan, t: number): ProcedurePose {
  return sampleInto(emptyPose(), plan, t);
}

/** A pose to write into with `sampleInto`. */
export function emptyPose(): ProcedurePose {
  return {
    stepId: 'position',
    stepIndex: 0,
    stepProgress: 0,
    needleDepth: 0,
    needleVisible: false,
    drillDepth: 0,
    balloonInserted: 0,
    balloonFill: 0,
    restoration: 0,
    cementMixed: 0,
    cementFill: 0,
    cementSet: 0,
  };
}

/** Scratch position for `sampleInto` (single-threaded, used and read back at once). */
const where: TimelinePosition = { stepIndex: 0, step: undefined as never, stepStart: 0 as TimelinePosition['stepStart'], progress: 0 };

/** `sample` written into `out`, allocating nothing (for the frame loop). Returns `out`. */
export function sampleInto(out: ProcedurePose, plan: Plan, t: number): ProcedurePose {
  const { stepIndex, step, progress } = locateInto(where, plan, t);
  const dock = through(plan, 'dock', stepIndex, progress);
  const pedicle = through(plan, 'pedicle', stepIndex, progress);
  const body = through(plan, 'body', stepIndex, progress);
  const withdraw = through(plan, 'withdraw', stepIndex, progress);

  let needleDepth = lerp(0, NEEDLE_DEPTH_AT.dock, dock);
  needleDepth = lerp(needleDepth, NEEDLE_DEPTH_AT.pedicle, pedicle);
  needleDepth = lerp(needleDepth, NEEDLE_DEPTH_AT.body, body);
  needleDepth = lerp(needleDepth, 0, withdraw);

  const inflate = through(plan, 'inflate', stepIndex, progress);
  const restoring = restoringStep(plan);
  const deflate = through(plan, 'deflate', stepIndex, progress);
  const injectIndex = stepIndexOf(plan, 'inject');
  // Cement leaves the cannula at a steady rate: linear in time, not eased.
  const cementFill =
    stepIndex < injectIndex ? 0 : stepIndex > injectIndex ? 1 : Math.min(1, Math.max(0, progress));

  out.stepId = step.id;
  out.stepIndex = stepIndex;
  out.stepProgress = progress;
  out.needleDepth = needleDepth;
  out.needleVisible = stepIndex >= stepIndexOf(plan, 'dock') && withdraw < 1;
  out.drillDepth = through(plan, 'drill', stepIndex, progress) * (1 - through(plan, 'balloon', stepIndex, progress));
  out.balloonInserted = through(plan, 'balloon', stepIndex, progress) * (1 - deflate);
  out.balloonFill = inflate * (1 - deflate);
  out.restoration = restoring ? through(plan, restoring.id, stepIndex, progress) : 0;
  out.cementMixed = through(plan, 'mix', stepIndex, progress);
  out.cementFill = injectIndex < 0 ? 0 : cementFill;
  out.cementSet = through(plan, 'set', stepIndex, progress);
  return out;
}

/** The plan's restoring step (the one marked `restores`), without a closure per call. */
function restoringStep(plan: Plan): Plan['steps'][number] | undefined {
  for (const s of plan.steps) if (s.restores) return s;
  return undefined;
}
