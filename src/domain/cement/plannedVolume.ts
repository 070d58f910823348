/**
 * The cement volume planned for a case: the user's choice, or by default a fixed share of the
 * fractured body's own volume, so that the default follows the vertebra (domain.md §6) instead of
 * one number for thoracic and another for lumbar levels. Leak risk follows how full the body is
 * made, not the level (domain.md §5: level is not a risk factor in the pooled analysis, World
 * Neurosurg 2017; cement volume relative to the body is, in a 167-level VP series).
 */
import { fracturedBodyVolumeMl } from '../anatomy/bodyVolume.ts';
import type { CaseParams } from '../caseParams.ts';
import { ml, type Ml } from '../units.ts';

/**
 * Default fill: cement as a share of the fractured body's volume. Molloy 2003 [C] (domain.md §6):
 * about 16% restores strength and about 30% stiffness; 20% clears the strength threshold with
 * room to spare. At L1 (grade 2 wedge, about 22 mL of body) it plans 4.3 mL, between the
 * leaking and non-leaking levels' 4.5 and 3.7 mL (domain.md §5) and close to kyphoplasty's
 * about 2.4 mL per balloon side (domain.md §6 [C]); at T5 it plans 1.3 mL, at L5 6.3 mL, inside
 * the 2.8–7.5 mL range of reported mean volumes per level (Buchbinder 2009 to VAPOUR 2016) at the
 * lumbar end and below it at the smallest thoracic bodies, as a fixed share must be.
 * Both procedures get the same default, so the comparison shows the same cement in each.
 */
export const DEFAULT_FILL_SHARE = 0.2;

/** The case fields the planned volume depends on. */
export type VolumeCase = Pick<CaseParams, 'level' | 'grade' | 'shape'> & { readonly volume?: Ml | null };

/** Default cement volume for a fractured level, mL, rounded to 0.1 mL (a syringe's marks). */
export function defaultVolumeMl(c: VolumeCase): Ml {
  return ml(Math.round(DEFAULT_FILL_SHARE * fracturedBodyVolumeMl(c.level, c.grade, c.shape) * 10) / 10);
}

/** Cement volume planned for a case, mL: `volume` when chosen, else the level's default. */
export function plannedVolumeMl(c: VolumeCase): Ml {
  return c.volume ?? defaultVolumeMl(c);
}
