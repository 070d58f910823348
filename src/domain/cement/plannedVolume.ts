/**
 * The cement volume planned for a case: the user's choice, or by default an amount that follows
 * the vertebra (domain.md §6) instead of one number for thoracic and another for lumbar levels.
 * Leak risk follows how full the body is made, not the level (domain.md §5: level is not a risk
 * factor in the pooled analysis, World Neurosurg 2017; cement volume relative to the body is, in a
 * 167-level VP series).
 */
import { fracturedBodyVolumeMl } from '../anatomy/bodyVolume.ts';
import { levelLandmarks } from '../anatomy/landmarks.ts';
import type { CaseParams, SingleProcedure } from '../caseParams.ts';
import { inflatedBalloons } from '../procedures/balloon.ts';
import { ml, type Ml } from '../units.ts';

/**
 * Vertebroplasty: cement as a share of the fractured body's volume. Molloy 2003 [C] (domain.md
 * §6): about 16% restores strength and about 30% stiffness; 20% clears the strength threshold
 * with room to spare. At L1 (grade 2 wedge, about 22 mL of body) it plans 4.3 mL, between the
 * leaking and non-leaking levels' 4.5 and 3.7 mL (domain.md §5); at T5 1.3 mL, at L5 6.3 mL, inside
 * the 2.8–7.5 mL of reported mean volumes (Buchbinder 2009 to VAPOUR 2016) at the lumbar end and
 * below it at the smallest thoracic bodies, as a fixed share must be.
 */
export const DEFAULT_FILL_SHARE = 0.2;

/**
 * Kyphoplasty: the balloon cavity is filled, then cement interdigitates into the bone round it
 * (domain.md §6: about 2.4 mL per balloon side plus interdigitation [C]). The interdigitation is a
 * share of the body [U], chosen so that at L1 kyphoplasty plans about what vertebroplasty does
 * (2.0 mL of cavity + 2.2 mL = 4.2 mL); the total fill stays inside Molloy 2003's 16–30%
 * (about 27% at T5, where the cavity is a larger share of a small body, 16% at L5).
 */
export const BKP_INTERDIGITATION_SHARE = 0.115;

/** The case fields the planned volume depends on. */
export type VolumeCase = Pick<CaseParams, 'level' | 'grade' | 'shape' | 'approach'> & { readonly volume?: Ml | null };

const cavities = new Map<string, number>();

/** Volume of the balloon cavity of a case, mL (the balloons at the end of inflation: procedures/balloon.ts). */
export function balloonCavityMl(c: VolumeCase): number {
  const key = `${c.level}|${c.grade}|${c.shape}|${c.approach}`;
  let v = cavities.get(key);
  if (v === undefined) {
    const fracture = { level: c.level, grade: c.grade, shape: c.shape };
    v = inflatedBalloons(levelLandmarks(c.level), c.approach, fracture).reduce((sum, b) => sum + b.shape.volumeMl, 0);
    cavities.set(key, v);
  }
  return v;
}

/** Default cement volume for a procedure on a fractured level, mL, rounded to 0.1 mL (a syringe's marks). */
export function defaultVolumeMl(procedure: SingleProcedure, c: VolumeCase): Ml {
  const body = fracturedBodyVolumeMl(c.level, c.grade, c.shape);
  const v = procedure === 'vp' ? DEFAULT_FILL_SHARE * body : balloonCavityMl(c) + BKP_INTERDIGITATION_SHARE * body;
  return ml(Math.round(v * 10) / 10);
}

/** Cement volume planned for a procedure on a case, mL: `volume` when chosen, else the default. */
export function plannedVolumeMl(procedure: SingleProcedure, c: VolumeCase): Ml {
  return c.volume ?? defaultVolumeMl(procedure, c);
}
