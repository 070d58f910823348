/**
 * The vertebral body and the spinal canal as signed-distance functions, in the vertebra's own frame
 * (mm; origin at the body centre, +Y superior, +Z anterior, +X patient's left).
 */
import { HEIGHT_INSET_MM } from './spineLayout.ts';
import { sdEllipse2, sdEllipsoid, sdRoundBox, sdSegment2, sdSuperellipse2, smax, smin, type Sdf } from './sdfPrimitives.ts';
import type { VertebraGeometry } from './vertebraGeometry.ts';

/** Shape constants of the body per region. */
interface BodyShape {
  /** Fractional width loss at mid-height (the waist). */
  readonly waist: number;
  /** Depth of the posterior concavity (kidney shape), fraction of EPD. */
  readonly backConcavity: number;
  /** Superellipse exponent of the footprint. */
  readonly squareness: number;
  /** Anterior narrowing of the footprint (heart shape), fraction of half-width per half-depth. */
  readonly taper: number;
  /** Depth of the central endplate hollow inside the raised rim (mm, before the smoothing blend). */
  readonly endplateHollow: number;
  /** Radius of the basivertebral foramen dimple (mm). */
  readonly foramenRadius: number;
}

function bodyShape(g: VertebraGeometry): BodyShape {
  if (g.params.region === 'thoracic') {
    // Heart-shaped thoracic body, narrower anteriorly; modest waist [U] (modelling estimate).
    return { waist: 0.06, backConcavity: 0.05, squareness: 2.1, taper: 0.22, endplateHollow: 1.2, foramenRadius: 1.3 };
  }
  // Lumbar kidney shape, Clouthier 2023 mean mesh [C] (domain.md §2a/§2b): waist ~10%, 38.6 mm
  // at mid-height vs EPW 43 (L2) and 43.9 vs 49 (L5); the mean's centre is nearly as tall as its
  // rims (26.6 mm at L2), so the endplates are only slightly hollow inside their raised rims
  // (0.4 mm each at the centre [U]: the rest of the mean's extra centre height at L4–L5 is the
  // §2b table's rim heights, which stay).
  // The front wall's depth at mid-height is the geometry's zAnteriorMid (the mean's 35.7–38.4 mm).
  return { waist: 0.1, backConcavity: 0.07, squareness: 2.15, taper: 0.04, endplateHollow: 0.3, foramenRadius: 1.9 };
}

/**
 * Half body height (mm) at depth z: linear between the posterior and anterior measurement points
 * (HEIGHT_INSET_MM inside each wall), where it equals VBHp/2 and VBHa/2.
 */
export function bodyHalfHeight(g: VertebraGeometry, z: number): number {
  const p = g.params;
  const zp = g.zPosterior + HEIGHT_INSET_MM;
  const za = g.zAnterior - HEIGHT_INSET_MM;
  const t = (z - zp) / (za - zp);
  return 0.5 * (p.vbhp + (p.vbha - p.vbhp) * t);
}

/** Outer surface of the vertebral body alone (rims, waist, endplate hollows, basivertebral dimple). */
export function bodySdf(g: VertebraGeometry): Sdf {
  const p = g.params;
  const s = bodyShape(g);
  const a0 = p.epw / 2;
  const back = g.zPosterior - s.backConcavity * p.epd;
  const concR = 0.32 * p.epw;
  return function body(x: number, y: number, z: number): number {
    const hh = bodyHalfHeight(g, z);
    const t = Math.min(Math.abs(y) / hh, 1.2);
    const flat = Math.max(1 - t * t, -0.3);
    const bulge = flat > 0 ? flat * Math.sqrt(flat) : flat; // 1 at mid-height, 0 at the endplates
    const a = a0 * (1 - s.waist * Math.max(bulge, -0.3));
    // The front wall runs from the rims' zAnterior to zAnteriorMid at mid-height.
    const front = g.zAnterior + (g.zAnteriorMid - g.zAnterior) * Math.max(bulge, -0.3);
    const b = (front - back) / 2;
    const zc = (front + back) / 2;
    const dz = z - zc;
    const taper = 1 - s.taper * Math.max(-1, Math.min(1, dz / b));
    let foot = sdSuperellipse2(x / taper, dz, a, b, s.squareness) * Math.min(taper, 1);
    // Posterior concavity: the kidney's hilum, centred on the midline.
    // (shifted back by the blend's k/4 so the midline wall stays at zPosterior)
    const conc = Math.hypot(x, z - (back - concR + s.backConcavity * p.epd - 0.75)) - concR;
    foot = smax(foot, -conc, 3);
    let d = smax(foot, Math.abs(y) - hh, 2.4);
    // Endplate hollows inside the raised ring apophysis.
    // Raised by the blend's k/4 (0.5 mm), which the blend takes back off the centre.
    const hollowY = hh + 3 + 0.5 - s.endplateHollow;
    const cz = (g.zAnterior + g.zPosterior) / 2;
    const hollowUp = sdEllipsoid(x, y - hollowY, z - cz, 0.7 * a0, 3, 0.62 * (p.epd / 2));
    const hollowDown = sdEllipsoid(x, y + hollowY, z - cz, 0.7 * a0, 3, 0.62 * (p.epd / 2));
    d = smax(d, -Math.min(hollowUp, hollowDown), 2);
    // Basivertebral foramen: a small pit in the posterior wall at mid-height on the midline.
    const pit = Math.hypot(x, y, z - g.zPosterior) - s.foramenRadius;
    d = smax(d, -pit, 0.6);
    return d;
  };
}

/** Cancellous interior of the body: the body inset by the cortical shell thickness. */
export function cancellousSdf(g: VertebraGeometry): Sdf {
  const body = bodySdf(g);
  // Cortical shell ~0.5–1 mm (domain brief, issue 3); thinner in the thoracic spine [U].
  const cortex = g.params.region === 'thoracic' ? 0.7 : 0.9;
  return function cancellous(x: number, y: number, z: number): number {
    return body(x, y, z) + cortex;
  };
}

/**
 * The spinal canal as a vertical prism: flat in front (the body's back wall), as wide as the
 * interpedicular distance at the pedicle isthmus, closing posteriorly into a rounded triangle
 * (lumbar) or a round arch (thoracic).
 */
export function canalSdf(g: VertebraGeometry): Sdf {
  const p = g.params;
  // Narrowed by the carve's blend (k/4) so the measured interpedicular width is SCW.
  const half = p.scw / 2 - 0.3;
  const zFront = g.zPosterior;
  const zWide = g.pedicleZ;
  const zBack = g.zCanalBack;
  const lumbar = p.region !== 'thoracic';
  const r = lumbar ? 2.5 : 1.5;
  return function canal(x: number, _y: number, z: number): number {
    const ax = Math.abs(x);
    // Front box from the body wall back to the pedicle isthmus (plus overlap).
    const front = sdRoundBox(ax, 0, z - (zFront + zWide) / 2 - 1, half, 1e6, (zFront - zWide) / 2 + 1, 0);
    let rear: number;
    if (lumbar) {
      // Rounded triangle: offset an inset triangle by r.
      const inset = sdTriangleHalf(ax, z, half - r, zWide, zBack + r * 1.25);
      rear = inset - r;
    } else {
      rear = sdEllipse2(ax, z - zWide, half, zWide - zBack - 0.3);
    }
    // Keep the front face exactly at the body's back wall.
    return Math.max(smin(front, rear, 1), z - zFront);
  };
}

/** Signed distance to the symmetric triangle with base corners (±w, zBase) and apex (0, zApex). */
function sdTriangleHalf(ax: number, z: number, w: number, zBase: number, zApex: number): number {
  const dEdge = sdSegment2(ax, z, w, zBase, 0, zApex);
  const dBase = sdSegment2(ax, z, 0, zBase, w, zBase);
  const d = Math.min(dEdge, dBase);
  // Inside if below the base (posterior) and medial to the slanted edge.
  const side = (ax - w) * (zBase - zApex) - (z - zBase) * w; // > 0 outside the slanted edge
  const inside = z <= zBase && z >= zApex && side <= 0;
  return inside ? -d : d;
}
