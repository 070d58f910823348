/**
 * Soft parts around a level, as simple tubes and sheets in the assembled-spine frame (mm):
 * dural sac with spinal cord (to L1) or cauda equina (below), nerve roots through the foramina,
 * basivertebral and segmental veins, the venous plexus, paraspinal muscle and skin.
 * Each part is cut by the planes halfway to the neighbouring levels, so stacked parts abut.
 * Sizes are modelling estimates [U] unless cited.
 */
import { LEVELS, levelParams, nextLevel, previousLevel, type LevelId } from './levels.ts';
import type { ModelPart, PartKind } from './modelParts.ts';
import { archLayout } from './posteriorArch.ts';
import { sdPolylineTube, sdRoundBox, smax, type Sdf } from './sdfPrimitives.ts';
import { vertebraTransform } from './spineLayout.ts';
import { add, apply, invert, normalize, rotate, scale, sub, type RigidTransform, type Vec3 } from './vec.ts';
import { bodyFrontZ, vertebraGeometry } from './vertebraGeometry.ts';
import type { Box3 } from './vertebraSdf.ts';
import { rawVertebraSdf } from './vertebraSdf.ts';

interface Plane {
  readonly point: Vec3;
  readonly normal: Vec3;
}

/** Plane halfway between two levels' body centres, normal pointing up (spine frame). */
function midPlane(upper: LevelId, lower: LevelId): Plane {
  const a = vertebraTransform(upper);
  const b = vertebraTransform(lower);
  const normal = normalize(add(rotate(a, [0, 1, 0]), rotate(b, [0, 1, 0])));
  return { point: scale(add(a.t, b.t), 0.5), normal };
}

/** Cut planes bounding a level's segment: [above, below]. */
function segmentPlanes(id: LevelId): [Plane, Plane] {
  const prev = previousLevel(id);
  const next = nextLevel(id);
  const t = vertebraTransform(id);
  const up = rotate(t, [0, 1, 0]);
  const above = prev ? midPlane(prev, id) : { point: add(t.t, scale(up, 18)), normal: up };
  const below = next ? midPlane(id, next) : { point: add(t.t, scale(up, -30)), normal: up };
  return [above, below];
}

function planeSigned(p: Plane, x: number, y: number, z: number): number {
  return (x - p.point[0]) * p.normal[0] + (y - p.point[1]) * p.normal[1] + (z - p.point[2]) * p.normal[2];
}

/** Restricts an SDF to the slab between the segment's planes. */
function cutToSegment(sdf: Sdf, id: LevelId): Sdf {
  const [above, below] = segmentPlanes(id);
  return (x, y, z) => Math.max(sdf(x, y, z), planeSigned(above, x, y, z), -planeSigned(below, x, y, z));
}

/** A polyline given in a level's own frame, mapped to the spine frame (flat xyz array). */
export function placed(t: RigidTransform, pts: readonly Vec3[]): number[] {
  return pts.flatMap((p) => [...apply(t, p)]);
}

/** Keeps a soft part clear of the level's bone and its neighbours' (0.3 mm). */
export function clearOfBone(sdf: Sdf, id: LevelId): Sdf {
  const ids = [previousLevel(id), id, nextLevel(id)].filter((l): l is LevelId => l !== undefined);
  const bones = ids.map((l) => ({ sdf: rawVertebraSdf(l), inv: invert(vertebraTransform(l)) }));
  return (x, y, z) => {
    let d = sdf(x, y, z);
    if (d > 1) return d;
    for (const b of bones) {
      const q = apply(b.inv, [x, y, z]);
      d = Math.max(d, 0.3 - b.sdf(q[0], q[1], q[2]));
    }
    return d;
  };
}

export function boundsOf(points: readonly number[], pad: number): Box3 {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < points.length; i++) {
    const k = i % 3;
    min[k] = Math.min(min[k]!, points[i]! - pad);
    max[k] = Math.max(max[k]!, points[i]! + pad);
  }
  return { min, max };
}

function tube(name: string, kind: PartKind, points: number[], r: number, edge: number, maxTriangles: number, sdf?: Sdf): ModelPart {
  return {
    name,
    kind,
    space: 'spine',
    sdf: sdf ?? ((x, y, z) => sdPolylineTube(x, y, z, points, r)),
    bounds: boundsOf(points, r + 2 * edge + 1),
    edge,
    maxTriangles,
  };
}

/** The canal centre line through a level, extended halfway to its neighbours (spine frame). */
function canalLine(id: LevelId): number[] {
  const centre = (l: LevelId): Vec3 => {
    const g = vertebraGeometry(l);
    return apply(vertebraTransform(l), [0, g.pedicleY - 2, (g.zPosterior + g.zCanalBack) / 2 + 1]);
  };
  const c = centre(id);
  const prev = previousLevel(id);
  const next = nextLevel(id);
  const up = rotate(vertebraTransform(id), [0, 1, 0]);
  const a = prev ? centre(prev) : add(c, scale(up, 30));
  const b = next ? centre(next) : add(c, scale(up, -40));
  return [...a, ...c, ...b];
}

function neuralParts(id: LevelId): ModelPart[] {
  const p = levelParams(id);
  const line = canalLine(id);
  // Dural sac fills most of the canal: radius ~0.36 × the smaller canal dimension [U].
  const rDura = 0.36 * Math.min(p.scw, p.scd);
  const dura = clearOfBone(cutToSegment((x, y, z) => sdPolylineTube(x, y, z, line, rDura), id), id);
  const parts: ModelPart[] = [{ ...tube(`${id}_dura`, 'dura', line, rDura, 1.5, 700), sdf: dura }];
  const index = LEVELS.indexOf(id);
  // The cord ends near L1–L2 (conus medullaris); below it the cauda equina (issue 3).
  if (index <= LEVELS.indexOf('L1')) {
    const rCord = p.region === 'thoracic' ? 4 : 3.5; // [U] cord ~8 mm across
    const cord = cutToSegment((x, y, z) => sdPolylineTube(x, y, z, line, rCord), id);
    const conus: Sdf =
      id === 'L1'
        ? (x, y, z) => {
            // Taper to a point at the L1–L2 mid-plane.
            const [, below] = segmentPlanes(id);
            const s = planeSigned(below, x, y, z);
            return Math.max(cord(x, y, z), sdPolylineTube(x, y, z, line, Math.max(0.5, Math.min(rCord, s * 0.3))));
          }
        : cord;
    parts.push({ ...tube(`${id}_cord`, 'neural', line, rCord, 1.3, 500), sdf: conus });
  } else {
    // Cauda equina: a bundle of roots in the dural sac.
    const t = vertebraTransform(id);
    const xs = [-4, -1.5, 1.5, 4];
    const ys = [-1.5, 1.5];
    const strands: number[][] = [];
    for (const dx of xs) {
      for (const dz of ys) {
        const off = rotate(t, [dx, 0, dz]);
        const pts: number[] = [];
        for (let i = 0; i < line.length; i += 3) pts.push(line[i]! + off[0], line[i + 1]! + off[1], line[i + 2]! + off[2]);
        strands.push(pts);
      }
    }
    const cauda = cutToSegment((x, y, z) => Math.min(...strands.map((s) => sdPolylineTube(x, y, z, s, 1))), id);
    parts.push({ ...tube(`${id}_cauda`, 'neural', line, 6, 0.9, 1200), sdf: cauda });
  }
  // Nerve roots leave through the foramen under each pedicle.
  if (nextLevel(id)) {
    const g = vertebraGeometry(id);
    const t = vertebraTransform(id);
    const rRoot = p.region === 'thoracic' ? 1.5 : 2.4; // [U]
    for (const [side, s] of [['left', 1], ['right', -1]] as const) {
      const yF = g.pedicleY - p.ph / 2 - rRoot - 2;
      const pts = placed(t, [
        [s * (p.scw / 2 - 4), g.pedicleY - 2, g.pedicleZ - 1],
        [s * (g.pedicleX + 1), yF, g.pedicleZ + 1],
        [s * (g.pedicleX + 10), yF - 6, g.zPosterior + 6],
        [s * (g.pedicleX + 18), yF - 14, g.zPosterior + 14],
      ]);
      const root = clearOfBone((x, y, z) => sdPolylineTube(x, y, z, pts, rRoot), id);
      parts.push({ ...tube(`${id}_root_${side}`, 'neural', pts, rRoot, 1, 400), sdf: root });
    }
  }
  return parts;
}

function venousParts(id: LevelId): ModelPart[] {
  const g = vertebraGeometry(id);
  const p = g.params;
  const t = vertebraTransform(id);
  const parts: ModelPart[] = [];
  // Basivertebral vein: from the body's centre out through the foramen in the posterior wall at
  // mid-height on the midline (domain.md §2b), into the anterior internal plexus.
  const bv = placed(t, [
    [0, 0, g.zPosterior + 0.45 * p.epd],
    [0, 0, g.zPosterior - 1.2],
  ]);
  parts.push(tube(`${id}_basivertebral_vein`, 'vein', bv, 1.1, 0.7, 200));
  // Segmental (lumbar / intercostal) veins hug the waist of the body and run back to the foramen.
  const hw = p.epw / 2 * 0.9;
  for (const [side, s] of [['left', 1], ['right', -1]] as const) {
    const pts = placed(t, [
      [s * 0.25 * p.epw, -1, bodyFrontZ(g) + 1.5],
      [s * (hw * 0.75), -1, bodyFrontZ(g) - 0.1 * p.epd + 1.5],
      [s * (hw + 1.5), 0, 0],
      [s * (hw + 1), 0, g.zPosterior + 0.15 * p.epd],
      [s * (g.pedicleX + 2), g.pedicleY - p.ph / 2 - 3, g.zPosterior - 3],
    ]);
    const vein = clearOfBone((x, y, z) => sdPolylineTube(x, y, z, pts, 1.4), id);
    parts.push({ ...tube(`${id}_segmental_vein_${side}`, 'vein', pts, 1.4, 0.9, 400), sdf: vein });
  }
  // Venous plexus: the anterior external plexus on the front of the body and the anterior
  // internal (epidural) plexus behind it, as thin longitudinal channels joined at mid-height.
  const hh = (p.vbha + p.vbhp) / 4 + 3;
  const strands: number[][] = [];
  for (const x of [-0.22 * p.epw, 0, 0.22 * p.epw]) {
    strands.push(placed(t, [[x, hh, bodyFrontZ(g) + 1.2], [x, -hh, bodyFrontZ(g) + 1.2]]));
  }
  strands.push(placed(t, [[-0.3 * p.epw, 0, bodyFrontZ(g)], [0, 0, bodyFrontZ(g) + 1.2], [0.3 * p.epw, 0, bodyFrontZ(g)]]));
  for (const s of [1, -1]) {
    strands.push(placed(t, [[s * (p.scw / 2 - 3), hh, g.zPosterior - 1.6], [s * (p.scw / 2 - 3), -hh, g.zPosterior - 1.6]]));
  }
  strands.push(placed(t, [[-(p.scw / 2 - 3), 0, g.zPosterior - 1.6], [p.scw / 2 - 3, 0, g.zPosterior - 1.6]]));
  const all = strands.flat();
  const plexus = clearOfBone(cutToSegment((x, y, z) => Math.min(...strands.map((s) => sdPolylineTube(x, y, z, s, 0.8))), id), id);
  parts.push({ ...tube(`${id}_plexus`, 'vein', all, 0.8, 0.7, 1200), sdf: plexus });
  return parts;
}

function backParts(id: LevelId): ModelPart[] {
  const g = vertebraGeometry(id);
  const p = g.params;
  const t = vertebraTransform(id);
  const inv = invert(t);
  const L = archLayout(g);
  const bone = rawVertebraSdf(id);
  const zBack = g.zAnterior - p.extents.ap; // spinous tip
  const halfW = Math.max(p.extents.lr / 2, 40);
  const yMid = (L.sapTop + L.iapBottom) / 2;
  // Paraspinal muscle (erector spinae and multifidus) filling the gutters beside the spinous
  // processes, behind the laminae and transverse processes [U].
  const zM = (zBack + L.pillar[2]) / 2 - 4;
  const muscleLocal: Sdf = (x, y, z) => {
    const box = sdRoundBox(Math.abs(x) - halfW * 0.5 - 1.5, y - yMid, z - zM, halfW * 0.5, 40, (L.pillar[2] - zBack) / 2 + 6, 6);
    return Math.max(box, 0.4 - bone(x, y, z));
  };
  const muscle = cutToSegment((x, y, z) => {
    const q = apply(inv, [x, y, z]);
    return muscleLocal(q[0], q[1], q[2]);
  }, id);
  // Skin over the back: a 3 mm sheet ~12 mm behind the spinous tips, curving forward laterally
  // [U]. One shared axis for the whole spine keeps neighbouring levels' sheets continuous.
  const zSkin = zBack - 12;
  const axis = skinAxis();
  const skin = cutToSegment((x, y, z) => {
    const r = sdPolylineTube(x, y, z, axis, 0);
    return smax(Math.abs(r - SKIN_RADIUS_MM) - 1.5, Math.abs(x) - 75, 2);
  }, id);
  const corners = (x0: number, x1: number, z0: number, z1: number): number[] => {
    const out: number[] = [];
    for (const x of [x0, x1]) for (const y of [yMid - 45, yMid + 45]) for (const z of [z0, z1]) out.push(...apply(t, [x, y, z]));
    return out;
  };
  return [
    { name: `${id}_muscle`, kind: 'muscle', space: 'spine', sdf: muscle, bounds: boundsOf(corners(-halfW - 4, halfW + 4, zBack - 8, L.pillar[2] + 8), 2), edge: 2.5, maxTriangles: 4000 },
    { name: `${id}_skin`, kind: 'skin', space: 'spine', sdf: skin, bounds: boundsOf(corners(-78, 78, zSkin - 4, zSkin + 25), 2), edge: 2.5, maxTriangles: 3000 },
  ];
}

/** Radius of curvature of the back's skin across the body (mm) [U]. */
const SKIN_RADIUS_MM = 160;
let skinAxisCache: number[] | undefined;

/**
 * The axis of the skin's cylinder: for each level, the point SKIN_RADIUS_MM in front of the skin
 * line (12 mm behind the spinous tip), extended past both ends; spine frame, flat xyz.
 */
function skinAxis(): number[] {
  if (skinAxisCache) return skinAxisCache;
  const pts: Vec3[] = LEVELS.map((l) => {
    const p = levelParams(l);
    const zSkin = p.epd / 2 - p.extents.ap - 12;
    return apply(vertebraTransform(l), [0, 0, zSkin + SKIN_RADIUS_MM]);
  });
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  const up = sub(first, pts[1]!);
  const down = sub(last, pts[pts.length - 2]!);
  skinAxisCache = [add(first, up), ...pts, add(last, down)].flatMap((p) => [...p]);
  return skinAxisCache;
}

/** All soft parts of one level. */
export function softTissueParts(id: LevelId): ModelPart[] {
  return [...neuralParts(id), ...venousParts(id), ...backParts(id)];
}
