/**
 * Derived geometry of one vertebra in its own frame (mm; origin at the body centre, +Y superior,
 * +Z anterior, +X patient's left). Shared by the SDF, the landmarks and the measurements, so all
 * three agree on where a pedicle or the canal is.
 */
import { MEAN_MESH, levelParams, nextLevel, type LevelId, type LevelParams } from './levels.ts';
import { vertebraTransform } from './spineLayout.ts';
import { apply, compose, invert, rotate, type Vec3 } from './vec.ts';

/**
 * A facet joint surface: a point on the joint, the unit normal there pointing from the superior
 * articular process (lower vertebra) towards the inferior one (upper vertebra), and the joint's
 * long axis (the lower vertebra's superior direction). With a finite radius the surface is a
 * cylinder around that axis on the normal's side: concave SAP, convex IAP (lumbar J-shape).
 */
export interface FacetPlane {
  readonly point: Vec3;
  readonly normal: Vec3;
  readonly axis: Vec3;
  /** Radius of curvature (mm); Infinity for a flat joint. */
  readonly radius: number;
}

export interface VertebraGeometry {
  readonly params: LevelParams;
  /** Anterior wall z at the midline, at the endplates. */
  readonly zAnterior: number;
  /**
   * Anterior wall z at the midline at mid-height: behind zAnterior where the front wall dips in
   * (thoracic), in front of it where the body is deeper at mid-height than at its endplates
   * (lumbar, as in Clouthier 2023's mean mesh).
   */
  readonly zAnteriorMid: number;
  /** Posterior wall z at the midline. */
  readonly zPosterior: number;
  /** Pedicle isthmus centre height (y) and depth (z). */
  readonly pedicleY: number;
  readonly pedicleZ: number;
  /** |x| of the left pedicle isthmus centre. */
  readonly pedicleX: number;
  /** Pedicle half-angle in radians (medial convergence positive). */
  readonly pedicleAngle: number;
  /** Free pedicle length between the body's back wall and the articular pillar. */
  readonly pedicleFreeLength: number;
  /** Canal apex z (lamina front at the midline). */
  readonly zCanalBack: number;
  /** Facet joint with the vertebra above (this vertebra's superior articular process), left side. */
  readonly superiorFacet: FacetPlane;
  /** Facet joint with the vertebra below (this vertebra's inferior articular process), left side;
   * undefined for S1. Expressed in this vertebra's frame. */
  readonly inferiorFacet: FacetPlane | undefined;
}

/** Pedicle axis (unit, pointing anteriorly into the body) for side s (+1 left, −1 right). */
export function pedicleAxis(g: VertebraGeometry, s: number): Vec3 {
  return [-s * Math.sin(g.pedicleAngle), 0, Math.cos(g.pedicleAngle)];
}

/** Pedicle isthmus centre for side s. */
export function pedicleCentre(g: VertebraGeometry, s: number): Vec3 {
  return [s * g.pedicleX, g.pedicleY, g.pedicleZ];
}

function facetNormalAngleDeg(lower: LevelId): number {
  // Facet orientation in the transverse plane, as the angle of the joint from the coronal plane.
  // Lumbar: Clouthier 2023 mean facet angle 60.6° [C] (domain.md §2a); lower lumbar joints turn
  // more coronal, thoracic joints are near-coronal facing back [U] (standard anatomy).
  switch (lower) {
    case 'L5': return 50; // [U]
    case 'S1': return 45; // [U]
    case 'L1': return 55; // [U] transitional T12/L1
    case 'L2': case 'L3': case 'L4': return 60.6; // Clouthier 2023 [C]
    default: return -20; // thoracic [U]
  }
}

/** Body depth (mm) at mid-height on the midline, back wall to front wall. */
function midHeightDepth(p: LevelParams): number {
  // L2–L5: Clouthier 2023 mean mesh [C] (domain.md §2a), 35.7–38.4 mm, deeper than the endplate
  // depths of §2b's table (33–35.5 mm): the mean's front wall stands forward at mid-height.
  if (p.id in MEAN_MESH) return MEAN_MESH[p.id as keyof typeof MEAN_MESH].midDepth;
  // L1: L2's ratio of mid-height to endplate depth [U] (no mean mesh above L2; keeps L1 and L2 alike).
  if (p.id === 'L1') return p.epd * (MEAN_MESH.L2.midDepth / levelParams('L2').epd);
  // Elsewhere (no mean mesh: T1–T12, the simplified S1) the front wall dips a little at mid-height,
  // 3% of the depth in the thoracic spine and 6% below [U] (modelling estimates).
  return p.epd * (p.region === 'thoracic' ? 0.97 : 0.94);
}

/** The furthest forward the body reaches on the midline (endplate rims or mid-height wall). */
export function bodyFrontZ(g: Pick<VertebraGeometry, 'zAnterior' | 'zAnteriorMid'>): number {
  return Math.max(g.zAnterior, g.zAnteriorMid);
}

/** The body's greatest depth on the midline (mm): the back wall to bodyFrontZ. */
export function bodyMidlineDepth(g: Pick<VertebraGeometry, 'zAnterior' | 'zAnteriorMid' | 'zPosterior'>): number {
  return bodyFrontZ(g) - g.zPosterior;
}

function localGeometry(id: LevelId): Omit<VertebraGeometry, 'superiorFacet' | 'inferiorFacet'> {
  const p = levelParams(id);
  const zAnterior = p.epd / 2;
  const zPosterior = -p.epd / 2;
  const pedicleAngle = (p.pta * Math.PI) / 180;
  // Pedicles join the upper part of the body, ~1 mm below the superior endplate [U].
  const pedicleY = p.vbhp / 2 - p.ph / 2 - 1;
  // Free pedicle length ≈ half the canal depth [U] (modelling estimate).
  const pedicleFreeLength = 0.55 * p.scd;
  const pedicleZ = zPosterior - 0.5 * pedicleFreeLength;
  // Medial wall at the interpedicular canal half-width at the isthmus.
  const pedicleX = p.scw / 2 + p.pw / 2 / Math.cos(pedicleAngle);
  return {
    params: p,
    zAnterior,
    zAnteriorMid: zPosterior + midHeightDepth(p),
    zPosterior,
    pedicleY,
    pedicleZ,
    pedicleX,
    pedicleAngle,
    pedicleFreeLength,
    zCanalBack: zPosterior - p.scd,
  };
}

/** The left superior facet plane of `lower` in its own frame. */
function ownSuperiorFacet(lower: LevelId): FacetPlane {
  const g = localGeometry(lower);
  const p = g.params;
  const a = (facetNormalAngleDeg(lower) * Math.PI) / 180;
  const lumbar = p.region !== 'thoracic';
  // Lumbar: the joint lies behind the pedicle, just lateral to the canal; thoracic: above and
  // behind the pedicle [U] (modelling estimate).
  const x = lumbar ? g.pedicleX - 0.15 * p.pw : g.pedicleX + 0.5;
  const y = p.vbhp / 2 + 2.5;
  const z = g.pedicleZ - g.pedicleFreeLength * 0.5 - (lumbar ? 0.35 * p.scd : 4);
  // Lumbar facets curve round the IAP, radius ~15 mm [U] (modelling estimate); thoracic are flat.
  return { point: [x, y, z], normal: [-Math.sin(a), 0, -Math.cos(a)], axis: [0, 1, 0], radius: lumbar ? 15 : Infinity };
}

function transformFacet(f: FacetPlane, from: LevelId, to: LevelId): FacetPlane {
  const m = compose(invert(vertebraTransform(to)), vertebraTransform(from));
  return { point: apply(m, f.point), normal: rotate(m, f.normal), axis: rotate(m, f.axis), radius: f.radius };
}

const cache = new Map<LevelId, VertebraGeometry>();

/** Geometry of one vertebra, including its facet joints with both neighbours. */
export function vertebraGeometry(id: LevelId): VertebraGeometry {
  const hit = cache.get(id);
  if (hit) return hit;
  const below = nextLevel(id);
  const g: VertebraGeometry = {
    ...localGeometry(id),
    superiorFacet: ownSuperiorFacet(id),
    inferiorFacet: below ? transformFacet(ownSuperiorFacet(below), below, id) : undefined,
  };
  cache.set(id, g);
  return g;
}
