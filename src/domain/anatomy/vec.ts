/**
 * Small vector and rigid-transform helpers for the anatomy generator.
 * Units: millimetres. Frame: +Y superior, +Z anterior, +X patient's left.
 * Plain tuples keep the SDFs allocation-light and serialisable into index.json.
 */

export type Vec3 = readonly [number, number, number];

/**
 * A rigid transform stored as a row-major 3×3 rotation `r` and a translation `t` (mm):
 * world = r · local + t.
 */
export interface RigidTransform {
  readonly r: readonly [number, number, number, number, number, number, number, number, number];
  readonly t: Vec3;
}

export function add(a: Vec3, b: Vec3): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

export function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

export function scale(a: Vec3, s: number): Vec3 {
  return [a[0] * s, a[1] * s, a[2] * s];
}

export function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function length(a: Vec3): number {
  return Math.hypot(a[0], a[1], a[2]);
}

export function normalize(a: Vec3): Vec3 {
  const l = length(a);
  return l > 0 ? [a[0] / l, a[1] / l, a[2] / l] : [0, 0, 0];
}

export const IDENTITY: RigidTransform = { r: [1, 0, 0, 0, 1, 0, 0, 0, 1], t: [0, 0, 0] };

/** Rotation about +X by `angle` radians (right-handed): (0,0,1) maps to (0, -sin, cos). */
export function rotationX(angle: number): RigidTransform {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return { r: [1, 0, 0, 0, c, -s, 0, s, c], t: [0, 0, 0] };
}

export function translation(t: Vec3): RigidTransform {
  return { r: IDENTITY.r, t };
}

/** Composition a ∘ b: apply b first, then a. */
export function compose(a: RigidTransform, b: RigidTransform): RigidTransform {
  const A = a.r;
  const B = b.r;
  const r = [0, 0, 0, 0, 0, 0, 0, 0, 0] as [number, number, number, number, number, number, number, number, number];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      r[i * 3 + j] = A[i * 3]! * B[j]! + A[i * 3 + 1]! * B[3 + j]! + A[i * 3 + 2]! * B[6 + j]!;
    }
  }
  return { r, t: add(rotate(a, b.t), a.t) };
}

export function invert(a: RigidTransform): RigidTransform {
  const R = a.r;
  const rt = [R[0], R[3], R[6], R[1], R[4], R[7], R[2], R[5], R[8]] as RigidTransform['r'];
  const inv: RigidTransform = { r: rt, t: [0, 0, 0] };
  return { r: rt, t: scale(rotate(inv, a.t), -1) };
}

/** Rotates a direction (no translation). */
export function rotate(a: RigidTransform, v: Vec3): Vec3 {
  const R = a.r;
  return [
    R[0] * v[0] + R[1] * v[1] + R[2] * v[2],
    R[3] * v[0] + R[4] * v[1] + R[5] * v[2],
    R[6] * v[0] + R[7] * v[1] + R[8] * v[2],
  ];
}

/** Transforms a point. */
export function apply(a: RigidTransform, p: Vec3): Vec3 {
  const v = rotate(a, p);
  return [v[0] + a.t[0], v[1] + a.t[1], v[2] + a.t[2]];
}

/** Column-major 4×4 matrix (glTF / three order), translation in the given unit scale. */
export function toMat4(a: RigidTransform, unitScale = 1): number[] {
  const R = a.r;
  return [R[0], R[3], R[6], 0, R[1], R[4], R[7], 0, R[2], R[5], R[8], 0, a.t[0] * unitScale, a.t[1] * unitScale, a.t[2] * unitScale, 1];
}
