import { Canvas } from '@react-three/fiber';
import { Suspense, useEffect, useMemo } from 'react';
import { shownProcedures } from '../domain/procedures/timelinePlan.ts';
import { useT } from '../i18n/useT.ts';
import { PALETTE } from '../render/materials.ts';
import { useAppStore, useAppStoreApi } from '../state/useAppStore.ts';
import { CameraRig } from './CameraRig.tsx';
import { CaseView } from './CaseView.tsx';
import { Clock } from './Clock.tsx';
import { ContextLossWatcher } from './ContextLossWatcher.tsx';
import { FrameReporter } from './FrameReporter.tsx';
import { Lights } from './Lights.tsx';
import { StatsProbe } from './StatsProbe.tsx';
import { useLevelFocus } from './useLevelFocus.ts';

/** Side-by-side spacing of the two cases in compare mode, metres (a vertebra is under 0.1 m wide). */
const COMPARE_OFFSET = 0.065;
/** Camera offset from the treated level: behind, to the patient's right and a little above (m). */
const SHOT_SINGLE = [-0.24, 0.03, -0.03] as const;
const SHOT_COMPARE = [-0.2, 0.1, -0.38] as const;

/** The full-window 3D view. It draws on demand: nothing is rendered while nothing changes. */
export function SpineCanvas() {
  const t = useT();
  const params = useAppStore((s) => s.params);

  return (
    <Canvas
      className="scene-canvas"
      frameloop="demand"
      dpr={[1, 2]}
      camera={{ fov: 35, near: 0.005, far: 5, position: [...SHOT_SINGLE] }}
      gl={{ antialias: true, powerPreference: 'high-performance', localClippingEnabled: true }}
      aria-label={t('app.sceneLabel', { level: params.level })}
      role="img"
    >
      <color attach="background" args={[PALETTE.background]} />
      <Lights />
      <Clock />
      <ContextLossWatcher />
      <StatsProbe />
      <Suspense fallback={<LoadingMarker />}>
        <Scene />
        <FrameReporter />
      </Suspense>
    </Canvas>
  );
}

function Scene() {
  const params = useAppStore((s) => s.params);
  const procedures = shownProcedures(params.procedure);
  const focus = useLevelFocus(params.level);
  const compare = procedures.length > 1;
  const offset = compare ? SHOT_COMPARE : SHOT_SINGLE;
  const position = useMemo(() => [focus[0] + offset[0], focus[1] + offset[1], focus[2] + offset[2]] as const, [focus, offset]);
  return (
    <>
      <CameraRig position={position} target={focus} />
      {procedures.map((p, i) => (
        // Camera looks from behind: the patient's left (+X) is on the screen's left.
        <group key={p} position={[compare ? (i === 0 ? COMPARE_OFFSET : -COMPARE_OFFSET) : 0, 0, 0]}>
          <CaseView params={params} procedure={p} labelled={i === 0} />
        </group>
      ))}
    </>
  );
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
