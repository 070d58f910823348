/**
 * Vertebral compression fractures as a pure runtime deformation of base vertex positions
 * (assembled-spine frame, mm). The app applies it to the bone, the cancellous interior and the
 * two discs touching the level; the base positions in the model files stay intact.
 *
 * Genant semi-quantitative grades by height loss [C] (domain.md §3): grade 1 20–25%, grade 2
 * 25–40%, grade 3 >40%. Shapes [C]: wedge (anterior loss), biconcave (mid-body endplate loss),
 * crush (whole body).
 */
import { levelParams, type LevelId } from './levels.ts';
import { discHeights, HEIGHT_INSET_MM, vertebraTransform } from './spineLayout.ts';
import { apply, invert, rotate, type RigidTransform, type Vec3 } from './vec.ts';
import { bodyMidlineDepth, vertebraGeometry, type VertebraGeometry } from './vertebraGeometry.ts';
import { bodyHalfHeight } from './vertebralBody.ts';
import { previousLevel } from './levels.ts';
import { surfacePoint } from './landmarks.ts';
import { vertebraCancellousSdf, vertebraSdf } from './vertebraSdf.ts';

export type FractureGrade = 1 | 2 | 3;
export type FractureShape = 'wedge' | 'biconcave' | 'crush';
export type CorticalDefectSite = 'anterior' | 'lateral-left' | 'lateral-right' | 'superior-endplate';

export interface FractureParams {
  readonly level: LevelId;
  readonly grade: FractureGrade;
  readonly shape: FractureShape;
  /** Optional break in the cortex (a leak route for cement). */
  readonly corticalDefect?: CorticalDefectSite;
  /** Optional intravertebral cleft (fluid/air gap under the collapsed endplate). */
  readonly cleft?: boolean;
}

/**
 * Representative height-loss fraction per Genant grade, chosen inside each band [C]
 * (domain.md §3): 22% (20–25%), 32% (25–40%), 45% (>40%).
 */
export const GRADE_HEIGHT_LOSS: Record<FractureGrade, number> = { 1: 0.22, 2: 0.32, 3: 0.45 };

function smoothstep(a: number, b: number, x: number): number {
  const t = Math.min(Math.max((x - a) / (b - a), 0), 1);
  return t * t * (3 - 2 * t);
}

/** Local height-loss fraction at (x, z) in the vertebra's own frame. */
function lossAt(g: VertebraGeometry, f: FractureParams, x: number, z: number): number {
  const loss = GRADE_HEIGHT_LOSS[f.grade];
  const zp = g.zPosterior + HEIGHT_INSET_MM;
  const za = g.zAnterior - HEIGHT_INSET_MM;
  switch (f.shape) {
    case 'wedge':
      // Linear in depth: full loss at the anterior measuring line, none at the posterior one.
      return Math.max(0, (loss * (z - zp)) / (za - zp));
    case 'biconcave': {
      // Central dish: full loss at the centre, none at the rims.
      const p = g.params;
      const zc = (g.zAnterior + g.zPosterior) / 2;
      const r2 = (x / (0.42 * p.epw)) ** 2 + ((z - zc) / (0.5 * (za - zp))) ** 2;
      return r2 < 1 ? loss * (1 - r2) ** 2 : 0;
    }
    case 'crush':
      return loss;
  }
}

/** Share of the body height the fracture takes at (x, z) in the vertebra's own frame (0..grade loss). */
export function heightLossAt(f: FractureParams, x: number, z: number): number {
  return lossAt(vertebraGeometry(f.level), f, x, z);
}

/** A prepared fracture: maps base points (spine mm) to deformed points. */
export interface FractureDeformer {
  readonly params: FractureParams;
  deform: (p: Vec3) => Vec3;
  /**
   * The inverse: the intact point that `deform` moves to `p`. The fracture moves points only along
   * the vertebra's own long axis, and keeps their order along it, so the inverse is found on that
   * axis by bisection (to well under a micrometre).
   */
  restore: (p: Vec3) => Vec3;
}

/** No point moves further than this along the long axis (mm): more than any vertebra's height. */
const MAX_SHIFT_MM = 80;

/** Prepares the deformation for one fracture (precomputes frames). */
export function fractureDeformer(f: FractureParams): FractureDeformer {
  const g = vertebraGeometry(f.level);
  const toSpine: RigidTransform = vertebraTransform(f.level);
  const toLocal = invert(toSpine);
  // The endplate's motion fades out across the disc, finishing short of the neighbour's bone
  // (the disc's smallest height), so neighbouring vertebrae never move.
  const discAbove = previousLevel(f.level);
  const fadeOver = (d: { anterior: number; middle: number; posterior: number }): number => Math.min(d.anterior, d.middle, d.posterior) - 0.3;
  const gapAbove = discAbove ? fadeOver(discHeights(discAbove)) : 0;
  const gapBelow = f.level === 'S1' ? 0 : fadeOver(discHeights(f.level));
  const halfWidth = g.params.epw / 2;
  // Biconcave collapses both endplates toward the mid-plane; wedge and crush bring the superior
  // endplate down onto an intact inferior one (the commoner pattern).
  const anchored = f.shape !== 'biconcave';
  function deform(p: Vec3): Vec3 {
    const q = apply(toLocal, p);
    const [x, y, z] = q;
    const loss = lossAt(g, f, x, z);
    if (loss === 0) return p;
    // Only the body (and the discs on it) collapse; the posterior arch stays.
    const w = smoothstep(g.zPosterior - 4, g.zPosterior + 1, z) * (1 - smoothstep(halfWidth + 2, halfWidth + 8, Math.abs(x)));
    if (w === 0) return p;
    const hh = bodyHalfHeight(g, z);
    const anchor = anchored ? -hh : 0;
    const top = -(hh - anchor) * loss;
    const bottom = anchored ? 0 : (hh - anchor) * loss;
    let dy: number;
    if (y > hh) dy = top * (1 - smoothstep(0, gapAbove, y - hh));
    else if (y < -hh) dy = bottom * (1 - smoothstep(0, gapBelow, -hh - y));
    else dy = -(y - anchor) * loss;
    if (dy === 0) return p;
    const d = rotate(toSpine, [0, dy * w, 0]);
    return [p[0] + d[0], p[1] + d[1], p[2] + d[2]];
  }
  function restore(p: Vec3): Vec3 {
    const [x, y, z] = apply(toLocal, p);
    const at = (yi: number): number => apply(toLocal, deform(apply(toSpine, [x, yi, z])))[1];
    let lo = y - MAX_SHIFT_MM;
    let hi = y + MAX_SHIFT_MM;
    for (let i = 0; i < 48; i++) {
      const mid = (lo + hi) / 2;
      if (at(mid) < y) lo = mid;
      else hi = mid;
    }
    return apply(toSpine, [x, (lo + hi) / 2, z]);
  }
  return { params: f, deform, restore };
}

/**
 * Deforms a packed xyz position array in place. GLB positions are in metres: pass
 * unitsPerMm = 0.001 for them, 1 for millimetres.
 */
export function deformPositions(positions: Float32Array | Float64Array, fracture: FractureParams, unitsPerMm = 1): void {
  const d = fractureDeformer(fracture);
  const s = 1 / unitsPerMm;
  for (let i = 0; i < positions.length; i += 3) {
    const q = d.deform([positions[i]! * s, positions[i + 1]! * s, positions[i + 2]! * s]);
    positions[i] = q[0] * unitsPerMm;
    positions[i + 1] = q[1] * unitsPerMm;
    positions[i + 2] = q[2] * unitsPerMm;
  }
}

/** Wedge angle (degrees) from anterior and posterior heights measured on the usual lines. */
export function wedgeAngleDeg(level: LevelId, anterior: number, posterior: number): number {
  const span = levelParams(level).epd - 2 * HEIGHT_INSET_MM;
  return (Math.atan((posterior - anterior) / span) * 180) / Math.PI;
}

/** Leak-relevant features of a fracture, deformed, in the assembled-spine frame (mm). */
export interface FractureFeatures {
  /** A cortical break: where it is and which way it opens. */
  readonly defect?: { readonly site: CorticalDefectSite; readonly centre: Vec3; readonly normal: Vec3; readonly radius: number };
  /** Intravertebral cleft as an ellipsoid: centre, semi-axes along the vertebra's own x/y/z. */
  readonly cleft?: { readonly centre: Vec3; readonly radii: Vec3; readonly axes: readonly [Vec3, Vec3, Vec3] };
}

/** Places the optional cortical defect and cleft for the cement simulation. */
export function fractureFeatures(f: FractureParams): FractureFeatures {
  const g = vertebraGeometry(f.level);
  const t = vertebraTransform(f.level);
  const d = fractureDeformer(f);
  const sdf = vertebraSdf(f.level);
  const p = g.params;
  const out: { defect?: FractureFeatures['defect']; cleft?: FractureFeatures['cleft'] } = {};
  if (f.corticalDefect) {
    const zMid = (g.zAnterior + g.zPosterior) / 2;
    const [origin, dir]: [Vec3, Vec3] =
      f.corticalDefect === 'anterior' ? [[0, 0, zMid], [0, 0, 1]]
      : f.corticalDefect === 'lateral-left' ? [[0, 0, zMid + 0.15 * p.epd], [1, 0, 0]]
      : f.corticalDefect === 'lateral-right' ? [[0, 0, zMid + 0.15 * p.epd], [-1, 0, 0]]
      : [[0, 0, zMid + 0.1 * p.epd], [0, 1, 0]];
    const local = surfacePoint(sdf, origin, dir);
    // A crack a few millimetres across [U] (modelling estimate).
    out.defect = { site: f.corticalDefect, centre: d.deform(apply(t, local)), normal: rotate(t, dir), radius: 3 };
  }
  if (f.cleft) {
    // Clefts sit under the collapsed superior endplate, in the anterior half [U], sized to the
    // body: across, its width; along, its greatest midline depth (the endplate depth where the
    // front wall dips); up, its own rim heights [U: shares modelling estimates].
    const depth = bodyMidlineDepth(g);
    const radii: Vec3 = [0.3 * p.epw, 0.12 * (p.vbha + p.vbhp) / 2, 0.22 * depth];
    const local = cleftUnderEndplate(f, g.zPosterior + 0.65 * depth, radii);
    out.cleft = { centre: apply(t, local.centre), radii, axes: [rotate(t, local.axes[0]), rotate(t, local.axes[1]), rotate(t, local.axes[2])] };
  }
  return out;
}

/** Steps per semi-axis of the grid over the cleft's footprint searched for the endplate. */
const CLEFT_FOOTPRINT_STEPS = 8;

const cleftPlaces = new Map<string, { readonly centre: Vec3; readonly axes: readonly [Vec3, Vec3, Vec3] }>();

/**
 * Where a cleft of semi-axes `radii` at depth `zc` lies in the fractured body (vertebra frame, mm):
 * an intravertebral cleft is the unhealed gap of the fracture right under the endplate that
 * collapsed (domain.md §3: a fluid/air-filled gap), so it is tilted with the collapsed endplate
 * along the midline (a wedge tips it forward) and raised until its top meets the endplate's
 * underside without rising into it. Cement in it then lies against the endplate whatever the
 * body's height: an endplate broken over it opens it to the disc (the cement model's breach), and a
 * taller body does not put a layer of bone between them.
 */
function cleftUnderEndplate(f: FractureParams, zc: number, radii: Vec3): { readonly centre: Vec3; readonly axes: readonly [Vec3, Vec3, Vec3] } {
  const key = `${f.level}|${f.grade}|${f.shape}`;
  const hit = cleftPlaces.get(key);
  if (hit) return hit;
  const t = vertebraTransform(f.level);
  const toLocal = invert(t);
  const d = fractureDeformer(f);
  const cancellous = vertebraCancellousSdf(f.level);
  // Height of the collapsed endplate's underside over (x, z); the fracture moves points along the
  // vertebra's own y only, so x and z stay.
  const under = (x: number, z: number): number => apply(toLocal, d.deform(apply(t, surfacePoint(cancellous, [x, 0, z], [0, 1, 0]))))[1];
  const [rx, ry, rz] = radii;
  const slope = (under(0, zc + rz / 2) - under(0, zc - rz / 2)) / rz;
  const cos = 1 / Math.sqrt(1 + slope * slope);
  const sin = slope * cos;
  const axes: [Vec3, Vec3, Vec3] = [[1, 0, 0], [0, cos, -sin], [0, sin, cos]];
  // Over (x, z − zc) the tilted ellipsoid centred at height 0 reaches up to the larger root of
  // a·y² + 2b·y + c = 0.
  const a = cos ** 2 / ry ** 2 + sin ** 2 / rz ** 2;
  let centreY = Infinity;
  const n = CLEFT_FOOTPRINT_STEPS;
  const reach = Math.max(ry, rz);
  for (let i = -n; i <= n; i++) {
    for (let k = -n; k <= n; k++) {
      const x = (i / n) * rx, dz = (k / n) * reach;
      const b = dz * sin * cos * (1 / rz ** 2 - 1 / ry ** 2);
      const c = (x / rx) ** 2 + dz ** 2 * (sin ** 2 / ry ** 2 + cos ** 2 / rz ** 2) - 1;
      const disc = b * b - a * c;
      if (disc < 0 || cancellous(x, 0, zc + dz) >= 0) continue;
      centreY = Math.min(centreY, under(x, zc + dz) - (-b + Math.sqrt(disc)) / a);
    }
  }
  const place = { centre: [0, centreY, zc] as Vec3, axes };
  cleftPlaces.set(key, place);
  return place;
}
