/**
 * The simulated C-arm: where its X-ray source sits for the AP and lateral projections, and the
 * perspective of its cone beam. Distances are typical of a mobile C-arm [U] approximate:
 * source to the patient's spine about 60 cm, a field about 14 cm across at the spine.
 */
import { PerspectiveCamera } from 'three';
import type { Vec3 } from '../../domain/anatomy/vec.ts';
import { METRES_PER_MM } from '../toScene.ts';

export type Projection = 'ap' | 'lateral';

export const SOURCE_TO_SPINE_MM = 600;
export const FIELD_MM = 140;

/** Unit direction from the spine toward the X-ray source. */
export function sourceDirection(projection: Projection): Vec3 {
  // Prone patient: the tube is under the table (anterior) for AP; on the patient's right for lateral.
  return projection === 'ap' ? [0, 0, 1] : [-1, 0, 0];
}

/**
 * A camera at the X-ray source looking at `focusMm` (assembled-spine frame), in scene metres.
 * `towardSource` overrides the projection's beam (unit vector from the spine to the source), as
 * for the bull's-eye view down a pedicle.
 */
export function cArmCamera(projection: Projection, focusMm: Vec3, camera = new PerspectiveCamera(), towardSource?: Vec3): PerspectiveCamera {
  const dir = towardSource ?? sourceDirection(projection);
  const s = METRES_PER_MM;
  camera.fov = (2 * Math.atan(FIELD_MM / 2 / SOURCE_TO_SPINE_MM) * 180) / Math.PI;
  camera.aspect = 1;
  camera.near = 0.05;
  camera.far = 2;
  camera.up.set(0, 1, 0);
  camera.position.set((focusMm[0] + dir[0] * SOURCE_TO_SPINE_MM) * s, (focusMm[1] + dir[1] * SOURCE_TO_SPINE_MM) * s, (focusMm[2] + dir[2] * SOURCE_TO_SPINE_MM) * s);
  camera.lookAt(focusMm[0] * s, focusMm[1] * s, focusMm[2] * s);
  camera.updateProjectionMatrix();
  camera.updateMatrixWorld(true);
  return camera;
}
