/**
 * Camera shots: where the view looks from at each step, as data. A shot is a direction around the
 * treated level (azimuth from behind toward the patient's right, elevation above the horizontal),
 * what it looks at, and how much of the scene it must show (its frame, mm): the pane then sets the
 * distance so that frame fills the part of the pane nothing covers. Each step names its shot in the
 * plan (plans.ts). The camera for any t blends from the previous step's shot into the current one
 * over the first part of the step, so it is a pure function of t and can be scrubbed.
 */
import type { LevelLandmarks } from '../anatomy/landmarks.ts';
import type { LevelId } from '../anatomy/levels.ts';
import { vertebraTransform } from '../anatomy/spineLayout.ts';
import type { Vec3 } from '../anatomy/vec.ts';
import { apply } from '../anatomy/vec.ts';
import { vertebraBounds } from '../anatomy/vertebraSdf.ts';
import type { Plan, StepId } from './plans.ts';
import { locate } from './timeline.ts';
import { smoothstep } from './sampleProcedure.ts';

export type ShotId = 'overview' | 'back' | 'entry' | 'pedicle' | 'path' | 'section';

/**
 * What a shot looks at: the body centre, the needle's entry on the pedicle, the middle of the
 * needle's path (entry to target), or the whole treated vertebra seen from the side.
 */
export type ShotFocus = 'body' | 'entry' | 'path' | 'vertebra';

export interface Shot {
  /** Degrees: 0 from behind (−Z), 90 from the needle's side (the patient's right for two needles). */
  azimuthDeg: number;
  /** Degrees above the horizontal. */
  elevationDeg: number;
  focus: ShotFocus;
  /**
   * Width and height (mm, at the focus) the view must hold: the pane fits this into its free part.
   * 'vertebra': the treated vertebra's own side outline (body to spinous process), whatever its size.
   */
  frameMm: readonly [number, number] | 'vertebra';
  /**
   * Opacity of the soft parts that lie between this view and the story (nerve roots, dura, veins),
   * 0..1: they fade where they are in the way and come back where they matter.
   */
  softOpacity: number;
  /** Whether the treated vertebra is shown opened along the sagittal plane (when the user keeps the cutaway on). */
  cutaway: boolean;
  /**
   * Whether anatomy beyond the treated body's side, toward the camera (ribs, the neighbours'
   * transverse processes), is cut away so it does not hide the section.
   */
  nearCut: boolean;
  /** Whether the measured heights (and the wedge angle, on demand) are drawn on the treated vertebra. */
  measures: boolean;
}

export const SHOTS: Readonly<Record<ShotId, Shot>> = Object.freeze({
  // Positioning: the treated level and its neighbours from the side, as the lateral X-ray sees them,
  // so the collapsed front of the broken body reads among the healthy ones; nerves half faded.
  overview: { cutaway: false, nearCut: false, measures: false, azimuthDeg: 84, elevationDeg: 8, focus: 'body', frameMm: [150, 120], softOpacity: 0.6 },
  back: { cutaway: false, nearCut: false, measures: false, azimuthDeg: 15, elevationDeg: 28, focus: 'body', frameMm: [140, 110], softOpacity: 1 },
  // Docking: the pedicle's entry from the needle's side, close enough to see the tip on the bone.
  entry: { cutaway: false, nearCut: false, measures: false, azimuthDeg: 50, elevationDeg: 30, focus: 'entry', frameMm: [70, 56], softOpacity: 1 },
  // Through the pedicle: the whole path from the entry to the target, from above and behind.
  pedicle: { cutaway: false, nearCut: false, measures: false, azimuthDeg: 62, elevationDeg: 40, focus: 'path', frameMm: [80, 60], softOpacity: 0.7 },
  // Into the body: the path seen more from the side, so the tip's advance to the anterior third reads.
  path: { cutaway: false, nearCut: false, measures: false, azimuthDeg: 80, elevationDeg: 22, focus: 'path', frameMm: [76, 54], softOpacity: 0.5 },
  // Cavity and cement: the opened vertebra from the side, the body large in the view.
  section: { cutaway: true, nearCut: true, measures: true, azimuthDeg: 90, elevationDeg: 4, focus: 'vertebra', frameMm: 'vertebra', softOpacity: 0.3 },
});

/** Share of a step spent moving to its shot. */
const MOVE_SHARE = 0.35;
/**
 * Distance at which `position` is given, in frame widths. The pane rescales it to fit the frame in
 * its free part; this only fixes the direction and a sensible default.
 */
const NOMINAL_DISTANCE_PER_FRAME = 2.6;

export interface CameraPose {
  /** Camera position and look-at point, assembled-spine frame, mm. */
  position: Vec3;
  target: Vec3;
  /** Width and height (mm) the view must hold around the target. */
  frameMm: [number, number];
  /** Opacity of the soft parts in the way (0..1). */
  softOpacity: number;
  /** The current step's shot opens the treated vertebra (switches at the step's start). */
  cutaway: boolean;
  /** The current step's shot cuts away what lies beyond the body toward the camera. */
  nearCut: boolean;
  /** The current step's shot shows the measured heights. */
  measures: boolean;
}

/** Which needle the shots watch: the right one when there are two, else the single left one. */
export type EntrySide = 'left' | 'right';

function lerp3(a: Vec3, b: Vec3, u: number): Vec3 {
  return [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, a[2] + (b[2] - a[2]) * u];
}

/** The treated vertebra seen from the side: the centre of its outline and its length and height, mm. */
export interface Subject {
  centre: Vec3;
  sideMm: [number, number];
}

/** The side outline of a level's vertebra (generator bounds less their margin), spine frame. */
export function vertebraSubject(level: LevelId): Subject {
  const b = vertebraBounds(level, 0);
  const local: Vec3 = [0, (b.min[1] + b.max[1]) / 2, (b.min[2] + b.max[2]) / 2];
  return { centre: apply(vertebraTransform(level), local), sideMm: [b.max[2] - b.min[2], b.max[1] - b.min[1]] };
}

function focusPoint(focus: ShotFocus, lm: LevelLandmarks, side: EntrySide, subject: Subject | undefined): Vec3 {
  switch (focus) {
    case 'body':
      return lm.bodyCentre;
    case 'entry':
      return lm.pedicles[side].entry;
    case 'path':
      return lerp3(lm.pedicles[side].entry, lm.anteriorThirdTargets[side], 0.5);
    case 'vertebra':
      // Without the outline: between the body centre and the canal.
      return subject?.centre ?? lerp3(lm.bodyCentre, lm.canalCentre, 0.6);
  }
}

function poseOf(shot: Shot, lm: LevelLandmarks, side: EntrySide, subject: Subject | undefined): CameraPose {
  const target = focusPoint(shot.focus, lm, side, subject);
  const frame: [number, number] =
    shot.frameMm === 'vertebra' ? (subject ? [subject.sideMm[0], subject.sideMm[1]] : [lm.bodyDepth * 3, lm.bodyDepth * 1.9]) : [shot.frameMm[0], shot.frameMm[1]];
  // Shots that follow a needle look from that needle's side of the patient.
  const mirror = shot.focus !== 'body' && side === 'left' ? -1 : 1;
  const az = (mirror * shot.azimuthDeg * Math.PI) / 180;
  const el = (shot.elevationDeg * Math.PI) / 180;
  const dir: Vec3 = [-Math.sin(az) * Math.cos(el), Math.sin(el), -Math.cos(az) * Math.cos(el)];
  const d = frame[0] * NOMINAL_DISTANCE_PER_FRAME;
  return {
    target,
    position: [target[0] + dir[0] * d, target[1] + dir[1] * d, target[2] + dir[2] * d],
    frameMm: frame,
    softOpacity: shot.softOpacity,
    cutaway: shot.cutaway,
    nearCut: shot.nearCut,
    measures: shot.measures,
  };
}

function mix(a: number, b: number, u: number): number {
  return a + (b - a) * u;
}

/** The framed camera at time t: a blend from the previous step's shot into this step's. */
export function cameraAt(plan: Plan, lm: LevelLandmarks, t: number, side: EntrySide = 'right', subject?: Subject): CameraPose {
  const { stepIndex, step, progress } = locate(plan, t);
  const current = poseOf(SHOTS[step.shot], lm, side, subject);
  if (stepIndex === 0) return current;
  const previous = poseOf(SHOTS[plan.steps[stepIndex - 1]!.shot], lm, side, subject);
  const u = smoothstep(progress / MOVE_SHARE);
  return {
    position: lerp3(previous.position, current.position, u),
    target: lerp3(previous.target, current.target, u),
    frameMm: [mix(previous.frameMm[0], current.frameMm[0], u), mix(previous.frameMm[1], current.frameMm[1], u)],
    softOpacity: mix(previous.softOpacity, current.softOpacity, u),
    cutaway: current.cutaway,
    nearCut: current.nearCut,
    measures: current.measures,
  };
}

/** The shot a step settles on (for "back to this step's view"). */
export function stepCamera(plan: Plan, stepId: StepId, lm: LevelLandmarks, side: EntrySide = 'right', subject?: Subject): CameraPose {
  const step = plan.steps.find((s) => s.id === stepId);
  return poseOf(SHOTS[step?.shot ?? 'overview'], lm, side, subject);
}
