/**
 * Where a time falls in a plan. Pure functions of (plan, t); t is on-screen seconds from the
 * start of the procedure.
 */
import type { Plan, Step, StepId } from './plans.ts';
import type { Seconds } from '../units.ts';
import { seconds } from '../units.ts';

export interface TimelinePosition {
  stepIndex: number;
  step: Step;
  /** Start of the step on the timeline. */
  stepStart: Seconds;
  /** 0 at the start of the step, 1 at its end. */
  progress: number;
}

export function totalDuration(plan: Plan): Seconds {
  let total = 0;
  for (const s of plan.steps) total += s.duration;
  return seconds(total);
}

/** Start times per plan: plans are immutable, so they are worked out once (the frame loop asks often). */
const startsByPlan = new WeakMap<Plan, readonly Seconds[]>();

/** Start time of each step, in order (shared and frozen: do not modify). */
export function stepStartTimes(plan: Plan): readonly Seconds[] {
  let starts = startsByPlan.get(plan);
  if (!starts) {
    const list: Seconds[] = [];
    let t = 0;
    for (const s of plan.steps) {
      list.push(seconds(t));
      t += s.duration;
    }
    starts = Object.freeze(list);
    startsByPlan.set(plan, starts);
  }
  return starts;
}

export function clampTime(plan: Plan, t: number): Seconds {
  if (!Number.isFinite(t) || t < 0) return seconds(0);
  return seconds(Math.min(t, totalDuration(plan)));
}

export function stepIndexOf(plan: Plan, id: StepId): number {
  // A loop, not findIndex: the frame loop calls this several times a frame.
  for (let i = 0; i < plan.steps.length; i++) if (plan.steps[i]!.id === id) return i;
  return -1;
}

/** Start time of a step; -1 if the plan has no such step. */
export function stepStart(plan: Plan, id: StepId): Seconds {
  const index = stepIndexOf(plan, id);
  if (index < 0) return seconds(-1);
  return stepStartTimes(plan)[index] ?? seconds(-1);
}

/**
 * The step playing at time t. A time exactly on a boundary belongs to the step that starts there;
 * the very end belongs to the last step at progress 1.
 */
export function locate(plan: Plan, t: number): TimelinePosition {
  return locateInto({ stepIndex: 0, step: plan.steps[0]!, stepStart: seconds(0), progress: 0 }, plan, t);
}

/** `locate` written into `out` (no allocation: for the frame loop). Returns `out`. */
export function locateInto(out: TimelinePosition, plan: Plan, t: number): TimelinePosition {
  const clamped = clampTime(plan, t);
  const starts = stepStartTimes(plan);
  const last = plan.steps.length - 1;
  for (let i = 0; i < plan.steps.length; i++) {
    const s = plan.steps[i]!;
    const start = starts[i]!;
    if (clamped < start + s.duration || i === last) {
      out.stepIndex = i;
      out.step = s;
      out.stepStart = start;
      out.progress = s.duration > 0 ? Math.min(1, Math.max(0, (clamped - start) / s.duration)) : 1;
      return out;
    }
  }
  throw new Error('A plan needs at least one step');
}
