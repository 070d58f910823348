import { useEffect, useMemo, useRef } from 'react';
import type { Group, Mesh } from 'three';
import { Quaternion, Vector3 } from 'three';
import type { LevelLandmarks } from '../domain/anatomy/landmarks.ts';
import type { CaseParams, SingleProcedure } from '../domain/caseParams.ts';
import type { CasePose } from '../domain/procedures/samplePose.ts';
import type { Trajectory } from '../domain/procedures/trajectory.ts';
import { balloonQuaternion, createBalloonGeometry, shapeBalloonGeometry } from '../render/balloonGeometry.ts';
import { createBalloonMaterial, createSteelMaterial } from '../render/materials.ts';
import { MU_PER_MM } from '../render/fluoro/attenuation.ts';
import { mmToScene } from '../render/toScene.ts';
import { usePaneFrame, usePaneFrameSource } from './paneFrame.ts';

export interface InstrumentsProps {
  params: CaseParams;
  landmarks: LevelLandmarks;
  procedure: SingleProcedure;
}

/** Shaft drawn behind the tip, mm. [U] visual: long enough to leave the skin. */
const SHAFT_MM = 120;
const DRILL_OD_MM = 3;
const UP = new Vector3(0, 1, 0);
/** X-ray attenuation of the instruments: steel, and the contrast that fills the balloon. */
const STEEL = Object.freeze({ muPerMm: MU_PER_MM.steel });
const CONTRAST = Object.freeze({ muPerMm: MU_PER_MM.contrast });
const scratch = new Vector3();
/** Radius of the folded balloon on its way in, mm. [U] visual only. */
const DEFLATED_RADIUS_MM = 1.2;

/**
 * Needles or cannulas, the hand drill and the balloons, all posed from the pane's pose (samplePose
 * of the case at the pane's time, worked out once per frame: paneFrame.ts).
 */
export function Instruments(_props: InstrumentsProps) {
  const prepared = usePaneFrameSource().prepared;
  const materials = useMemo(() => ({ steel: createSteelMaterial(), balloon: createBalloonMaterial() }), []);
  useEffect(
    () => () => {
      materials.steel.dispose();
      materials.balloon.dispose();
    },
    [materials],
  );
  const tools = useRef<(Group | null)[]>([]);
  const shafts = useRef<(Mesh | null)[]>([]);
  const drills = useRef<(Mesh | null)[]>([]);
  const injectors = useRef<(Mesh | null)[]>([]);
  const balloons = useRef<(Mesh | null)[]>([]);
  // The pose last put on the meshes: a new one only comes when the time or the case moves.
  const applied = useRef<CasePose | null>(null);

  usePaneFrame(({ pose }) => {
    if (pose === applied.current) return;
    applied.current = pose;
    for (let i = 0; i < pose.tools.length; i++) {
      const tool = pose.tools[i]!;
      const group = tools.current[i];
      if (group) {
        group.visible = tool.visible;
        group.position.set(mmToScene(tool.tip[0]), mmToScene(tool.tip[1]), mmToScene(tool.tip[2]));
      }
      const injector = injectors.current[i];
      if (injector) injector.visible = tool.injector;
      shafts.current[i]?.scale.set(mmToScene(tool.outerDiameterMm / 2), 1, mmToScene(tool.outerDiameterMm / 2));
      const drill = drills.current[i];
      if (drill) {
        drill.visible = tool.drillTip !== null && tool.visible;
        if (tool.drillTip) {
          const len = Math.hypot(tool.drillTip[0] - tool.tip[0], tool.drillTip[1] - tool.tip[1], tool.drillTip[2] - tool.tip[2]);
          drill.scale.set(1, Math.max(mmToScene(len), 1e-5), 1);
          drill.position.set(0, mmToScene(len / 2), 0);
        }
      }
    }
    for (let i = 0; i < pose.balloons.length; i++) {
      const b = pose.balloons[i]!;
      const mesh = balloons.current[i];
      if (!mesh) continue;
      mesh.visible = b.visible;
      if (!b.visible) continue;
      // The shape the cement simulation fills once inflated (balloon.ts); a deflated balloon keeps a
      // thin sleeve so it stays visible on its way in.
      shapeBalloonGeometry(mesh.geometry, b.shape, mmToScene(1), DEFLATED_RADIUS_MM);
      balloonQuaternion(b.frame, mesh.quaternion);
      mesh.position.set(mmToScene(b.frame.centre[0]), mmToScene(b.frame.centre[1]), mmToScene(b.frame.centre[2]));
    }
  });

  return (
    <group>
      {prepared.trajectories.map((traj, i) => (
        <InstrumentSet
          key={traj.side}
          trajectory={traj}
          toolRef={(g) => void (tools.current[i] = g)}
          shaftRef={(m) => void (shafts.current[i] = m)}
          drillRef={(m) => void (drills.current[i] = m)}
          injectorRef={(m) => void (injectors.current[i] = m)}
          balloonRef={(m) => void (balloons.current[i] = m)}
          materials={materials}
        />
      ))}
    </group>
  );
}

interface InstrumentSetProps {
  trajectory: Trajectory;
  toolRef: (g: Group | null) => void;
  shaftRef: (m: Mesh | null) => void;
  drillRef: (m: Mesh | null) => void;
  injectorRef: (m: Mesh | null) => void;
  balloonRef: (m: Mesh | null) => void;
  materials: { steel: Mesh['material']; balloon: Mesh['material'] };
}

function InstrumentSet({ trajectory, toolRef, shaftRef, drillRef, injectorRef, balloonRef, materials }: InstrumentSetProps) {
  const balloonGeometry = useMemo(() => createBalloonGeometry(), []);
  useEffect(() => () => balloonGeometry.dispose(), [balloonGeometry]);
  // Local +Y runs along the path, from the skin toward the target.
  const quaternion = useMemo(() => {
    scratch.set(trajectory.direction[0], trajectory.direction[1], trajectory.direction[2]).normalize();
    return new Quaternion().setFromUnitVectors(UP, scratch);
  }, [trajectory]);
  return (
    <>
      <group ref={toolRef} quaternion={quaternion} visible={false}>
        <mesh ref={shaftRef} material={materials.steel} position={[0, -mmToScene(SHAFT_MM / 2), 0]} userData={STEEL}>
          <cylinderGeometry args={[1, 1, mmToScene(SHAFT_MM), 16]} />
        </mesh>
        {/* Trocar tip: a short cone. */}
        <mesh material={materials.steel} position={[0, -mmToScene(1.5), 0]} scale={[mmToScene(1.5), mmToScene(3), mmToScene(1.5)]} userData={STEEL}>
          <coneGeometry args={[1, 1, 16]} />
        </mesh>
        {/* T-handle. */}
        <mesh material={materials.steel} position={[0, -mmToScene(SHAFT_MM + 5), 0]} rotation={[0, 0, Math.PI / 2]}>
          <cylinderGeometry args={[mmToScene(5), mmToScene(5), mmToScene(32), 20]} />
        </mesh>
        {/* Cement injector on the hub while injecting: a short barrel in line with the cannula. */}
        <mesh ref={injectorRef} material={materials.balloon} position={[0, -mmToScene(SHAFT_MM + 40), 0]} visible={false}>
          <cylinderGeometry args={[mmToScene(8), mmToScene(8), mmToScene(60), 20]} />
        </mesh>
        <mesh ref={drillRef} material={materials.steel} visible={false} userData={STEEL}>
          <cylinderGeometry args={[mmToScene(DRILL_OD_MM / 2), mmToScene(DRILL_OD_MM / 2), 1, 12]} />
        </mesh>
      </group>
      <mesh ref={balloonRef} material={materials.balloon} geometry={balloonGeometry} visible={false} userData={CONTRAST} />
    </>
  );
}
