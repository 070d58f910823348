/**
 * The pose of everything for a case at time t, in millimetres and millilitres: the pure seam the
 * scene draws from and the tests check. `sample(plan, t)` gives the fractions; this turns them into
 * instrument positions, balloon shapes, restored height and injected cement for one case.
 */
import type { FractureParams } from '../anatomy/fracture.ts';
import type { LevelLandmarks } from '../anatomy/landmarks.ts';
import type { Vec3 } from '../anatomy/vec.ts';
import type { Approach, CaseParams, SingleProcedure } from '../caseParams.ts';
import { plannedVolumeMl } from '../cement/plannedVolume.ts';
import type { BalloonFrame, BalloonPlan, BalloonShape } from './balloon.ts';
import { placeBalloon, planBalloons } from './balloon.ts';
import type { Plan } from './plans.ts';
import { restoredShareFor } from './restoration.ts';
import type { ProcedurePose } from './sampleProcedure.ts';
import { NEEDLE_DEPTH_AT, sample } from './sampleProcedure.ts';
import type { Trajectory } from './trajectory.ts';
import { NEEDLE_OD_MM, planTrajectory, sidesFor, tipAt } from './trajectory.ts';

/** Working cannula outer diameter, mm. [U] approximate: wide enough for the drill and balloon. */
export const CANNULA_OD_MM = 4.2;
/** Kyphoplasty: the cannula tip stops just past the posterior wall; drill and balloon go on from there. */
const CANNULA_DEPTH = NEEDLE_DEPTH_AT.pedicle + 0.08;

export interface PreparedCase {
  procedure: SingleProcedure;
  fracture: FractureParams;
  landmarks: LevelLandmarks;
  approach: Approach;
  trajectories: Trajectory[];
  /** How each balloon inflates (length, fill it reaches, room between the endplates). */
  balloons: BalloonPlan[];
  restoredShare: number;
  volumeMl: number;
}

export function prepareCase(procedure: SingleProcedure, params: CaseParams, landmarks: LevelLandmarks): PreparedCase {
  const fracture: FractureParams = { level: params.level, grade: params.grade, shape: params.shape };
  const trajectories = sidesFor(params.approach).map((side) => planTrajectory(params.level, landmarks, side, params.approach, fracture));
  return {
    procedure,
    fracture,
    landmarks,
    approach: params.approach,
    trajectories,
    balloons: procedure === 'bkp' ? planBalloons(trajectories, params.approach, fracture) : [],
    restoredShare: restoredShareFor(procedure, params.restoration),
    volumeMl: plannedVolumeMl(procedure, params),
  };
}

export interface ToolPose {
  trajectory: Trajectory;
  visible: boolean;
  /** Tip of the needle or cannula (spine frame, mm). */
  tip: Vec3;
  kind: 'trocar' | 'cannula';
  outerDiameterMm: number;
  /** Tip of the hand drill when it is out of the cannula, else null. */
  drillTip: Vec3 | null;
  /** The cement injector is attached to the hub (mixing done, injecting). */
  injector: boolean;
}

export interface BalloonPose {
  visible: boolean;
  /** Centre of the balloon and its frame (axis along the path, across, up), spine frame. */
  frame: BalloonFrame;
  shape: BalloonShape;
}

export interface CasePose {
  fractions: ProcedurePose;
  /** 1 = as fractured, 0 = intact; kyphoplasty lowers it as the balloon lifts the endplate. */
  collapse: number;
  tools: ToolPose[];
  balloons: BalloonPose[];
}

/** How collapsed the treated level is: 1 as fractured, less as the balloon gives height back. */
export function collapseOf(pose: ProcedurePose, restoredShare: number): number {
  return 1 - restoredShare * pose.restoration;
}

export function samplePose(plan: Plan, c: PreparedCase, t: number): CasePose {
  const f = sample(plan, t);
  const collapse = collapseOf(f, c.restoredShare);
  const bkp = c.procedure === 'bkp';
  const cannula = bkp && f.stepIndex >= plan.steps.findIndex((s) => s.id === 'body');
  const tools: ToolPose[] = c.trajectories.map((traj) => {
    const depth = cannula ? Math.min(f.needleDepth, CANNULA_DEPTH) : f.needleDepth;
    const drilling = bkp && f.drillDepth > 0;
    return {
      trajectory: traj,
      visible: f.needleVisible,
      tip: tipAt(traj, depth),
      kind: cannula ? 'cannula' : 'trocar',
      outerDiameterMm: cannula ? CANNULA_OD_MM : NEEDLE_OD_MM[traj.gauge],
      drillTip: drilling ? tipAt(traj, CANNULA_DEPTH + (1 - CANNULA_DEPTH) * f.drillDepth) : null,
      injector: f.stepId === 'inject',
    };
  });
  const balloons: BalloonPose[] = bkp
    ? c.trajectories.map((traj, i) => {
        // Fully inflated, this is the cavity the cement simulation fills (balloon.ts).
        const { shape, frame } = placeBalloon(traj, c.balloons[i]!, f.balloonFill);
        return { visible: f.balloonInserted > 0.01, frame, shape };
      })
    : [];
  return { fractions: f, collapse, tools, balloons };
}
