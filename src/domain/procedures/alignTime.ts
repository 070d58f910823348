/**
 * Lines up two plans by step: the time in `to` that shows the same moment as time t in `from`.
 * A step that `to` lacks (the kyphoplasty cavity steps, seen from vertebroplasty) holds `to` at the
 * end of its last shared step before it, so both panes reach the cement phase together.
 */
import type { Plan } from './plans.ts';
import type { TimelinePosition } from './timeline.ts';
import { locateInto, stepIndexOf, stepStartTimes } from './timeline.ts';

const where: TimelinePosition = { stepIndex: 0, step: undefined as never, stepStart: 0 as TimelinePosition['stepStart'], progress: 0 };


export function alignTime(from: Plan, to: Plan, t: number): number {
  if (from === to) return t;
  const { stepIndex, progress } = locateInto(where, from, t);
  const toStarts = stepStartTimes(to);
  for (let i = stepIndex; i >= 0; i--) {
    const id = from.steps[i]!.id;
    const j = stepIndexOf(to, id);
    if (j < 0) continue;
    const start = toStarts[j]!;
    const duration = to.steps[j]!.duration;
    return i === stepIndex ? start + progress * duration : start + duration;
  }
  return 0;
}
