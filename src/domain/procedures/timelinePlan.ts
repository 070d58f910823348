/**
 * The plan whose steps drive the shared timeline. In compare mode the kyphoplasty plan leads: it
 * holds every vertebroplasty step plus the cavity steps, so both panes can be lined up by phase.
 */
import type { Procedure } from '../caseParams.ts';
import type { Plan } from './plans.ts';
import { planFor } from './plans.ts';

export function timelinePlan(procedure: Procedure): Plan {
  return planFor(procedure === 'compare' ? 'bkp' : procedure);
}

/** The procedures shown for a choice: one, or both side by side. */
export function shownProcedures(procedure: Procedure): readonly ('vp' | 'bkp')[] {
  return procedure === 'compare' ? ['vp', 'bkp'] : [procedure];
}
