/**
 * How much of the lost height a procedure gives back, as a share of the height lost.
 *
 * Kyphoplasty: responders (70% of levels) regained about 47% of the lost height, 4.1 mm on average
 * (Lieberman 2001, via domain.md §4 [S]); we show a responder by default. Restoration is modest and
 * variable, never "back to normal" (Beall 2018 found no significant BKP–VP difference [C]).
 * Vertebroplasty does not restore height by design (domain.md §4).
 */
import type { SingleProcedure } from '../caseParams.ts';

export const BKP_RESPONDER_RESTORED_SHARE = 0.47;

export function restoredShareFor(procedure: SingleProcedure, bkpShare = BKP_RESPONDER_RESTORED_SHARE): number {
  return procedure === 'bkp' ? Math.min(1, Math.max(0, bkpShare)) : 0;
}
