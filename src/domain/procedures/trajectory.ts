/**
 * The needle's path for a level, from the landmarks (assembled-spine frame, mm): skin, the entry
 * point on the pedicle, the crossing of the posterior body wall, and the target in the anterior third
 * (domain.md §1 steps 3–5). Transpedicular where the pedicle is wide enough for the needle, otherwise
 * extrapedicular (along the lateral pedicle wall, typically mid-thoracic).
 */
import type { FractureParams } from '../anatomy/fracture.ts';
import { fractureDeformer } from '../anatomy/fracture.ts';
import type { LevelLandmarks } from '../anatomy/landmarks.ts';
import type { LevelId } from '../anatomy/levels.ts';
import { levelParams } from '../anatomy/levels.ts';
import type { Vec3 } from '../anatomy/vec.ts';
import { add, apply, dot, invert, length, normalize, scale, sub } from '../anatomy/vec.ts';
import { vertebraTransform } from '../anatomy/spineLayout.ts';
import { pedicleCentre, vertebraGeometry } from '../anatomy/vertebraGeometry.ts';
import type { Approach } from '../caseParams.ts';
import { NEEDLE_DEPTH_AT } from './sampleProcedure.ts';

import type { Side } from './safety.ts';
import { medialWallX, posteriorWallZ, sideSign } from './safety.ts';
export type { Side } from './safety.ts';

/** Needle outer diameters, mm: 11 G 3.05, 13 G 2.41 (issue 4; domain.md §1: trocar 11–13 G). */
export const NEEDLE_OD_MM = Object.freeze({ 11: 3.05, 13: 2.41 });
export type Gauge = keyof typeof NEEDLE_OD_MM;

/**
 * Cortex kept either side of the needle for a transpedicular path, mm. [U] a modelling margin: a
 * pedicle narrower than the needle plus this is approached extrapedicularly.
 */
export const PEDICLE_CLEARANCE_MM = 0.8;
/** Length of the tract from the skin to the pedicle entry drawn in the scene, mm. [U] visual only. */
export const SKIN_TO_ENTRY_MM = 55;
/** Lateral offset of an extrapedicular entry from the pedicle entry, mm. [U] modelling estimate. */
const EXTRAPEDICULAR_OFFSET_MM = 5;
/**
 * How far past the posterior wall the tip should be before it reaches the medial wall line on AP,
 * and how far lateral to that line it stays until then, mm. [U] planning margins.
 */
const SAFETY_MARGIN_MM = 1;

export interface Trajectory {
  side: Side;
  route: 'transpedicular' | 'extrapedicular';
  gauge: Gauge;
  skin: Vec3;
  entry: Vec3;
  /** Where the path crosses the posterior wall of the body. */
  wall: Vec3;
  target: Vec3;
  /** Unit direction from entry to target. */
  direction: Vec3;
}

/** Thinner needles where pedicles are small (thoracic), 11 G in the lumbar spine. */
export function gaugeFor(level: LevelId): Gauge {
  return level.startsWith('L') || level === 'S1' ? 11 : 13;
}

export function needsExtrapedicular(level: LevelId, gauge: Gauge = gaugeFor(level)): boolean {
  return levelParams(level).pw < NEEDLE_OD_MM[gauge] + 2 * PEDICLE_CLEARANCE_MM;
}

/** The sides a needle goes in from: both, or the left for a single needle. */
export function sidesFor(approach: Approach): Side[] {
  return approach === 'bipedicular' ? ['left', 'right'] : ['left'];
}

/**
 * The path for one side. With a fracture, the target and the posterior wall are taken in the
 * collapsed body (the needle is placed after the fracture, into what is left of the anterior third).
 */
export function planTrajectory(level: LevelId, lm: LevelLandmarks, side: Side, approach: Approach, fracture?: FractureParams): Trajectory {
  const gauge = gaugeFor(level);
  const pedicle = lm.pedicles[side];
  const route = needsExtrapedicular(level, gauge) ? 'extrapedicular' : 'transpedicular';
  const deform = fracture ? fractureDeformer(fracture).deform : (p: Vec3) => p;
  // One needle aims at the midline so the cement can cross to both halves; two aim one each side.
  const target = deform(approach === 'bipedicular' ? lm.anteriorThirdTargets[side] : lm.anteriorThirdTargets.midline);
  let entry = pedicle.entry;
  if (route === 'extrapedicular') {
    const lateral: Vec3 = side === 'left' ? [1, 0, 0] : [-1, 0, 0];
    entry = add(entry, scale(lateral, levelParams(level).pw / 2 + EXTRAPEDICULAR_OFFSET_MM));
  }
  entry = keepSafe(level, side, entry, target);
  const g = vertebraGeometry(level);
  const toLocal = invert(vertebraTransform(level));
  const lateralEdge = Math.abs(pedicleCentre(g, sideSign(side))[0]) + levelParams(level).pw / 2;
  const finalRoute = Math.abs(apply(toLocal, entry)[0]) > lateralEdge ? 'extrapedicular' : route;
  const direction = normalize(sub(target, entry));
  const skin = sub(entry, scale(direction, SKIN_TO_ENTRY_MM));
  // Posterior wall: the plane through the basivertebral foramen, facing backwards.
  const c = deform(lm.basivertebralForamen.centre);
  const n = lm.basivertebralForamen.normal;
  const denom = dot(direction, n);
  const u = Math.abs(denom) > 1e-9 ? dot(sub(c, entry), n) / denom : length(sub(target, entry)) / 2;
  const wall = add(entry, scale(direction, Math.min(Math.max(u, 0), length(sub(target, entry)))));
  return { side, route: finalRoute, gauge, skin, entry, wall, target, direction };
}

/**
 * Moves the entry laterally, if needed, so that the straight path to the target stays lateral to the
 * medial pedicle wall (AP) until it is past the posterior wall (lateral): the safety rule by design.
 * A single needle aimed at the midline is the case that needs it: the entry goes to the lateral
 * pedicle margin, with more medial angulation.
 */
function keepSafe(level: LevelId, side: Side, entry: Vec3, target: Vec3): Vec3 {
  const toSpine = vertebraTransform(level);
  const toLocal = invert(toSpine);
  const e = apply(toLocal, entry);
  const t = apply(toLocal, target);
  const s = sideSign(side);
  const u = (posteriorWallZ(level) + SAFETY_MARGIN_MM - e[2]) / (t[2] - e[2]);
  if (!(u > 0 && u < 1)) return entry;
  const needed = (s * medialWallX(level, side) + SAFETY_MARGIN_MM - s * t[0] * u) / (1 - u);
  if (s * e[0] >= needed) return entry;
  return apply(toSpine, [s * needed, e[1], e[2]]);
}

/** Tip position for a needle depth fraction from sample() (see NEEDLE_DEPTH_AT). */
export function tipAt(t: Trajectory, depth: number): Vec3 {
  const d = Math.min(1, Math.max(0, depth));
  const seg = (a: Vec3, b: Vec3, u: number): Vec3 => add(a, scale(sub(b, a), Math.min(1, Math.max(0, u))));
  if (d <= NEEDLE_DEPTH_AT.dock) return seg(t.skin, t.entry, d / NEEDLE_DEPTH_AT.dock);
  if (d <= NEEDLE_DEPTH_AT.pedicle) return seg(t.entry, t.wall, (d - NEEDLE_DEPTH_AT.dock) / (NEEDLE_DEPTH_AT.pedicle - NEEDLE_DEPTH_AT.dock));
  return seg(t.wall, t.target, (d - NEEDLE_DEPTH_AT.pedicle) / (NEEDLE_DEPTH_AT.body - NEEDLE_DEPTH_AT.pedicle));
}
