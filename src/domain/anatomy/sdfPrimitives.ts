/**
 * Signed-distance primitives and blends for the anatomy generator.
 * Convention: negative inside, positive outside, values in millimetres.
 * Several primitives are bounded approximations (exact on the surface, close to Euclidean near it),
 * which is all smooth blending and level-set meshing need.
 * Scalar arguments (no tuples) keep per-sample evaluation free of allocations.
 */

/** Polynomial smooth minimum (union) with blend radius k (mm). */
export function smin(a: number, b: number, k: number): number {
  if (k <= 0) return Math.min(a, b);
  const h = Math.max(k - Math.abs(a - b), 0) / k;
  return Math.min(a, b) - h * h * k * 0.25;
}

/** Polynomial smooth maximum (intersection) with blend radius k (mm). */
export function smax(a: number, b: number, k: number): number {
  return -smin(-a, -b, k);
}

/** Ellipsoid centred at the origin with semi-axes rx, ry, rz (bounded approximation). */
export function sdEllipsoid(x: number, y: number, z: number, rx: number, ry: number, rz: number): number {
  const k0 = Math.hypot(x / rx, y / ry, z / rz);
  const k1 = Math.hypot(x / (rx * rx), y / (ry * ry), z / (rz * rz));
  if (k1 === 0) return -Math.min(rx, ry, rz);
  return (k0 * (k0 - 1)) / k1;
}

/** Ellipse in 2D centred at the origin with semi-axes ra, rb (bounded approximation). */
export function sdEllipse2(a: number, b: number, ra: number, rb: number): number {
  const k0 = Math.hypot(a / ra, b / rb);
  const k1 = Math.hypot(a / (ra * ra), b / (rb * rb));
  if (k1 === 0) return -Math.min(ra, rb);
  return (k0 * (k0 - 1)) / k1;
}

/**
 * Superellipse |a/ra|^n + |b/rb|^n = 1 in 2D (approximate distance, exact zero set).
 * n = 2 is an ellipse; larger n is boxier.
 */
export function sdSuperellipse2(a: number, b: number, ra: number, rb: number, n: number): number {
  const ua = Math.abs(a) / ra;
  const ub = Math.abs(b) / rb;
  const f = Math.pow(Math.pow(ua, n) + Math.pow(ub, n), 1 / n);
  // Scale by the local radius so the value approximates millimetres near the curve.
  const r = f > 1e-9 ? Math.hypot(a, b) / f : Math.min(ra, rb);
  return (f - 1) * Math.min(r, Math.max(ra, rb));
}

/** Axis-aligned box with half-extents hx, hy, hz and corner radius r. */
export function sdRoundBox(x: number, y: number, z: number, hx: number, hy: number, hz: number, r: number): number {
  const qx = Math.abs(x) - hx + r;
  const qy = Math.abs(y) - hy + r;
  const qz = Math.abs(z) - hz + r;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0), Math.max(qz, 0));
  return outside + Math.min(Math.max(qx, qy, qz), 0) - r;
}

/** Distance from (px,py,pz) to the segment a–b, with parameter t in [0,1] written to out[0]. */
export function segmentT(
  px: number, py: number, pz: number,
  ax: number, ay: number, az: number,
  bx: number, by: number, bz: number,
): number {
  const bax = bx - ax;
  const bay = by - ay;
  const baz = bz - az;
  const l2 = bax * bax + bay * bay + baz * baz;
  if (l2 === 0) return 0;
  const t = ((px - ax) * bax + (py - ay) * bay + (pz - az) * baz) / l2;
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** Capsule from a to b whose radius goes linearly from ra to rb (round cone approximation). */
export function sdTaperedCapsule(
  px: number, py: number, pz: number,
  ax: number, ay: number, az: number,
  bx: number, by: number, bz: number,
  ra: number, rb: number,
): number {
  const t = segmentT(px, py, pz, ax, ay, az, bx, by, bz);
  const cx = ax + (bx - ax) * t;
  const cy = ay + (by - ay) * t;
  const cz = az + (bz - az) * t;
  return Math.hypot(px - cx, py - cy, pz - cz) - (ra + (rb - ra) * t);
}

/** 2D distance to the segment a–b. */
export function sdSegment2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const bax = bx - ax;
  const bay = by - ay;
  const l2 = bax * bax + bay * bay;
  let t = l2 > 0 ? ((px - ax) * bax + (py - ay) * bay) / l2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return Math.hypot(px - ax - bax * t, py - ay - bay * t);
}

/** A polyline tube: union of capsules through `points` (flat [x,y,z,...] in mm) with radius r. */
export function sdPolylineTube(px: number, py: number, pz: number, points: readonly number[], r: number): number {
  let d = Infinity;
  for (let i = 0; i + 5 < points.length; i += 3) {
    const di = sdTaperedCapsule(
      px, py, pz,
      points[i]!, points[i + 1]!, points[i + 2]!,
      points[i + 3]!, points[i + 4]!, points[i + 5]!,
      r, r,
    );
    if (di < d) d = di;
  }
  return d;
}

/** Scalar signed-distance function of a point in mm. */
export type Sdf = (x: number, y: number, z: number) => number;
