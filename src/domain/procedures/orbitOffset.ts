/**
 * The user's own turn, tilt and zoom on top of a framed camera shot, so the view can be turned
 * without a drag (buttons and keys) while the guided shot still drives it: reset is the zero offset.
 */
import type { Vec3 } from '../anatomy/vec.ts';

/** What an offset moves: a camera position around the point it looks at (mm). */
export interface Aim {
  position: Vec3;
  target: Vec3;
}

export interface OrbitOffset {
  /** Degrees around the vertical axis through the target; positive turns the camera to its right. */
  turnDeg: number;
  /** Degrees of elevation added to the shot's; positive looks more from above. */
  tiltDeg: number;
  /** Zoom steps: each step brings the camera 15% closer (negative: farther). */
  zoom: number;
}

export const NO_OFFSET: Readonly<OrbitOffset> = Object.freeze({ turnDeg: 0, tiltDeg: 0, zoom: 0 });

/** Limits that keep the anatomy in view: never over the pole, never inside the bone, never lost. */
export const MAX_ELEVATION_DEG = 80;
export const ZOOM_STEPS = { min: -4, max: 6 } as const;
const ZOOM_FACTOR = 0.85;

export function isNoOffset(o: OrbitOffset): boolean {
  return o.turnDeg === 0 && o.tiltDeg === 0 && o.zoom === 0;
}

export function clampOffset(o: OrbitOffset): OrbitOffset {
  return {
    turnDeg: ((((o.turnDeg + 180) % 360) + 360) % 360) - 180,
    tiltDeg: Math.max(-2 * MAX_ELEVATION_DEG, Math.min(2 * MAX_ELEVATION_DEG, o.tiltDeg)),
    zoom: Math.max(ZOOM_STEPS.min, Math.min(ZOOM_STEPS.max, Math.round(o.zoom))),
  };
}

/** Applies an offset to a pose: the target stays, the camera orbits it and moves along its line of sight. */
export function orbitOffset<P extends Aim>(pose: P, o: OrbitOffset): P {
  if (isNoOffset(o)) return pose;
  const [tx, ty, tz] = pose.target;
  const dx = pose.position[0] - tx;
  const dy = pose.position[1] - ty;
  const dz = pose.position[2] - tz;
  const distance = Math.hypot(dx, dy, dz);
  if (distance === 0) return pose;
  const azimuth = Math.atan2(dx, dz) + (o.turnDeg * Math.PI) / 180;
  const limit = (MAX_ELEVATION_DEG * Math.PI) / 180;
  const elevation = Math.max(-limit, Math.min(limit, Math.asin(dy / distance) + (o.tiltDeg * Math.PI) / 180));
  const r = distance * Math.pow(ZOOM_FACTOR, o.zoom);
  const position: Vec3 = [
    tx + r * Math.cos(elevation) * Math.sin(azimuth),
    ty + r * Math.sin(elevation),
    tz + r * Math.cos(elevation) * Math.cos(azimuth),
  ];
  return { ...pose, position };
}

export type ViewDirection = 'behind' | 'behindRight' | 'behindLeft' | 'right' | 'left' | 'frontRight' | 'frontLeft' | 'front';

/**
 * Where a camera looks from, in words a patient knows (frame: +Z anterior, +X patient's left): the
 * side of the patient it stands on, in 45° sectors around the vertical axis.
 */
export function viewDirection(pose: Aim): ViewDirection {
  const dx = pose.position[0] - pose.target[0];
  const dz = pose.position[2] - pose.target[2];
  // 0° from behind (−Z), positive toward the patient's right (−X), as the shots are defined.
  return directionOfAzimuth((Math.atan2(-dx, -dz) * 180) / Math.PI);
}

/** The same, from an azimuth in the shots' convention (degrees; 0 behind, +90 the patient's right). */
export function directionOfAzimuth(azimuthDeg: number): ViewDirection {
  const az = ((((azimuthDeg + 180) % 360) + 360) % 360) - 180;
  const a = Math.abs(az);
  const side = az >= 0 ? 'Right' : 'Left';
  if (a < 22.5) return 'behind';
  if (a < 67.5) return `behind${side}`;
  if (a < 112.5) return side === 'Right' ? 'right' : 'left';
  if (a < 157.5) return `front${side}`;
  return 'front';
}
