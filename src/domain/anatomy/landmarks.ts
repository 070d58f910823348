/**
 * Landmarks per level in the assembled-spine frame (mm; +Y superior, +Z anterior, +X left):
 * what the needle path, the balloon and the cement simulation aim at. Surface points are found on
 * the same SDF the meshes come from, so they lie on the generated bone.
 */
import { LEVELS, levelParams, nextLevel, type LevelId } from './levels.ts';
import type { Sdf } from './sdfPrimitives.ts';
import { inferiorEndplateFrame, superiorEndplateFrame, vertebraTransform } from './spineLayout.ts';
import { apply, rotate, toMat4, type RigidTransform, type Vec3 } from './vec.ts';
import { bodyFrontZ, pedicleAxis, pedicleCentre, vertebraGeometry } from './vertebraGeometry.ts';
import { vertebraCancellousSdf, vertebraSdf } from './vertebraSdf.ts';

export interface PlaneLandmark {
  /** Point (mm). */
  readonly centre: Vec3;
  /** Unit normal pointing out of the bone. */
  readonly normal: Vec3;
}

export interface PedicleLandmark {
  /** Where the pedicle axis leaves the bone posteriorly: the needle's entry point (mm). */
  readonly entry: Vec3;
  /** Isthmus centre (mm). */
  readonly isthmus: Vec3;
  /** Unit axis pointing anteriorly, into the body. */
  readonly axis: Vec3;
}

export interface Sided<T> {
  readonly left: T;
  readonly right: T;
}

/** All landmarks of one level (assembled-spine mm). */
export interface LevelLandmarks {
  readonly bodyCentre: Vec3;
  readonly superiorEndplate: PlaneLandmark;
  readonly inferiorEndplate: PlaneLandmark;
  readonly pedicles: Sided<PedicleLandmark>;
  readonly anteriorThirdTargets: Sided<Vec3> & { readonly midline: Vec3 };
  readonly basivertebralForamen: PlaneLandmark;
  readonly segmentalVeinExits: Sided<Vec3>;
  readonly canalCentre: Vec3;
  /** Midline body depth (mm): the scale of the anterior / middle / posterior thirds. */
  readonly bodyDepth: number;
}

/** Walks from an inside point along dir to the surface (bisection to 0.01 mm). */
export function surfacePoint(sdf: Sdf, origin: Vec3, dir: Vec3, maxDistance = 120): Vec3 {
  const step = 0.25;
  let inside = 0;
  for (let t = step; t <= maxDistance; t += step) {
    const v = sdf(origin[0] + dir[0] * t, origin[1] + dir[1] * t, origin[2] + dir[2] * t);
    if (v > 0) {
      let lo = inside;
      let hi = t;
      for (let i = 0; i < 30; i++) {
        const mid = (lo + hi) / 2;
        if (sdf(origin[0] + dir[0] * mid, origin[1] + dir[1] * mid, origin[2] + dir[2] * mid) > 0) hi = mid;
        else lo = mid;
      }
      const s = (lo + hi) / 2;
      return [origin[0] + dir[0] * s, origin[1] + dir[1] * s, origin[2] + dir[2] * s];
    }
    inside = t;
  }
  return [origin[0] + dir[0] * maxDistance, origin[1] + dir[1] * maxDistance, origin[2] + dir[2] * maxDistance];
}

function round3(v: Vec3): Vec3 {
  return [Math.round(v[0] * 1000) / 1000, Math.round(v[1] * 1000) / 1000, Math.round(v[2] * 1000) / 1000];
}

/** Landmarks in the vertebra's own frame. */
export function localLandmarks(id: LevelId): LevelLandmarks {
  const g = vertebraGeometry(id);
  const p = levelParams(id);
  const sdf = vertebraSdf(id);
  const sup = superiorEndplateFrame(id);
  const inf = inferiorEndplateFrame(id);
  const up: Vec3 = [0, 1, 0];
  const pedicle = (s: number): PedicleLandmark => {
    const c = pedicleCentre(g, s);
    const axis = pedicleAxis(g, s);
    const entry = surfacePoint(sdf, c, [-axis[0], -axis[1], -axis[2]]);
    return { entry, isthmus: c, axis };
  };
  // Anterior third of the body, centred in it (domain.md §1 step 5 [C]), on the midline depth at
  // mid-height where the needle tips lie (lumbar bodies are deeper there than at their rims).
  const zFront = bodyFrontZ(g);
  const zTarget = zFront - (zFront - g.zPosterior) / 6;
  const cancellous = vertebraCancellousSdf(id);
  // Bipedicular targets: where each pedicle axis reaches the anterior third, kept 2 mm inside the
  // cancellous bone, off the midline and within 14% of the body's width of it [U] (each needle in
  // its own half, near the middle: the roomier lumbar front no longer pushes them in by itself).
  const target = (s: number): Vec3 => {
    const c = pedicleCentre(g, s);
    const axis = pedicleAxis(g, s);
    const t = (zTarget - c[2]) / axis[2];
    let x = Math.min(0.25 * p.epw, Math.max(0.12 * p.epw, s * (c[0] + axis[0] * t)));
    while (x > 0.05 * p.epw && cancellous(s * x, 0, zTarget) > -2) x -= 0.25;
    return [s * Math.min(x, 0.14 * p.epw), 0, zTarget];
  };
  const veinZ = g.zPosterior + 0.35 * p.epd;
  return {
    bodyCentre: [0, 0, 0],
    superiorEndplate: { centre: apply(sup, [0, 0, 0]), normal: rotate(sup, up) },
    inferiorEndplate: { centre: apply(inf, [0, 0, 0]), normal: rotate(inf, [0, -1, 0]) },
    pedicles: { left: pedicle(1), right: pedicle(-1) },
    anteriorThirdTargets: { left: target(1), right: target(-1), midline: [0, 0, zTarget] },
    basivertebralForamen: { centre: [0, 0, g.zPosterior], normal: [0, 0, -1] },
    segmentalVeinExits: {
      left: surfacePoint(sdf, [0, 0, veinZ], [1, 0, 0]),
      right: surfacePoint(sdf, [0, 0, veinZ], [-1, 0, 0]),
    },
    canalCentre: [0, g.pedicleY, (g.zPosterior + g.zCanalBack) / 2],
    bodyDepth: p.epd,
  };
}

function placePlane(t: RigidTransform, p: PlaneLandmark): PlaneLandmark {
  return { centre: round3(apply(t, p.centre)), normal: round3(rotate(t, p.normal)) };
}

function placePedicle(t: RigidTransform, p: PedicleLandmark): PedicleLandmark {
  return { entry: round3(apply(t, p.entry)), isthmus: round3(apply(t, p.isthmus)), axis: round3(rotate(t, p.axis)) };
}

/** Landmarks of one level in the assembled-spine frame (mm). */
export function levelLandmarks(id: LevelId): LevelLandmarks {
  const t = vertebraTransform(id);
  const l = localLandmarks(id);
  const at = (v: Vec3): Vec3 => round3(apply(t, v));
  return {
    bodyCentre: at(l.bodyCentre),
    superiorEndplate: placePlane(t, l.superiorEndplate),
    inferiorEndplate: placePlane(t, l.inferiorEndplate),
    pedicles: { left: placePedicle(t, l.pedicles.left), right: placePedicle(t, l.pedicles.right) },
    anteriorThirdTargets: {
      left: at(l.anteriorThirdTargets.left),
      right: at(l.anteriorThirdTargets.right),
      midline: at(l.anteriorThirdTargets.midline),
    },
    basivertebralForamen: placePlane(t, l.basivertebralForamen),
    segmentalVeinExits: { left: at(l.segmentalVeinExits.left), right: at(l.segmentalVeinExits.right) },
    canalCentre: at(l.canalCentre),
    bodyDepth: l.bodyDepth,
  };
}

/** One entry of public/models/spine/index.json. */
export interface SpineIndexLevel {
  readonly id: LevelId;
  readonly file: string;
  readonly bone: string;
  readonly boneLod: string;
  readonly cancellous: string;
  readonly discBelow: string | null;
  /** Column-major 4×4 from the vertebra's own frame to the assembled spine, translation in mm. */
  readonly transformMm: number[];
  readonly landmarks: LevelLandmarks;
}

/** The model index: units, frame, and each level's file, mesh names and landmarks. */
export function spineIndex(): { units: string; frame: string; levels: SpineIndexLevel[] } {
  return {
    units: 'landmarks in millimetres; GLB positions in metres',
    frame: 'assembled spine: +Y superior, +Z anterior, +X patient left; origin at the centre of S1 superior endplate',
    levels: LEVELS.map((id) => {
      const below = nextLevel(id);
      const t = vertebraTransform(id);
      return {
        id,
        file: `${id}.glb`,
        bone: id,
        boneLod: `${id}_lod1`,
        cancellous: `${id}_cancellous`,
        discBelow: below ? `${id}-${below}` : null,
        transformMm: toMat4(t).map((v) => Math.round(v * 1e6) / 1e6),
        landmarks: levelLandmarks(id),
      };
    }),
  };
}
