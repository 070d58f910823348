/**
 * A stand-in for the generated anatomy until the spine models load: five simple vertebral bodies
 * around the chosen level and the transpedicular needle path. Sizes are the L1 row of the per-level
 * table in shared/domain.md §2b ([U] placeholders): endplate width 41, depth 32, body height 25 mm;
 * the L1/2 disc middle height 10.0 mm [C].
 */
import type { Grade } from '../domain/caseParams.ts';
import { NEEDLE_DEPTH_AT } from '../domain/procedures/sampleProcedure.ts';

export const PLACEHOLDER_BODY = Object.freeze({ widthMm: 41, depthMm: 32, heightMm: 25, discMm: 10 });

/** Height lost for a grade, as a share: a point inside each Genant band (domain.md §3). */
export const PLACEHOLDER_LOSS: Readonly<Record<Grade, number>> = Object.freeze({ 1: 0.22, 2: 0.32, 3: 0.45 });

export type Vec3 = readonly [number, number, number];

/** Needle path in mm, body centre at the origin: skin, pedicle entry, posterior wall, target. */
export function placeholderNeedlePath(side: 1 | -1): { skin: Vec3; pedicle: Vec3; wall: Vec3; target: Vec3 } {
  const halfDepth = PLACEHOLDER_BODY.depthMm / 2;
  const pedicle: Vec3 = [side * 15, 2, -halfDepth - 14];
  // Anterior third of the body, a little off the midline on the needle's side.
  const target: Vec3 = [side * 5, 0, halfDepth - PLACEHOLDER_BODY.depthMm / 6];
  const along = (a: Vec3, b: Vec3, u: number): Vec3 => [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, a[2] + (b[2] - a[2]) * u];
  const wallU = (-halfDepth - pedicle[2]) / (target[2] - pedicle[2]);
  const wall = along(pedicle, target, wallU);
  const skin = along(pedicle, target, -2.2);
  return { skin, pedicle, wall, target };
}

/** Tip position (mm) for a needle depth fraction from sample(). */
export function placeholderNeedleTip(side: 1 | -1, depth: number, out: [number, number, number]): void {
  const { skin, pedicle, wall, target } = placeholderNeedlePath(side);
  let a = skin;
  let b = pedicle;
  let u = depth / NEEDLE_DEPTH_AT.dock;
  if (depth > NEEDLE_DEPTH_AT.pedicle) {
    a = wall;
    b = target;
    u = (depth - NEEDLE_DEPTH_AT.pedicle) / (NEEDLE_DEPTH_AT.body - NEEDLE_DEPTH_AT.pedicle);
  } else if (depth > NEEDLE_DEPTH_AT.dock) {
    a = pedicle;
    b = wall;
    u = (depth - NEEDLE_DEPTH_AT.dock) / (NEEDLE_DEPTH_AT.pedicle - NEEDLE_DEPTH_AT.dock);
  }
  const c = Math.min(1, Math.max(0, u));
  out[0] = a[0] + (b[0] - a[0]) * c;
  out[1] = a[1] + (b[1] - a[1]) * c;
  out[2] = a[2] + (b[2] - a[2]) * c;
}
