/**
 * How much of the lost height a procedure gives back, as a share of the height lost.
 *
 * Kyphoplasty, by the case chosen with `restoration=mean|responder|none` (shared/product.md):
 * responders (70% of levels) regained about 47% of the lost height, 4.1 mm on average; the other
 * 30% gained nothing; the mean over all levels was 2.9 mm (Lieberman 2001, domain.md §4 [S]). The
 * default is the population mean, 70% × 47% ≈ 33% of the lost height, not a responder.
 *
 * Vertebroplasty does not restore height by design, but lying prone in slight extension reduces a
 * mobile fracture a little (Ding 2020, J Pain Res 13:2509 [S]). The pooled kyphosis corrections,
 * 1.7° with vertebroplasty against 4.8° with kyphoplasty (Papanastassiou 2012, 27 studies [C]),
 * set its share: 1.7 / 4.8 of kyphoplasty's mean. It is never exactly 0, whatever the kyphoplasty
 * case. Restoration is modest and variable, never "back to normal" (Beall 2018 [C]).
 */
import type { Restoration, SingleProcedure } from '../caseParams.ts';

/** Lieberman 2001 [S]: share of levels that responded, and what a responder regained. */
export const BKP_RESPONDER_RATE = 0.7;
export const BKP_RESPONDER_RESTORED_SHARE = 0.47;
/** Population mean for kyphoplasty: 0.7 × 0.47 ≈ 0.33 of the lost height. */
export const BKP_MEAN_RESTORED_SHARE = BKP_RESPONDER_RATE * BKP_RESPONDER_RESTORED_SHARE;
/** Papanastassiou 2012 [C]: pooled kyphosis correction, degrees. */
export const POOLED_KYPHOSIS_CORRECTION_DEG = { vp: 1.7, bkp: 4.8 } as const;
/** Vertebroplasty's postural reduction, as a share of the lost height (≈ 0.12). */
export const VP_POSTURAL_RESTORED_SHARE =
  (BKP_MEAN_RESTORED_SHARE * POOLED_KYPHOSIS_CORRECTION_DEG.vp) / POOLED_KYPHOSIS_CORRECTION_DEG.bkp;

const BKP_SHARE: Readonly<Record<Restoration, number>> = {
  mean: BKP_MEAN_RESTORED_SHARE,
  responder: BKP_RESPONDER_RESTORED_SHARE,
  none: 0,
};

/** Share of the lost height given back by the end of the procedure (0..1). */
export function restoredShareFor(procedure: SingleProcedure, restoration: Restoration): number {
  return procedure === 'bkp' ? BKP_SHARE[restoration] : VP_POSTURAL_RESTORED_SHARE;
}
