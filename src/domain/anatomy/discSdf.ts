/**
 * Intervertebral discs (annulus envelope and the nucleus inside it) as signed-distance functions
 * in the assembled-spine frame (mm). A disc fills the space between the two endplates it joins, so it meets both by
 * construction (a hair's gap keeps the meshes from touching).
 */
import { nextLevel, levelParams, type LevelId } from './levels.ts';
import { sdEllipsoid, sdSuperellipse2, smax, type Sdf } from './sdfPrimitives.ts';
import { discFrame, discHeights, vertebraTransform } from './spineLayout.ts';
import { apply, invert, type RigidTransform } from './vec.ts';
import { canalSdf } from './vertebralBody.ts';
import { vertebraGeometry } from './vertebraGeometry.ts';
import { rawVertebraSdf, type Box3 } from './vertebraSdf.ts';

/** Gap (mm) between a disc and the endplates it joins: well under the 0.5 mm contact tolerance. */
export const DISC_ENDPLATE_GAP_MM = 0.15;

function pointMapper(t: RigidTransform): (x: number, y: number, z: number) => readonly [number, number, number] {
  const inv = invert(t);
  return (x, y, z) => apply(inv, [x, y, z]);
}

interface DiscParts {
  readonly annulus: Sdf;
  readonly nucleus: Sdf;
  readonly bounds: Box3;
}

/** The disc below `upper` (undefined for S1). SDFs take assembled-spine coordinates. */
export function discSdfs(upper: LevelId): DiscParts | undefined {
  const lower = nextLevel(upper);
  if (!lower) return undefined;
  const pu = levelParams(upper);
  const pl = levelParams(lower);
  const gu = vertebraGeometry(upper);
  const gl = vertebraGeometry(lower);
  // Clip against the whole bone surface (the arch's blend lifts the rim near the pedicles).
  const bodyU = rawVertebraSdf(upper);
  const bodyL = rawVertebraSdf(lower);
  const canalL = canalSdf(gl);
  const toU = pointMapper(vertebraTransform(upper));
  const toL = pointMapper(vertebraTransform(lower));
  const frame = discFrame(upper);
  const toD = pointMapper(frame);
  const h = discHeights(upper);
  // The annulus bulges ~1 mm past the rims [U].
  const a = (pu.epw + pl.epw) / 4 + 1;
  const back = Math.max(gu.zPosterior, gl.zPosterior) - 0.5;
  const front = Math.min(gu.zAnterior, gl.zAnterior) + 1;
  const b = (front - back) / 2;
  const zc = (front + back) / 2;
  // Wedge-shaped slab: the disc's own height at each depth plus ~1 mm to reach round the rims.
  const halfAt = (z: number): number => {
    const t = Math.min(Math.max((z - back) / (front - back), 0), 1);
    return (h.posterior + (h.anterior - h.posterior) * t) / 2 + 1.2;
  };
  const clip = (x: number, y: number, z: number, gap: number): number => {
    const u = toU(x, y, z);
    const l = toL(x, y, z);
    return Math.max(-bodyU(u[0], u[1], u[2]) + gap, -bodyL(l[0], l[1], l[2]) + gap, -canalL(l[0], l[1], l[2]) + 0.5);
  };
  function nucleus(x: number, y: number, z: number): number {
    const d = toD(x, y, z);
    // Nucleus pulposus: central–posterior, ~40% of the disc's area [U].
    const n = sdEllipsoid(d[0], d[1], d[2] - zc + 0.1 * b, 0.5 * a, 0.42 * h.middle, 0.46 * b);
    return Math.max(n, clip(x, y, z, 1.2));
  }
  function annulus(x: number, y: number, z: number): number {
    const d = toD(x, y, z);
    const foot = sdSuperellipse2(d[0], d[2] - zc, a, b, 2.3);
    const slab = Math.abs(d[1]) - halfAt(d[2]);
    // The annulus mesh is the disc's whole envelope; the nucleus mesh sits inside it.
    return Math.max(smax(foot, slab, 2), clip(x, y, z, DISC_ENDPLATE_GAP_MM));
  }
  const c = frame.t;
  const r = Math.max(a, b) + 4;
  return {
    annulus,
    nucleus,
    bounds: { min: [c[0] - a - 3, c[1] - r, c[2] - r], max: [c[0] + a + 3, c[1] + r, c[2] + r] },
  };
}
