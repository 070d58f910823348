/**
 * Signed-distance function of a whole vertebra (outer cortical surface) and its cancellous
 * interior, in the vertebra's own frame (mm; origin at the body centre, +Y superior, +Z anterior,
 * +X patient's left). Negative inside.
 */
import { nextLevel, previousLevel, type LevelId } from './levels.ts';
import { vertebraTransform } from './spineLayout.ts';
import { compose, invert } from './vec.ts';
import { archLayout, archSdf } from './posteriorArch.ts';
import { sdEllipsoid, sdTaperedCapsule, smax, smin, type Sdf } from './sdfPrimitives.ts';
import { bodyHalfHeight, bodySdf, canalSdf, cancellousSdf } from './vertebralBody.ts';
import { bodyFrontZ, vertebraGeometry, type VertebraGeometry } from './vertebraGeometry.ts';

/** Axis-aligned box (mm) in the vertebra's own frame. */
export interface Box3 {
  readonly min: readonly [number, number, number];
  readonly max: readonly [number, number, number];
}

/** Costal facet centre (left) on the body for the rib head, thoracic levels only. */
export function costalFacetCentre(g: VertebraGeometry): [number, number, number] {
  const hh = bodyHalfHeight(g, g.zPosterior + 4);
  // Rib heads sit at the upper posterolateral corner of the body, just in front of the pedicle [U].
  return [g.params.epw / 2 - 2.5, hh - 2.5, g.zPosterior + 4];
}

/** Sacral parts of the simplified S1: alae and the fused segments below [U]. */
function sacrumSdf(g: VertebraGeometry): Sdf {
  const p = g.params;
  const hh = p.vbhp / 2;
  return function sacrum(x: number, y: number, z: number): number {
    const ax = Math.abs(x);
    const ala = sdEllipsoid(ax - p.extents.lr / 4 - 3, y + 3, z - g.zPosterior + 4, p.extents.lr / 4, hh * 0.9, 14);
    const lower = sdTaperedCapsule(x, y, z, 0, -hh, -2, 0, -hh - 14, -8, p.epd * 0.42, p.epd * 0.3);
    const lowerWide = sdTaperedCapsule(ax, y, z, 12, -hh - 2, g.zPosterior - 2, 8, -hh - 16, g.zPosterior - 8, 9, 6);
    return smin(smin(ala, lower, 6), lowerWide, 6);
  };
}

/** Clearance (mm) kept between neighbouring bones where their processes would touch. */
export const NEIGHBOUR_CLEARANCE_MM = 0.6;

/**
 * Outer bone surface of a level. Where a process would run into a neighbour (facets, laminae),
 * both bones give way: each is trimmed by the other's uncut surface plus half the clearance,
 * so neighbours never interpenetrate.
 */
export function vertebraSdf(id: LevelId): Sdf {
  const own = rawVertebraSdf(id);
  const g = vertebraGeometry(id);
  const others = [previousLevel(id), nextLevel(id)]
    .filter((n): n is LevelId => n !== undefined)
    .map((n) => {
      const m = compose(invert(vertebraTransform(n)), vertebraTransform(id));
      return { sdf: rawVertebraSdf(n), r: m.r, t: m.t };
    });
  const zFront = g.zPosterior + 2;
  return function vertebra(x: number, y: number, z: number): number {
    let d = own(x, y, z);
    // Far outside, or inside the body (neighbours meet it only through discs): nothing to trim.
    if (d > 1.5 || z > zFront) return d;
    for (const o of others) {
      const r = o.r;
      const nx = r[0] * x + r[1] * y + r[2] * z + o.t[0];
      const ny = r[3] * x + r[4] * y + r[5] * z + o.t[1];
      const nz = r[6] * x + r[7] * y + r[8] * z + o.t[2];
      // A smooth maximum is never below the plain one, so the clearance still holds.
      d = smax(d, NEIGHBOUR_CLEARANCE_MM / 2 - o.sdf(nx, ny, nz), 1.5);
    }
    return d;
  };
}

/** Outer bone surface of a level on its own, before neighbours are taken into account. */
export function rawVertebraSdf(id: LevelId): Sdf {
  const g = vertebraGeometry(id);
  const body = bodySdf(g);
  const arch = archSdf(g);
  const canal = canalSdf(g);
  const sacrum = g.params.region === 'sacral' ? sacrumSdf(g) : undefined;
  const thoracic = g.params.region === 'thoracic';
  const facet = costalFacetCentre(g);
  return function vertebra(x: number, y: number, z: number): number {
    const ax = Math.abs(x);
    let d = smin(body(x, y, z), arch(ax, y, z), 3);
    if (sacrum) d = smin(d, sacrum(x, y, z), 5);
    if (thoracic) {
      // Costal facet: a shallow cup for the rib head.
      const cup = Math.hypot(ax - facet[0] - 3.2, y - facet[1], z - facet[2]) - 4;
      d = smax(d, -cup, 1);
    }
    return smax(d, -canal(x, y, z), 1.2);
  };
}

/** Cancellous interior of the vertebral body (the cement domain), inset by the cortex. */
export function vertebraCancellousSdf(id: LevelId): Sdf {
  const g = vertebraGeometry(id);
  const inner = cancellousSdf(g);
  const canal = canalSdf(g);
  return function cancellous(x: number, y: number, z: number): number {
    return Math.max(inner(x, y, z), -canal(x, y, z) + 0.9);
  };
}

/** Bounds (mm, own frame) that enclose the bone with a margin. */
export function vertebraBounds(id: LevelId, margin = 3): Box3 {
  const g = vertebraGeometry(id);
  const p = g.params;
  const L = archLayout(g);
  const spTip = [
    L.spinousBase[1] + L.spinousDir[1] * L.spinousLength,
    L.spinousBase[2] + L.spinousDir[2] * L.spinousLength,
  ] as const;
  const halfX = Math.max(p.extents.lr / 2, p.epw / 2) + margin;
  const yTop = Math.max(L.sapTop + 4, p.vbha / 2 + 2) + margin;
  const yBottom = Math.min(L.iapBottom - 4, spTip[0] - 14, -Math.max(p.vbha, p.vbhp) / 2 - (p.region === 'sacral' ? 34 : 2)) - margin;
  const zFront = bodyFrontZ(g) + margin;
  const zBack = Math.min(spTip[1] - 14, g.zAnterior - p.extents.ap) - margin;
  return { min: [-halfX, yBottom, zBack], max: [halfX, yTop, zFront] };
}

/** Bounds of the cancellous interior (the body only). */
export function cancellousBounds(id: LevelId): Box3 {
  const g = vertebraGeometry(id);
  const p = g.params;
  const hy = Math.max(p.vbha, p.vbhp) / 2 + 1;
  return { min: [-p.epw / 2 - 1, -hy, g.zPosterior - 0.1 * p.epd - 1], max: [p.epw / 2 + 1, hy, bodyFrontZ(g) + 1] };
}
