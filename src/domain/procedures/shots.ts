/**
 * Camera shots: where the view looks from at each step, as data. A shot is a direction around the
 * treated level (azimuth from behind toward the patient's right, elevation above the horizontal), a
 * distance, and what it looks at. The camera for any t blends from the previous step's shot into the
 * current one over the first part of the step, so it is a pure function of t and can be scrubbed.
 */
import type { LevelLandmarks } from '../anatomy/landmarks.ts';
import type { Vec3 } from '../anatomy/vec.ts';
import type { Plan, StepId } from './plans.ts';
import { locate } from './timeline.ts';
import { smoothstep } from './sampleProcedure.ts';

export type ShotId = 'overview' | 'back' | 'entry' | 'pedicle' | 'lateral';

export interface Shot {
  /** Degrees: 0 from behind (−Z), 90 from the patient's right (−X). */
  azimuthDeg: number;
  /** Degrees above the horizontal. */
  elevationDeg: number;
  distanceMm: number;
  focus: 'body' | 'entry';
}

export const SHOTS: Readonly<Record<ShotId, Shot>> = Object.freeze({
  overview: { azimuthDeg: 40, elevationDeg: 22, distanceMm: 320, focus: 'body' },
  back: { azimuthDeg: 15, elevationDeg: 28, distanceMm: 300, focus: 'body' },
  entry: { azimuthDeg: 50, elevationDeg: 30, distanceMm: 230, focus: 'entry' },
  pedicle: { azimuthDeg: 62, elevationDeg: 38, distanceMm: 220, focus: 'body' },
  lateral: { azimuthDeg: 100, elevationDeg: 12, distanceMm: 200, focus: 'body' },
});

/** The shot each step calls for. */
export const STEP_SHOTS: Readonly<Record<StepId, ShotId>> = Object.freeze({
  position: 'overview',
  anaesthesia: 'back',
  dock: 'entry',
  pedicle: 'pedicle',
  body: 'lateral',
  drill: 'lateral',
  balloon: 'lateral',
  inflate: 'lateral',
  deflate: 'lateral',
  mix: 'lateral',
  inject: 'lateral',
  withdraw: 'lateral',
  set: 'lateral',
});

/** Share of a step spent moving to its shot. */
const MOVE_SHARE = 0.35;

export interface CameraPose {
  /** Camera position and look-at point, assembled-spine frame, mm. */
  position: Vec3;
  target: Vec3;
}

/** Which needle the entry shot watches: the right one when there are two, else the single left one. */
export type EntrySide = 'left' | 'right';

function poseOf(shot: Shot, lm: LevelLandmarks, side: EntrySide): CameraPose {
  // The entry shot looks at that pedicle's entry from the same side of the patient.
  const target = shot.focus === 'entry' ? lm.pedicles[side].entry : lm.bodyCentre;
  const mirror = shot.focus === 'entry' && side === 'left' ? -1 : 1;
  const az = (mirror * shot.azimuthDeg * Math.PI) / 180;
  const el = (shot.elevationDeg * Math.PI) / 180;
  const dir: Vec3 = [-Math.sin(az) * Math.cos(el), Math.sin(el), -Math.cos(az) * Math.cos(el)];
  return {
    target,
    position: [target[0] + dir[0] * shot.distanceMm, target[1] + dir[1] * shot.distanceMm, target[2] + dir[2] * shot.distanceMm],
  };
}

function mix(a: Vec3, b: Vec3, u: number): Vec3 {
  return [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, a[2] + (b[2] - a[2]) * u];
}

/** The framed camera at time t: a blend from the previous step's shot into this step's. */
export function cameraAt(plan: Plan, lm: LevelLandmarks, t: number, side: EntrySide = 'right'): CameraPose {
  const { stepIndex, step, progress } = locate(plan, t);
  const current = poseOf(SHOTS[STEP_SHOTS[step.id]], lm, side);
  if (stepIndex === 0) return current;
  const previous = poseOf(SHOTS[STEP_SHOTS[plan.steps[stepIndex - 1]!.id]], lm, side);
  const u = smoothstep(progress / MOVE_SHARE);
  return { position: mix(previous.position, current.position, u), target: mix(previous.target, current.target, u) };
}

/** The shot a step settles on (for "back to this step's view"). */
export function stepCamera(stepId: StepId, lm: LevelLandmarks, side: EntrySide = 'right'): CameraPose {
  return poseOf(SHOTS[STEP_SHOTS[stepId]], lm, side);
}
