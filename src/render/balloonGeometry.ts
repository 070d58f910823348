/**
 * The balloon's mesh: a capsule whose vertices are reshaped in place to the domain's balloon shape
 * (procedures/balloon.ts), so the balloon drawn is the cavity the cement simulation fills: the
 * straight part is `lengthMm` long, the rounded ends reach `radiusMm` along the axis, the section
 * is an ellipse of `radiusMm` across and `verticalRadiusMm` up.
 *
 * Local frame: +X across the axis (horizontal), +Y along the axis, +Z up; scene units set by the
 * caller through `unitsPerMm`. No allocation per update.
 */
import { BufferAttribute, BufferGeometry, CapsuleGeometry, Matrix4, Quaternion, Vector3 } from 'three';
import type { BalloonFrame, BalloonShape } from '../domain/procedures/balloon.ts';

interface Template {
  /** Unit direction of each vertex from its end's centre (x, y, z), and which end (-1, 0, +1). */
  readonly unit: Float32Array;
  readonly end: Int8Array;
}

/** A capsule geometry that `shapeBalloonGeometry` can reshape. */
export function createBalloonGeometry(capSegments = 8, radialSegments = 24): BufferGeometry {
  const capsule = new CapsuleGeometry(1, 1, capSegments, radialSegments);
  const pos = capsule.getAttribute('position');
  const n = pos.count;
  const unit = new Float32Array(n * 3);
  const end = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const y = pos.getY(i);
    // The unit capsule's straight part spans y ∈ [-0.5, 0.5]; its ends are unit hemispheres.
    const e = y > 0.5 + 1e-6 ? 1 : y < -0.5 - 1e-6 ? -1 : 0;
    unit[i * 3] = pos.getX(i);
    unit[i * 3 + 1] = e === 0 ? y : y - e * 0.5;
    unit[i * 3 + 2] = pos.getZ(i);
    end[i] = e;
  }
  const geometry = new BufferGeometry();
  geometry.setIndex(capsule.getIndex());
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(n * 3), 3));
  geometry.setAttribute('normal', new BufferAttribute(new Float32Array(n * 3), 3));
  geometry.userData.template = { unit, end } satisfies Template;
  capsule.dispose();
  return geometry;
}

/** Reshapes the capsule to a balloon shape (mm → scene units via `unitsPerMm`), radii floored at `minRadiusMm`. */
export function shapeBalloonGeometry(geometry: BufferGeometry, shape: BalloonShape, unitsPerMm: number, minRadiusMm = 0): void {
  const { unit, end } = geometry.userData.template as Template;
  const position = geometry.getAttribute('position') as BufferAttribute;
  const normal = geometry.getAttribute('normal') as BufferAttribute;
  const p = position.array as Float32Array;
  const nrm = normal.array as Float32Array;
  const r = Math.max(shape.radiusMm, minRadiusMm);
  const rv = Math.max(shape.verticalRadiusMm, minRadiusMm);
  const half = shape.lengthMm / 2;
  for (let i = 0; i < end.length; i++) {
    const e = end[i]!;
    const ux = unit[i * 3]!, uy = unit[i * 3 + 1]!, uz = unit[i * 3 + 2]!;
    p[i * 3] = ux * r * unitsPerMm;
    p[i * 3 + 1] = (e === 0 ? uy * shape.lengthMm : e * half + uy * r) * unitsPerMm;
    p[i * 3 + 2] = uz * rv * unitsPerMm;
    // Normal of an ellipsoid scaled by (r, r, rv): the unit direction divided by the scales.
    const nx = ux / r, ny = e === 0 ? 0 : uy / r, nz = uz / rv;
    const len = Math.hypot(nx, ny, nz) || 1;
    nrm[i * 3] = nx / len;
    nrm[i * 3 + 1] = ny / len;
    nrm[i * 3 + 2] = nz / len;
  }
  position.needsUpdate = true;
  normal.needsUpdate = true;
  geometry.computeBoundingSphere();
}

const basis = new Matrix4();
const xAxis = new Vector3();
const yAxis = new Vector3();
const zAxis = new Vector3();

/** Turns the local frame (+X across, +Y along, +Z up) onto a balloon's frame. */
export function balloonQuaternion(frame: BalloonFrame, out: Quaternion): Quaternion {
  xAxis.set(frame.across[0], frame.across[1], frame.across[2]);
  yAxis.set(frame.axis[0], frame.axis[1], frame.axis[2]);
  zAxis.set(frame.up[0], frame.up[1], frame.up[2]);
  return out.setFromRotationMatrix(basis.makeBasis(xAxis, yAxis, zAxis));
}
