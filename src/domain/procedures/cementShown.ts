/**
 * The cement shown at a moment of the timeline: one rule for the 3D cement, its leak labels, the X-ray
 * pictures and the command API's `leak` events, so they all change at the same t.
 */
import type { Plan } from './plans.ts';
import type { ProcedurePose } from './sampleProcedure.ts';
import { emptyPose, sampleInto } from './sampleProcedure.ts';
import { alignTime } from './alignTime.ts';

/**
 * X-ray pulses per second of procedure time: pulsed fluoroscopy runs at a few to 15 pulses a second
 * [U] (typical C-arm settings); 15 keeps the needle's motion smooth. While playing, the X-ray
 * pictures show the moment of the last pulse, floor(t × 15) / 15, so they too follow t alone.
 */
export const PULSES_PER_SECOND = 15;

/**
 * The cement is shown on a grid of t, every this many pulses (0.27 s, about 0.1 mL of a 4 mL, 12 s
 * injection): remeshing costs milliseconds. A whole number of pulses, so a pulse and the frame after
 * it always show the same cement.
 */
export const CEMENT_PULSES = 4;
const CEMENT_QUANTUM_S = CEMENT_PULSES / PULSES_PER_SECOND;

/** The time of the last X-ray pulse at or before t. */
export function pulseTime(t: number): number {
  return Math.floor(t * PULSES_PER_SECOND + 1e-9) / PULSES_PER_SECOND;
}

const scratch = emptyPose();

/**
 * Share of the planned cement shown at time t of the shared `timeline`, 0..1, for the procedure of
 * `plan`: the fill at the start of t's cement quantum while injecting, exactly 0 before and 1 after.
 * The same t always gives the same share, however it was reached. `out` is sampled in place;
 * `fillAtT`, where the caller has sampled t already, saves sampling it again.
 */
export function cementFillShown(timeline: Plan, plan: Plan, t: number, out: ProcedurePose = scratch, fillAtT?: number): number {
  const fill = fillAtT ?? sampleInto(out, plan, alignTime(timeline, plan, t)).cementFill;
  if (fill <= 0 || fill >= 1) return fill;
  return sampleInto(out, plan, alignTime(timeline, plan, Math.floor(t / CEMENT_QUANTUM_S + 1e-9) * CEMENT_QUANTUM_S)).cementFill;
}
