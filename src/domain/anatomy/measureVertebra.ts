/**
 * Measurements taken on triangle meshes (not on typed numbers), so tests and the app's metrics
 * see the geometry that is drawn. Meshes are in the vertebra's own frame (mm, +Y superior,
 * +Z anterior, +X left) unless a transform is passed.
 */
import { HEIGHT_INSET_MM, vertebraTransform } from './spineLayout.ts';
import { apply, invert, type RigidTransform, type Vec3 } from './vec.ts';
import { pedicleAxis, pedicleCentre, vertebraGeometry } from './vertebraGeometry.ts';
import { bodyHalfHeight } from './vertebralBody.ts';
import type { LevelId } from './levels.ts';

/** A triangle mesh: xyz positions (mm) and triangle vertex indices. */
export interface MeshView {
  readonly positions: ArrayLike<number>;
  readonly indices: ArrayLike<number>;
}

/**
 * Distances along a unit ray to every triangle it crosses, ascending (Möller–Trumbore).
 * The origin is nudged by a few micrometres off the symmetry planes, where level-set vertices
 * lie exactly and a ray would run along shared edges.
 */
export function rayHits(mesh: MeshView, origin: Vec3, d: Vec3): number[] {
  const o: Vec3 = [origin[0] + 0.00731, origin[1] + 0.00419, origin[2] + 0.00257];
  const P = mesh.positions;
  const I = mesh.indices;
  const hits: number[] = [];
  for (let i = 0; i < I.length; i += 3) {
    const a = I[i]! * 3;
    const b = I[i + 1]! * 3;
    const c = I[i + 2]! * 3;
    const e1x = P[b]! - P[a]!, e1y = P[b + 1]! - P[a + 1]!, e1z = P[b + 2]! - P[a + 2]!;
    const e2x = P[c]! - P[a]!, e2y = P[c + 1]! - P[a + 1]!, e2z = P[c + 2]! - P[a + 2]!;
    const px = d[1] * e2z - d[2] * e2y, py = d[2] * e2x - d[0] * e2z, pz = d[0] * e2y - d[1] * e2x;
    const det = e1x * px + e1y * py + e1z * pz;
    if (Math.abs(det) < 1e-12) continue;
    const inv = 1 / det;
    const tx = o[0] - P[a]!, ty = o[1] - P[a + 1]!, tz = o[2] - P[a + 2]!;
    const u = (tx * px + ty * py + tz * pz) * inv;
    if (u < 0 || u > 1) continue;
    const qx = ty * e1z - tz * e1y, qy = tz * e1x - tx * e1z, qz = tx * e1y - ty * e1x;
    const v = (d[0] * qx + d[1] * qy + d[2] * qz) * inv;
    if (v < 0 || u + v > 1) continue;
    const t = (e2x * qx + e2y * qy + e2z * qz) * inv;
    if (t > 1e-9) hits.push(t);
  }
  return hits.sort((x, y) => x - y);
}

function firstHit(mesh: MeshView, o: Vec3, d: Vec3): number {
  const h = rayHits(mesh, o, d);
  return h.length > 0 ? h[0]! : Number.NaN;
}

/** Returns a copy of the mesh with positions mapped by the inverse of `frame`. */
export function toLocal(mesh: MeshView, frame: RigidTransform): MeshView {
  const inv = invert(frame);
  const out = new Float64Array(mesh.positions.length);
  for (let i = 0; i < out.length; i += 3) {
    const p = apply(inv, [mesh.positions[i]!, mesh.positions[i + 1]!, mesh.positions[i + 2]!]);
    out[i] = p[0];
    out[i + 1] = p[1];
    out[i + 2] = p[2];
  }
  return { positions: out, indices: mesh.indices };
}

/** Anterior, middle and posterior body heights (mm). */
export interface BodyHeights {
  readonly anterior: number;
  readonly middle: number;
  readonly posterior: number;
}

/**
 * Body heights of a (possibly deformed) vertebra mesh in its own frame: vertical rays on the
 * midline at HEIGHT_INSET_MM inside the anterior and posterior walls and at mid-depth.
 */
export function measureBodyHeights(mesh: MeshView, id: LevelId): BodyHeights {
  const g = vertebraGeometry(id);
  const at = (z: number): number => {
    const top = 200 - firstHit(mesh, [0, 200, z], [0, -1, 0]);
    const bottom = -200 + firstHit(mesh, [0, -200, z], [0, 1, 0]);
    return top - bottom;
  };
  return {
    anterior: at(g.zAnterior - HEIGHT_INSET_MM),
    middle: at((g.zAnterior + g.zPosterior) / 2),
    posterior: at(g.zPosterior + HEIGHT_INSET_MM),
  };
}

/**
 * Body heights of a level's (possibly deformed) bone mesh given in the assembled-spine frame,
 * e.g. the GLB's positions: pass unitsPerMm = 0.001 for metres.
 */
export function measureBodyHeightsInSpine(mesh: MeshView, id: LevelId, unitsPerMm = 1): BodyHeights {
  const s = 1 / unitsPerMm;
  const mm = new Float64Array(mesh.positions.length);
  for (let i = 0; i < mm.length; i++) mm[i] = mesh.positions[i]! * s;
  return measureBodyHeights(toLocal({ positions: mm, indices: mesh.indices }, vertebraTransform(id)), id);
}

/** The dimensions of domain.md §2b and §2a, measured on a bone mesh in its own frame. */
export interface VertebraMeasurements extends BodyHeights {
  readonly bodyWidth: number;
  readonly bodyDepth: number;
  readonly pedicleWidth: { readonly left: number; readonly right: number };
  readonly pedicleHeight: { readonly left: number; readonly right: number };
  readonly canalWidth: number;
  readonly canalDepth: number;
  readonly extents: { readonly ap: number; readonly lr: number; readonly si: number };
}

export function measureVertebra(mesh: MeshView, id: LevelId): VertebraMeasurements {
  const g = vertebraGeometry(id);
  const p = g.params;
  // Endplate width: widest left–right chord 1.5 mm below the upper rim, over the middle half.
  let bodyWidth = 0;
  for (const f of [-0.25, -0.125, 0, 0.125, 0.25]) {
    const z = f * p.epd;
    const y = bodyHalfHeight(g, z) - 1.5;
    const w = 400 - firstHit(mesh, [200, y, z], [-1, 0, 0]) - firstHit(mesh, [-200, y, z], [1, 0, 0]);
    bodyWidth = Math.max(bodyWidth, w);
  }
  const yDepth = bodyHalfHeight(g, 0) - 1.5;
  const front = 200 - firstHit(mesh, [0, yDepth, 200], [0, 0, -1]);
  const back = g.zPosterior - 3 + firstHit(mesh, [0, yDepth, g.zPosterior - 3], [0, 0, 1]);
  const pedicle = (s: number): { w: number; h: number } => {
    const c = pedicleCentre(g, s);
    const a = pedicleAxis(g, s);
    const v: Vec3 = [a[2], 0, -a[0]];
    const w = firstHit(mesh, c, v) + firstHit(mesh, c, [-v[0], 0, -v[2]]);
    const h = firstHit(mesh, c, [0, 1, 0]) + firstHit(mesh, c, [0, -1, 0]);
    return { w, h };
  };
  const left = pedicle(1);
  const right = pedicle(-1);
  const cw: Vec3 = [0, g.pedicleY, g.pedicleZ];
  const canalWidth = firstHit(mesh, cw, [1, 0, 0]) + firstHit(mesh, cw, [-1, 0, 0]);
  const cd: Vec3 = [0, g.pedicleY, (g.zPosterior + g.zCanalBack) / 2];
  const canalDepth = firstHit(mesh, cd, [0, 0, 1]) + firstHit(mesh, cd, [0, 0, -1]);
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < mesh.positions.length; i++) {
    const k = i % 3;
    const v = mesh.positions[i]!;
    if (v < min[k]!) min[k] = v;
    if (v > max[k]!) max[k] = v;
  }
  return {
    ...measureBodyHeights(mesh, id),
    bodyWidth,
    bodyDepth: front - back,
    pedicleWidth: { left: left.w, right: right.w },
    pedicleHeight: { left: left.h, right: right.h },
    canalWidth,
    canalDepth,
    extents: { ap: max[2]! - min[2]!, lr: max[0]! - min[0]!, si: max[1]! - min[1]! },
  };
}

/**
 * The lumbar shape measures of Clouthier 2023's mean mesh (domain.md §2a), plus where the
 * processes reach, measured on a bone mesh in its own frame.
 */
export interface BodyOutline {
  /** Widest left–right chord of the body at mid-height (y = 0): the waist. */
  readonly waistWidth: number;
  /** Anterior–posterior depth at mid-height on the midline (beside the basivertebral pit). */
  readonly midDepth: number;
  /** Body height at the body centre (mid-depth, midline). */
  readonly centreHeight: number;
  /** How far the bone reaches behind the body's back wall at mid-height (the spinous tip). */
  readonly posteriorReach: number;
  /** Top of the bone behind the body (superior articular processes) above the posterior rim. */
  readonly sapRise: number;
  /** Bottom of the bone behind the body below the posterior lower rim. */
  readonly archDrop: number;
  /** Height of the middle of the spinous tip (the last 4 mm of the reach) above mid-height. */
  readonly spinousTipY: number;
  /** Greatest height of the spinous process on the midline, over the 20 mm in front of its tip. */
  readonly spinousHeight: number;
}

export function measureBodyOutline(mesh: MeshView, id: LevelId): BodyOutline {
  const g = vertebraGeometry(id);
  const p = g.params;
  let waistWidth = 0;
  for (let f = -0.3; f <= 0.301; f += 0.05) {
    const z = f * p.epd;
    const w = 400 - firstHit(mesh, [200, 0, z], [-1, 0, 0]) - firstHit(mesh, [-200, 0, z], [1, 0, 0]);
    if (Number.isFinite(w)) waistWidth = Math.max(waistWidth, w);
  }
  // The pit of the basivertebral foramen sits on the midline at mid-height: measure 3 mm either
  // side of it and average.
  let midDepth = 0;
  let backWall = 0;
  for (const x of [-3, 3]) {
    const front = 200 - firstHit(mesh, [x, 0, 200], [0, 0, -1]);
    const back = g.zPosterior - 4 + firstHit(mesh, [x, 0, g.zPosterior - 4], [0, 0, 1]);
    midDepth += (front - back) / 2;
    backWall += back / 2;
  }
  let minZ = Infinity;
  let maxYBehind = -Infinity;
  let minYBehind = Infinity;
  const P = mesh.positions;
  for (let i = 0; i < P.length; i += 3) {
    const y = P[i + 1]!;
    const z = P[i + 2]!;
    if (z < minZ) minZ = z;
    if (z < g.zPosterior - 2) {
      if (y > maxYBehind) maxYBehind = y;
      if (y < minYBehind) minYBehind = y;
    }
  }
  let tipTop = -Infinity;
  let tipBottom = Infinity;
  for (let i = 0; i < P.length; i += 3) {
    if (P[i + 2]! > minZ + 4) continue;
    tipTop = Math.max(tipTop, P[i + 1]!);
    tipBottom = Math.min(tipBottom, P[i + 1]!);
  }
  let spinousHeight = 0;
  for (let dz = 1; dz <= 20; dz += 1) {
    const h = 400 - firstHit(mesh, [0, 200, minZ + dz], [0, -1, 0]) - firstHit(mesh, [0, -200, minZ + dz], [0, 1, 0]);
    if (Number.isFinite(h)) spinousHeight = Math.max(spinousHeight, h);
  }
  const rimTop = 200 - firstHit(mesh, [0, 200, g.zPosterior + HEIGHT_INSET_MM], [0, -1, 0]);
  const rimBottom = -200 + firstHit(mesh, [0, -200, g.zPosterior + HEIGHT_INSET_MM], [0, 1, 0]);
  return {
    waistWidth,
    midDepth,
    centreHeight: measureBodyHeights(mesh, id).middle,
    posteriorReach: backWall - minZ,
    sapRise: maxYBehind - rimTop,
    archDrop: rimBottom - minYBehind,
    spinousTipY: (tipTop + tipBottom) / 2,
    spinousHeight,
  };
}
