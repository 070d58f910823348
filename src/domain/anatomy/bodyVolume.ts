/**
 * Volume of a vertebral body as it stands after the fracture, mL: the denominator of the fill
 * share (Molloy 2003, domain.md §6) that sets the default cement volume.
 *
 * The body's own surface (`bodySdf`, without the posterior arch) is integrated column by column in
 * the vertebra's own frame (mm, +Y superior, +Z anterior, +X left). The fracture deformation moves
 * points only along the vertebra's y axis and, inside the body, scales each column by a constant
 * factor; the factor is read off the anatomy's `fractureDeformer` at the column's two ends, so this
 * follows whatever shape of collapse the anatomy draws.
 */
import { fractureDeformer, type FractureGrade, type FractureShape } from './fracture.ts';
import type { LevelId } from './levels.ts';
import { vertebraTransform } from './spineLayout.ts';
import { apply, invert } from './vec.ts';
import { bodyFrontZ, vertebraGeometry } from './vertebraGeometry.ts';
import { bodyHalfHeight, bodySdf } from './vertebralBody.ts';

/** Column spacing in x and z, mm: within about 1% of a finer integration at T1 and at L5. */
const STEP_XZ_MM = 1;
/** Smallest step along a column, mm; surfaces are then found by bisection to 0.01 mm. */
const STEP_Y_MM = 0.5;
/** The body's SDF blends are not exact distances: step by a share of the value only. */
const SDF_SAFETY = 0.8;

/** Length (mm) of the part of the column at (x, z) between y0 and y1 where sdf < 0. */
function insideLength(sdf: (x: number, y: number, z: number) => number, x: number, z: number, y0: number, y1: number): number {
  const surface = (a: number, b: number): number => {
    // a and b straddle the surface: bisect.
    let lo = a, hi = b;
    const inA = sdf(x, a, z) < 0;
    for (let n = 0; n < 6; n++) {
      const m = (lo + hi) / 2;
      if ((sdf(x, m, z) < 0) === inA) lo = m;
      else hi = m;
    }
    return (lo + hi) / 2;
  };
  let length = 0;
  let y = y0;
  let d = sdf(x, y, z);
  let enter = d < 0 ? y : Number.NaN;
  while (y < y1) {
    const step = Math.max(Math.abs(d) * SDF_SAFETY, STEP_Y_MM);
    const next = Math.min(y + step, y1);
    const dn = sdf(x, next, z);
    if (d >= 0 && dn < 0) enter = surface(y, next);
    else if (d < 0 && dn >= 0) length += surface(y, next) - enter;
    y = next;
    d = dn;
  }
  if (d < 0) length += y1 - enter;
  return length;
}

const cache = new Map<string, number>();

/** Volume (mL) of the fractured vertebral body: cortical shell and cancellous bone, no arch. */
export function fracturedBodyVolumeMl(level: LevelId, grade: FractureGrade, shape: FractureShape): number {
  const key = `${level}|${grade}|${shape}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const g = vertebraGeometry(level);
  const p = g.params;
  const body = bodySdf(g);
  const toSpine = vertebraTransform(level);
  const toLocal = invert(toSpine);
  const deformer = fractureDeformer({ level, grade, shape });
  const deformedY = (x: number, y: number, z: number): number => apply(toLocal, deformer.deform(apply(toSpine, [x, y, z])))[1];
  const halfX = p.epw / 2 + 2;
  const halfY = Math.max(p.vbha, p.vbhp) / 2 + 3;
  let mm3 = 0;
  for (let z = g.zPosterior - 2; z <= bodyFrontZ(g) + 2; z += STEP_XZ_MM) {
    const hh = bodyHalfHeight(g, z);
    for (let x = -halfX; x <= halfX; x += STEP_XZ_MM) {
      const inside = insideLength(body, x, z, -halfY, halfY);
      if (inside === 0) continue;
      // The column's collapse: deformed over intact length between its two endplates.
      const stretch = (deformedY(x, hh, z) - deformedY(x, -hh, z)) / (2 * hh);
      mm3 += inside * stretch;
    }
  }
  const ml = (mm3 * STEP_XZ_MM * STEP_XZ_MM) / 1000;
  cache.set(key, ml);
  return ml;
}
