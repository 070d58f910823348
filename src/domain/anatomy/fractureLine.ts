/**
 * The fracture as it is drawn on the cut face: a jagged line of compacted bone under each endplate
 * that collapsed, spanning the part of the body the fracture shape takes height from (wedge: the
 * front, growing toward the anterior wall; biconcave: the middle of both endplates; crush: the whole
 * superior endplate), deeper and rougher for higher grades; and, when the fracture holds one, the
 * intravertebral cleft where the cut crosses it. Intact positions, assembled-spine frame (mm); the
 * fracture deformation then moves them with the bone.
 */
import type { FractureParams } from './fracture.ts';
import { fractureDeformer, fractureFeatures, heightLossAt } from './fracture.ts';
import { createRandom } from '../random.ts';
import { HEIGHT_INSET_MM, vertebraTransform } from './spineLayout.ts';
import { apply, invert, type Vec3 } from './vec.ts';
import { vertebraCancellousSdf } from './vertebraSdf.ts';
import { vertebraGeometry } from './vertebraGeometry.ts';
import { bodyHalfHeight } from './vertebralBody.ts';

/** Points along a line, mm apart. [U] visual. */
const STEP_MM = 0.9;
/** Depth of the line under the endplate: a fixed gap plus a share of the local height lost. [U] visual. */
const GAP_MM = 1.6;
const DEPTH_PER_LOSS = 0.35;

/** Polylines of the fracture at local x = `xLocal` (the cut plane), spine frame, mm. */
export function fractureLines(f: FractureParams, xLocal: number): Vec3[][] {
  const g = vertebraGeometry(f.level);
  const toSpine = vertebraTransform(f.level);
  const random = createRandom(f.grade * 31 + f.shape.length);
  // Rougher for worse fractures: a zig-zag of a few tenths of a millimetre per grade.
  const rough = 0.35 * f.grade;
  const zp = g.zPosterior + HEIGHT_INSET_MM / 2;
  const za = g.zAnterior - HEIGHT_INSET_MM / 2;
  const endplates: (1 | -1)[] = f.shape === 'biconcave' ? [1, -1] : [1];
  const lines: Vec3[][] = [];
  for (const side of endplates) {
    let current: Vec3[] = [];
    for (let z = zp; z <= za; z += STEP_MM) {
      const hh = bodyHalfHeight(g, z);
      // Height lost here (mm): share of the body height at this depth.
      const lost = heightLossAt(f, xLocal, z) * 2 * hh;
      if (lost < 0.3) {
        if (current.length > 1) lines.push(current);
        current = [];
        continue;
      }
      const depth = GAP_MM + DEPTH_PER_LOSS * lost + (random() - 0.5) * 2 * rough;
      current.push(apply(toSpine, [xLocal, side * (hh - depth), z]));
    }
    if (current.length > 1) lines.push(current);
  }
  return lines;
}

/** How far inside the cancellous bone (mm) the drawn cleft stops where it meets the endplate. */
const CLEFT_INSET_MM = 0.05;

/**
 * Where the sagittal plane x = `xSpine` (assembled-spine frame, mm) crosses the fracture's cleft: a
 * closed polygon of `points` points, or none when the fracture has no cleft or the plane misses it.
 * The cleft is the ellipsoid the cement simulation places (`fractureFeatures`) in the fractured
 * bone, and like the simulation's it is a gap in the cancellous bone only: where the ellipsoid
 * reaches the endplate or the shell, the outline stops at the cancellous bone's edge. The points
 * are returned at their intact positions, so that the fracture deformation puts them back exactly
 * on the cleft and moves them with the bone as height is restored.
 */
export function cleftOutline(f: FractureParams, xSpine: number, points = 64): Vec3[] {
  const cleft = fractureFeatures(f).cleft;
  if (!cleft) return [];
  const { centre: c, radii: r, axes: a } = cleft;
  // The ellipsoid as a quadratic form: (p − c)ᵀ M (p − c) ≤ 1, M = Σ aᵢ aᵢᵀ / rᵢ².
  const m = (i: number, j: number): number => a.reduce((sum, ax, k) => sum + (ax[i]! * ax[j]!) / r[k]! ** 2, 0);
  // On the plane, with e = x − cx and u = (y − cy, z − cz): uᵀAu + 2e bᵀu + e² M₀₀ ≤ 1.
  const e = xSpine - c[0];
  const [a11, a12, a22] = [m(1, 1), m(1, 2), m(2, 2)];
  const [b1, b2] = [m(0, 1), m(0, 2)];
  const det = a11 * a22 - a12 * a12;
  // The section's centre u* = −e A⁻¹ b, and how far inside the ellipsoid it lies.
  const u1 = (-e * (a22 * b1 - a12 * b2)) / det;
  const u2 = (-e * (a11 * b2 - a12 * b1)) / det;
  const s = 1 - (e * e * m(0, 0) + e * (b1 * u1 + b2 * u2));
  if (!(s > 0)) return [];
  // (u − u*)ᵀ A (u − u*) = s: with A = L Lᵀ, u = u* + √s L⁻ᵀ (cos θ, sin θ).
  const l11 = Math.sqrt(a11);
  const l21 = a12 / l11;
  const l22 = Math.sqrt(a22 - l21 * l21);
  const d = fractureDeformer(f);
  const toSpine = vertebraTransform(f.level);
  const toLocal = invert(toSpine);
  const sdf = vertebraCancellousSdf(f.level);
  const inside = (p: Vec3): boolean => {
    const q = apply(toLocal, p);
    return sdf(q[0], q[1], q[2]) <= -CLEFT_INSET_MM;
  };
  const mid = d.restore([xSpine, c[1] + u1, c[2] + u2]);
  if (!inside(mid)) return [];
  const out: Vec3[] = [];
  for (let i = 0; i < points; i++) {
    const th = (2 * Math.PI * i) / points;
    const q1 = Math.cos(th) / l11 - (l21 * Math.sin(th)) / (l11 * l22);
    const q2 = Math.sin(th) / l22;
    const p = d.restore([xSpine, c[1] + u1 + Math.sqrt(s) * q1, c[2] + u2 + Math.sqrt(s) * q2]);
    if (inside(p)) {
      out.push(p);
      continue;
    }
    // Past the cancellous bone: back along the ray from the centre to where the bone begins.
    let lo = 0;
    let hi = 1;
    const at = (t: number): Vec3 => [mid[0] + (p[0] - mid[0]) * t, mid[1] + (p[1] - mid[1]) * t, mid[2] + (p[2] - mid[2]) * t];
    for (let k = 0; k < 30; k++) {
      const t = (lo + hi) / 2;
      if (inside(at(t))) lo = t;
      else hi = t;
    }
    out.push(at(lo));
  }
  return out;
}
