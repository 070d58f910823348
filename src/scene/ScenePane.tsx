import { Canvas, useFrame, useThree } from '@react-three/fiber';
import type { ReactNode } from 'react';
import { Suspense, useEffect, useLayoutEffect, useMemo } from 'react';
import type { SingleProcedure } from '../domain/caseParams.ts';
import { directionOfAzimuth } from '../domain/procedures/orbitOffset.ts';
import { SHOTS } from '../domain/procedures/shots.ts';
import { planFor } from '../domain/procedures/plans.ts';
import { prepareCase } from '../domain/procedures/samplePose.ts';
import type { PaneFrameSource } from './paneFrame.ts';
import { PaneFrameContext, createPaneFrameSource } from './paneFrame.ts';
import { useT } from '../i18n/useT.ts';
import { selectPlan } from '../state/store.ts';
import { PALETTE } from '../render/materials.ts';
import { segmentAround } from '../render/spineIndex.ts';
import { useAppStore, useAppStoreApi } from '../state/useAppStore.ts';
import { CameraRig } from './CameraRig.tsx';
import type { CameraLink } from './cameraLink.ts';
import { CaseView } from './CaseView.tsx';
import { Clock, POSE_PRIORITY } from './Clock.tsx';
import { ContextLossWatcher } from './ContextLossWatcher.tsx';
import { CArm } from './CArm.tsx';
import { FluoroLayer, useFluoroShown } from './FluoroLayer.tsx';
import { PaneCapture } from './PaneCapture.tsx';
import { FrameReporter } from './FrameReporter.tsx';
import { createPaneRenderer } from './paneRenderer.ts';
import { usePaneCementInput } from './paneCementInput.ts';
import { Lights } from './Lights.tsx';
import { ShotContext, createShotState } from './ShotContext.ts';
import { StatsProbe } from './StatsProbe.tsx';
import { useSegmentAssets, useSpineIndex } from './sceneAssets.ts';
import { ViewProbe } from './ViewProbe.tsx';

/**
 * A long lens (narrow field of view): close shots of one vertebra then keep its proportions, where a
 * wide lens close up would blow up whatever sits nearer the camera.
 */
const CAMERA_FOV_DEG = 18;

export interface ScenePaneProps {
  procedure: SingleProcedure;
  /** The pane that owns the clock (the first); the others only follow t. */
  primary: boolean;
  link: CameraLink;
  /**
   * False for a pane kept mounted but not shown (the second pane outside compare): it keeps its
   * WebGL context for the page's life and draws nothing.
   */
  active?: boolean;
  /** Names the pane's faults in the store. */
  slot: string;
}

/**
 * Sizes the renderer to its box as soon as the layout gives it a new size, in the ResizeObserver
 * callback, before the browser paints that layout. React Three Fiber sizes it too, but in a React
 * commit after the paint: by then the page's new frame is being composited, and where WebGL is drawn
 * in software the canvas resize waits for that (a trace showed the resize waiting on the GPU thread's
 * swap of the page). Measured here, the canvas resize of a switch to or from compare blocked the
 * page 200–750 ms in the commit, and 2–80 ms here. The commit then finds the size already set and
 * leaves the canvas alone.
 */
function SizeBeforePaint() {
  const gl = useThree((s) => s.gl);
  const setSize = useThree((s) => s.setSize);
  const invalidate = useThree((s) => s.invalidate);
  useLayoutEffect(() => {
    // The box React Three Fiber measures: the canvas's parent.
    const box = gl.domElement.parentElement;
    if (!box) return;
    const observer = new ResizeObserver(() => {
      const r = box.getBoundingClientRect();
      // A hidden pane keeps its size (as React Three Fiber does).
      if (r.width <= 0 || r.height <= 0) return;
      setSize(r.width, r.height, r.top, r.left);
      invalidate();
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [gl, setSize, invalidate]);
  return null;
}

/** One 3D view of one procedure. It draws on demand: nothing is rendered while nothing changes. */
export function ScenePane({ procedure, primary, link, active = true, slot }: ScenePaneProps) {
  return (
    <Canvas
      className="scene-canvas"
      frameloop={active ? 'demand' : 'never'}
      dpr={[1, 2]}
      camera={{ fov: CAMERA_FOV_DEG, near: 0.005, far: 5, position: [0, 0, -0.4] }}
      gl={createPaneRenderer}
      aria-hidden="true"
    >
      <color attach="background" args={[PALETTE.background]} />
      <SizeBeforePaint />
      <ContextLossWatcher owner={`${slot}:context`} />
      {active && (
        <>
          <Lights />
          <Clock drives={primary} />
          {primary && <StatsProbe />}
          <Suspense fallback={primary ? <LoadingMarker /> : null}>
            <AssetGate owner={`${slot}:files`}>
              <PaneScene procedure={procedure} link={link} />
              <PaneCaptureForPane procedure={procedure} order={primary ? 0 : 1} />
            </AssetGate>
          </Suspense>
        </>
      )}
    </Canvas>
  );
}

/**
 * Shows its children once the index and the segment's models are loaded; while a file is missing or
 * damaged it shows nothing and records the fault (the page says so and offers a retry).
 */
function AssetGate({ owner, children }: { owner: string; children: ReactNode }) {
  const store = useAppStoreApi();
  const level = useAppStore((s) => s.params.level);
  const assets = useSegmentAssets(level);
  const failed = assets.state === 'failed' ? assets : null;
  const code = failed?.code;
  const error = failed?.error;
  useEffect(() => {
    store.getState().setFault(owner, code && error ? { code, message: error.message } : null);
  }, [store, owner, code, error]);
  useEffect(() => () => store.getState().setFault(owner, null), [store, owner]);
  return failed ? null : <>{children}</>;
}

function PaneScene({ procedure, link }: { procedure: SingleProcedure; link: CameraLink }) {
  const params = useAppStore((s) => s.params);
  const index = useSpineIndex();
  const level = segmentAround(index, params.level, 0)[0]!;
  const shot = useMemo(() => createShotState(), []);
  const prepared = useMemo(() => prepareCase(procedure, params, level.landmarks), [procedure, params, level.landmarks]);
  const source = useMemo(() => createPaneFrameSource(planFor(procedure), prepared), [procedure, prepared]);
  const cement = usePaneCementInput(procedure, params);
  return (
    <ShotContext.Provider value={shot}>
      <PaneFrameContext.Provider value={source}>
        <PaneFrameDriver source={source} />
        <CameraRig landmarks={level.landmarks} link={link} shot={shot} />
        <CaseView params={params} procedure={procedure} cement={cement} />
        <FluoroLayer procedure={procedure} landmarks={level.landmarks} />
        <CArm landmarks={level.landmarks} />
        <ViewProbe procedure={procedure} level={params.level} />
        <FrameReporter pane={procedure} cement={cement} />
      </PaneFrameContext.Provider>
    </ShotContext.Provider>
  );
}

/** Works out the pane's pose once per frame, after the clock and before anything reads it. */
function PaneFrameDriver({ source }: { source: PaneFrameSource }) {
  const store = useAppStoreApi();
  useFrame(() => {
    const s = store.getState();
    source.poseAt(s, s.t);
  }, POSE_PRIORITY);
  return null;
}

function PaneCaptureForPane({ procedure, order }: { procedure: SingleProcedure; order: number }) {
  const xray = useFluoroShown();
  return <PaneCapture pane={procedure} order={order} xray={xray} />;
}

/** Marks the scene as loading while the models are on their way. */
function LoadingMarker() {
  const store = useAppStoreApi();
  useEffect(() => {
    store.getState().setLoading(true);
    return () => store.getState().setLoading(false);
  }, [store]);
  return null;
}

/**
 * The pane's accessible name follows the step: what is shown, which step, and from which side the
 * step's shot (plus the user's own turn) looks.
 */
export function usePaneLabel(procedure: SingleProcedure): string {
  const t = useT();
  const level = useAppStore((s) => s.params.level);
  const plan = useAppStore(selectPlan);
  const stepIndex = useAppStore((s) => s.stepIndex);
  const left = useAppStore((s) => s.params.approach === 'unipedicular');
  const turnDeg = useAppStore((s) => s.cameraOffset.turnDeg);
  const step = plan.steps[stepIndex]!;
  const shot = SHOTS[step.shot];
  const mirror = shot.focus !== 'body' && left ? -1 : 1;
  return t('view.describe', {
    procedure: t(`procedure.${procedure}.long`),
    level,
    index: stepIndex + 1,
    count: plan.steps.length,
    title: t.dynamic(`${step.captionKey}.title`),
    direction: t(`view.from.${directionOfAzimuth(mirror * shot.azimuthDeg + turnDeg)}`),
  });
}
