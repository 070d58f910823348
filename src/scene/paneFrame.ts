/**
 * One pose per pane per frame. The pane's frame source works out, once per frame and before anything
 * is drawn (an early `useFrame`), where this pane's procedure stands at the store's t: the step
 * fractions (written in place), the instruments' pose (recomputed only when the time or the case
 * changes) and the cement volume shown. Everything that poses the scene registers an applier and is
 * called with that frame, so the picture is a pure function of (case, t): the X-ray pulse poses the
 * scene at the pulse's own time through the same appliers (FluoroLayer).
 */
import { createContext, useContext, useEffect, useRef } from 'react';
import { alignTime } from '../domain/procedures/alignTime.ts';
import { cementFillShown } from '../domain/procedures/cementShown.ts';
import type { Plan } from '../domain/procedures/plans.ts';
import type { ProcedurePose } from '../domain/procedures/sampleProcedure.ts';
import { emptyPose, sampleInto } from '../domain/procedures/sampleProcedure.ts';
import type { CasePose, PreparedCase } from '../domain/procedures/samplePose.ts';
import { samplePose } from '../domain/procedures/samplePose.ts';
import type { AppState } from '../state/store.ts';
import { selectPlan } from '../state/store.ts';

export interface PaneFrame {
  /** The shared timeline's time this frame shows, s. */
  t: number;
  /** The same moment in this pane's own plan, s. */
  planT: number;
  /** The procedure's fractions at planT (one object, written in place). */
  fractions: ProcedurePose;
  /** Instruments and balloons at planT; a new object only when planT or the case changes. */
  pose: CasePose;
  /** Share of the planned cement shown (quantised on t while injecting), 0..1. */
  cementFill: number;
}

export type FrameApplier = (frame: PaneFrame) => void;

export interface PaneFrameSource {
  readonly frame: PaneFrame;
  /** The case as this pane poses it (trajectories, balloons). */
  readonly prepared: PreparedCase;
  /** Poses everything registered at shared time t, in the given state (no allocation unless t moved). */
  poseAt(state: AppState, t: number): void;
  /** Registers what poses part of the scene; returns the unregistration. */
  add(applier: FrameApplier): () => void;
  /**
   * Work the pane's picture still waits for (the cement surface on its way from the worker): while any
   * is listed, a frame drawn does not show the state and is not reported as ready.
   */
  readonly waiting: Set<string>;
  /**
   * The state version of the last frame this pane drew complete (nothing waited for), -1 before
   * one: until a frame at the current version is, work the pane would wait for is done at once.
   */
  completeAt: number;
  /** Bumped when something drawn changes apart from the pose (a cement surface from the worker). */
  redrawn: number;
}

export function createPaneFrameSource(plan: Plan, prepared: PreparedCase): PaneFrameSource {
  const appliers = new Set<FrameApplier>();
  const cementPose = emptyPose();
  const frame: PaneFrame = { t: Number.NaN, planT: Number.NaN, fractions: emptyPose(), pose: samplePose(plan, prepared, 0), cementFill: 0 };
  let posedPlanT = 0;
  return {
    frame,
    prepared,
    poseAt(state, t) {
      const timeline = selectPlan(state);
      const planT = alignTime(timeline, plan, t);
      frame.t = t;
      frame.planT = planT;
      sampleInto(frame.fractions, plan, planT);
      if (planT !== posedPlanT) {
        frame.pose = samplePose(plan, prepared, planT);
        posedPlanT = planT;
      }
      // Cement on a grid of t: the same t always shows the same cement, however it was reached.
      frame.cementFill = cementFillShown(timeline, plan, t, cementPose, frame.fractions.cementFill);
      for (const apply of appliers) apply(frame);
    },
    waiting: new Set(),
    completeAt: -1,
    redrawn: 0,
    add(applier) {
      appliers.add(applier);
      if (Number.isFinite(frame.t)) applier(frame);
      return () => void appliers.delete(applier);
    },
  };
}

export const PaneFrameContext = createContext<PaneFrameSource | null>(null);

export function usePaneFrameSource(): PaneFrameSource {
  const source = useContext(PaneFrameContext);
  if (!source) throw new Error('usePaneFrameSource needs a PaneFrameContext (ScenePane provides one)');
  return source;
}

/** Calls `apply` with the pane's frame each time the scene is posed (the latest `apply` is used). */
export function usePaneFrame(apply: FrameApplier): void {
  const source = usePaneFrameSource();
  const latest = useRef(apply);
  latest.current = apply;
  useEffect(() => source.add((frame) => latest.current(frame)), [source]);
}
