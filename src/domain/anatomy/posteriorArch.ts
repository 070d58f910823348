/**
 * The neural arch and its processes as a signed-distance function, in the vertebra's own frame
 * (mm; origin at the body centre, +Y superior, +Z anterior, +X patient's left).
 * Built for the left side and mirrored (the spine is symmetric about the mid-sagittal plane).
 * Shape constants are modelling estimates [U] unless a comment cites a source.
 */
import { sdEllipse2, sdEllipsoid, sdSegment2, sdSuperellipse2, sdTaperedCapsule, smax, smin, type Sdf } from './sdfPrimitives.ts';
import { MEAN_MESH } from './levels.ts';
import { cross, normalize, type Vec3 } from './vec.ts';
import type { FacetPlane, VertebraGeometry } from './vertebraGeometry.ts';

/** Joint space between facing articular surfaces (mm) [U]: cartilage is ~1 mm thick in all. */
export const FACET_GAP_MM = 1.2;

/** Key points of the arch (left side), exported for landmarks, bounds and soft parts. */
export interface ArchLayout {
  /** Posterior end of the pedicle: the articular pillar. */
  readonly pillar: Vec3;
  /** Lamina segment ends in the (x, z) plane at the pedicle height, and its vertical span. */
  readonly laminaLateral: readonly [number, number];
  readonly laminaMedial: readonly [number, number];
  readonly laminaTop: number;
  readonly laminaBottom: number;
  readonly laminaThickness: number;
  readonly laminaSlope: number;
  /** Spinous process base, unit direction (pointing posteriorly), length. */
  readonly spinousBase: Vec3;
  readonly spinousDir: Vec3;
  readonly spinousLength: number;
  /** Transverse process from base to tip (left). */
  readonly transverseBase: Vec3;
  readonly transverseTip: Vec3;
  readonly transverseRadius: readonly [number, number];
  /** Top of the superior articular process and bottom of the inferior one. */
  readonly sapTop: number;
  readonly iapBottom: number;
}

/** Places the arch parts for a level. */
export function archLayout(g: VertebraGeometry): ArchLayout {
  const p = g.params;
  const lumbar = p.region !== 'thoracic';
  const th = g.pedicleAngle;
  const u: Vec3 = [-Math.sin(th), 0, Math.cos(th)];
  const back = g.pedicleFreeLength / 2 + 2;
  const pillar: Vec3 = [g.pedicleX - u[0] * back, g.pedicleY, g.pedicleZ - u[2] * back];
  const laminaThickness = lumbar ? 6 : 5; // [U]
  const laminaSlope = ((lumbar ? 22 : 30) * Math.PI) / 180; // [U] laminae run down and back
  const laminaMedial: [number, number] = [0, g.zCanalBack + 1 - laminaThickness / 2];
  const laminaLateral: [number, number] = [pillar[0] - 1, pillar[2] - 1];
  const laminaTop = g.pedicleY + p.ph / 2 - (lumbar ? 5 : 1.5);
  const laminaBottom = -p.vbhp / 2 - (lumbar ? 1 : 1);
  // Spinous process: its tip sets the whole-vertebra AP extent (Clouthier 2023 [C] for L2–L5).
  const a = (p.spinousAngle * Math.PI) / 180;
  const spinousDir: Vec3 = [0, -Math.sin(a), -Math.cos(a)];
  // Lumbar: the blade's root spans the lamina, its tip below mid-height (mean-shape look) [U].
  const spinousBase: Vec3 = [0, g.pedicleY - (lumbar ? 8 : 1), g.zCanalBack - 1];
  const tipHalfHeight = lumbar ? spinousTipHeight(g) / 2 : 3.5;
  const zTip = spinousTipZ(g);
  const spinousLength = (spinousBase[2] - zTip - tipHalfHeight * Math.sin(a)) / Math.cos(a) + (lumbar ? 1.2 : -1.5);
  // Transverse processes: tip-to-tip span sets the LR extent (Clouthier 2023 [C] for L2–L5).
  const tipR = p.id === 'L5' ? 4.5 : lumbar ? 3 : 4.5;
  const transverseBase: Vec3 = [pillar[0] + 1, g.pedicleY + 1, pillar[2] + 1];
  const transverseTip: Vec3 = lumbar
    ? [p.extents.lr / 2 - tipR, g.pedicleY + 3, pillar[2] - 3]
    : [p.extents.lr / 2 - tipR, g.pedicleY + 5, pillar[2] - 9];
  // L5's transverse processes are short and stout (they carry the iliolumbar ligaments) [U].
  const transverseRadius: [number, number] = p.id === 'L5' ? [6.5, 4.5] : lumbar ? [4.2, tipR] : [3.8, tipR];
  // Articular processes: SAP top and IAP bottom share the SI extent target (lumbar) [C]/[U].
  const sup = g.superiorFacet.point[1];
  const inf = g.inferiorFacet ? g.inferiorFacet.point[1] : -p.vbhp / 2;
  let sapUp = 5.5;
  let iapDown = 7;
  if (lumbar && g.inferiorFacet) {
    const total = p.extents.si - sup + inf;
    // L5's inferior processes sit on the sacral base, so it takes more of its height above [U].
    // The SAPs rise about as far above the endplate at L5 as at L2–L4 (Clouthier 2023 mean shape,
    // posterior view in shared/reference/mean-L5.png): the same share of the height above the joint.
    sapUp = Math.max(4, 0.42 * total);
    iapDown = Math.max(5, total - sapUp);
  }
  return {
    pillar,
    laminaLateral,
    laminaMedial,
    laminaTop,
    laminaBottom,
    laminaThickness,
    laminaSlope,
    spinousBase,
    spinousDir,
    spinousLength,
    transverseBase,
    transverseTip,
    transverseRadius,
    sapTop: sup + sapUp,
    iapBottom: inf - iapDown,
  };
}

/**
 * Depth (z) of the spinous tip. L2–L5: behind the body's back wall by the mean mesh's AP extent
 * less its mid-height depth (Clouthier 2023 [C], domain.md §2a): the mean's reach behind the body.
 * With the body as deep at mid-height as the mean's, the whole AP extent is the mean's too.
 * Other levels: the AP extent of their row in levels.ts, from the rims' front.
 */
function spinousTipZ(g: VertebraGeometry): number {
  const p = g.params;
  const mean = p.id in MEAN_MESH ? MEAN_MESH[p.id as keyof typeof MEAN_MESH] : undefined;
  if (!mean) return g.zAnterior - p.extents.ap;
  return g.zPosterior - (mean.extents.ap - mean.midDepth);
}

/** Height of the lumbar spinous process at its tip: Clouthier 2023 mean 23.5 mm [C]. */
function spinousTipHeight(g: VertebraGeometry): number {
  return g.params.region === 'sacral' ? 10 : 23.5;
}

/** Ellipsoid with axes along (m, w, n) where n is a facet normal, centred at c. */
function facetBlob(x: number, y: number, z: number, c: Vec3, n: Vec3, rm: number, rw: number, rn: number): number {
  const m = normalize(cross([0, 1, 0], n));
  const w = cross(n, m);
  const dx = x - c[0];
  const dy = y - c[1];
  const dz = z - c[2];
  return sdEllipsoid(dx * m[0] + dy * m[1] + dz * m[2], dx * w[0] + dy * w[1] + dz * w[2], dx * n[0] + dy * n[1] + dz * n[2], rm, rw, rn);
}

/** Signed distance to the joint surface, positive on the IAP side (along the normal). */
function planeDistance(x: number, y: number, z: number, f: FacetPlane): number {
  const dx = x - f.point[0];
  const dy = y - f.point[1];
  const dz = z - f.point[2];
  if (!Number.isFinite(f.radius)) return dx * f.normal[0] + dy * f.normal[1] + dz * f.normal[2];
  // Cylinder whose axis lies one radius along the normal: inside it is the IAP side.
  const cx = dx - f.normal[0] * f.radius;
  const cy = dy - f.normal[1] * f.radius;
  const cz = dz - f.normal[2] * f.radius;
  const along = cx * f.axis[0] + cy * f.axis[1] + cz * f.axis[2];
  return f.radius - Math.hypot(cx - along * f.axis[0], cy - along * f.axis[1], cz - along * f.axis[2]);
}

/** Signed distance to the left half of the arch; evaluate with |x|. */
export function archSdf(g: VertebraGeometry): Sdf {
  const p = g.params;
  const L = archLayout(g);
  const lumbar = p.region !== 'thoracic';
  const sacral = p.region === 'sacral';
  const th = g.pedicleAngle;
  const ux = -Math.sin(th);
  const uz = Math.cos(th);
  const vx = Math.cos(th);
  const vz = Math.sin(th);
  const halfFree = g.pedicleFreeLength / 2;
  const tanSlope = Math.tan(L.laminaSlope);
  const sf = g.superiorFacet;
  const fi = g.inferiorFacet;
  // SAP: a plate behind the joint plane, rising from the pillar.
  const sapT = lumbar ? 7.5 : 7;
  const sapW = lumbar ? 8.5 : 6;
  const sapBottom = L.pillar[1];
  const sapCentre: Vec3 = [
    sf.point[0] - sf.normal[0] * (sapT / 2 - 1.5),
    (L.sapTop + sapBottom) / 2,
    sf.point[2] - sf.normal[2] * (sapT / 2 - 1.5),
  ];
  const sapH = (L.sapTop - sapBottom) / 2;
  const sapM = normalize(cross([0, 1, 0], sf.normal));
  const mam: Vec3 = [
    sapCentre[0] - sapM[0] * (sapW - 1.5) - sf.normal[0] * 1.5,
    sapCentre[1] - sapH * 0.25,
    sapCentre[2] - sapM[2] * (sapW - 1.5) - sf.normal[2] * 1.5,
  ];
  // IAP: hangs from the lamina on the far side of the joint below.
  const iapT = lumbar ? 7.5 : 7;
  const iapW = lumbar ? 6.5 : 5.5;
  const iapTop = L.laminaBottom + 4;
  // Lumbar: the centre slides along the joint's long axis (tilted where the spine curves), so a
  // long process keeps to its joint surface instead of being cut off by it.
  const iapY = (iapTop + L.iapBottom) / 2;
  const slide = fi && lumbar ? (iapY - fi.point[1]) / fi.axis[1] : 0;
  const iapCentre: Vec3 | undefined = fi
    ? [
      fi.point[0] + fi.normal[0] * (iapT / 2 - 1.5) + fi.axis[0] * slide,
      iapY,
      fi.point[2] + fi.normal[2] * (iapT / 2 - 1.5) + fi.axis[2] * slide,
    ]
    : undefined;
  const iapH = (iapTop - L.iapBottom) / 2;
  const sb = L.spinousBase;
  const sd = L.spinousDir;
  // Lumbar blade: tall from its root, nearly its full Clouthier 2023 height (23.5 mm [C]) near the
  // tip, as in the mean shape's lateral view [U].
  const hBase = lumbar ? 16 : 9;
  const hTip = lumbar ? spinousTipHeight(g) : 7;
  const tBase = lumbar ? 5.5 : 4.5;
  const tTip = lumbar ? 9 : 5;
  return function arch(x: number, y: number, z: number): number {
    // Pedicle: elliptic cylinder along its axis (PW × PH cross-section at the isthmus).
    const dx = x - g.pedicleX;
    const dy = y - g.pedicleY;
    const dz = z - g.pedicleZ;
    const su = dx * ux + dz * uz;
    const sv = dx * vx + dz * vz;
    const ped = smax(sdEllipse2(sv, dy, p.pw / 2, p.ph / 2), Math.abs(su - 1.5) - (halfFree + 5), 1.5);
    // Pillar joining pedicle, lamina, SAP and transverse process.
    const pil = sdEllipsoid(x - L.pillar[0], y - L.pillar[1], z - L.pillar[2], p.pw / 2 + 1.5, p.ph / 2 + 1, 4);
    let d = smin(ped, pil, 2.5);
    // Lamina: a plate sloping down and back, from the pillar to the midline.
    const zEff = z - (y - g.pedicleY) * tanSlope;
    const down = Math.min(Math.max((L.laminaTop - y) / (L.laminaTop - L.laminaBottom), 0), 1);
    const latX = L.laminaLateral[0] * (1 - (lumbar ? 0.4 : 0.25) * down);
    const latZ = L.laminaLateral[1] + (L.laminaMedial[1] - L.laminaLateral[1]) * (lumbar ? 0.3 : 0.15) * down;
    const lam2 = sdSegment2(x, zEff, latX, latZ, L.laminaMedial[0], L.laminaMedial[1]) - L.laminaThickness / 2;
    // Lumbar laminae rise laterally towards the SAPs and their lower border climbs between the
    // IAP and the spinous process, so the processes stand out as lobes (mean-shape look).
    const lateral = lumbar ? Math.min(x / L.laminaLateral[0], 1) : 0;
    const lamTop = L.laminaTop + 2.5 * lateral;
    const lamBottom = L.laminaBottom + 5 * lateral;
    const lam = smax(lam2, Math.max(y - lamTop, lamBottom - y), lumbar ? 5 : 2.5);
    d = smin(d, lam, 3);
    // Spinous process: laterally flattened blade (hatchet in the lumbar spine).
    const qy = y - sb[1];
    const qz = z - sb[2];
    const along = qy * sd[1] + qz * sd[2];
    const perp = qy * sd[2] - qz * sd[1];
    const f = Math.min(Math.max(along / L.spinousLength, 0), 1);
    const hh = (hBase + (hTip - hBase) * f) / 2;
    const tt = (tBase + (tTip - tBase) * f * f) / 2;
    // The blade keeps its upper border and grows downward towards the tip (hatchet shape).
    const pc = perp - (hBase / 2 - hh);
    // Sagittal outline: a rounded rectangle (superellipse, square enough that the blade keeps its
    // height to near the tip), so the blade ends in a rounded edge.
    const outline = lumbar
      ? sdSuperellipse2(along - L.spinousLength / 2, pc, L.spinousLength / 2, hh, 6)
      : smax(Math.abs(pc) - hh, Math.abs(along - L.spinousLength / 2) - L.spinousLength / 2, 3);
    let sp = smax(outline, x - tt, 2);
    if (!lumbar) {
      const tip = Math.hypot(x, qy - sd[1] * L.spinousLength, qz - sd[2] * L.spinousLength) - 3.5;
      sp = smin(sp, tip, 2);
    }
    if (sacral) sp += 2;
    d = smin(d, sp, 3);
    // Transverse process.
    if (!sacral) {
      const tb = L.transverseBase;
      const tp = L.transverseTip;
      const trans = sdTaperedCapsule(x, y, z, tb[0], tb[1], tb[2], tp[0], tp[1], tp[2], L.transverseRadius[0], L.transverseRadius[1]);
      d = smin(d, trans, 3);
    }
    // Superior articular process, cut flat on the joint plane.
    const sapBlob = facetBlob(x, y, z, sapCentre, sf.normal, sapW, sapH, sapT / 2);
    const sapLink = sdTaperedCapsule(x, y, z, L.pillar[0], L.pillar[1], L.pillar[2], sapCentre[0], sapCentre[1] - sapH * 0.3, sapCentre[2], lumbar ? 5 : 3.5, lumbar ? 4.5 : 3);
    let sapBody = smin(sapBlob, sapLink, 2);
    if (lumbar) {
      // Mammillary process: a knob on the back edge of the lumbar SAP.
      sapBody = smin(sapBody, Math.hypot(x - mam[0], y - mam[1], z - mam[2]) - 3, 2);
    }
    const sap = smax(sapBody, planeDistance(x, y, z, sf) + FACET_GAP_MM / 2, 0.8);
    d = smin(d, sap, 2);
    // Inferior articular process, cut flat on the joint plane with the level below.
    if (fi && iapCentre) {
      const iapBlob = facetBlob(x, y, z, iapCentre, fi.normal, iapW, iapH, iapT / 2);
      const lx = L.laminaLateral[0] * 0.55;
      const lz = L.laminaLateral[1] + (L.laminaMedial[1] - L.laminaLateral[1]) * 0.35 + (L.laminaBottom + 3 - g.pedicleY) * tanSlope;
      const iapLink = sdTaperedCapsule(x, y, z, lx, L.laminaBottom + 3, lz, iapCentre[0], iapCentre[1] + iapH * 0.3, iapCentre[2], lumbar ? 5.5 : 3.5, lumbar ? 4.5 : 3);
      const iap = smax(smin(iapBlob, iapLink, 2), -planeDistance(x, y, z, fi) + FACET_GAP_MM / 2, 0.8);
      d = smin(d, iap, 2);
    }
    return d;
  };
}
