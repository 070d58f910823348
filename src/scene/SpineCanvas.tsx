import { Canvas } from '@react-three/fiber';
import { Suspense } from 'react';
import { shownProcedures } from '../domain/procedures/timelinePlan.ts';
import { useT } from '../i18n/useT.ts';
import { PALETTE } from '../render/materials.ts';
import { useAppStore } from '../state/useAppStore.ts';
import { CameraRig } from './CameraRig.tsx';
import { Clock } from './Clock.tsx';
import { ContextLossWatcher } from './ContextLossWatcher.tsx';
import { FrameReporter } from './FrameReporter.tsx';
import { Lights } from './Lights.tsx';
import { PlaceholderCase } from './PlaceholderCase.tsx';
import { StatsProbe } from './StatsProbe.tsx';

/** Side-by-side spacing of the two cases in compare mode, metres. */
const COMPARE_OFFSET = 0.06;
const SHOT_SINGLE = { position: [-0.22, 0.09, -0.27] as const, target: [0, 0, 0] as const };
const SHOT_COMPARE = { position: [-0.13, 0.1, -0.42] as const, target: [0, 0, 0] as const };

/** The full-window 3D view. It draws on demand: nothing is rendered while nothing changes. */
export function SpineCanvas() {
  const t = useT();
  const params = useAppStore((s) => s.params);
  const procedures = shownProcedures(params.procedure);
  const shot = procedures.length > 1 ? SHOT_COMPARE : SHOT_SINGLE;

  return (
    <Canvas
      className="scene-canvas"
      frameloop="demand"
      dpr={[1, 2]}
      camera={{ fov: 35, near: 0.005, far: 5, position: [...shot.position] }}
      gl={{ antialias: true, powerPreference: 'high-performance' }}
      aria-label={t('app.sceneLabel', { level: params.level })}
      role="img"
    >
      <color attach="background" args={[PALETTE.background]} />
      <Lights />
      <Clock />
      <ContextLossWatcher />
      <StatsProbe />
      <CameraRig position={shot.position} target={shot.target} />
      <Suspense fallback={null}>
        {procedures.map((p, i) => (
          <PlaceholderCase
            key={p}
            procedure={p}
            grade={params.grade}
            approach={params.approach}
            offsetX={procedures.length > 1 ? (i === 0 ? COMPARE_OFFSET : -COMPARE_OFFSET) : 0}
          />
        ))}
        <FrameReporter />
      </Suspense>
    </Canvas>
  );
}
