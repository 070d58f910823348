import { useFrame } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import type { Group, Mesh } from 'three';
import { Quaternion, Vector3 } from 'three';
import type { FractureParams } from '../domain/anatomy/fracture.ts';
import type { LevelLandmarks } from '../domain/anatomy/landmarks.ts';
import type { LevelId } from '../domain/anatomy/levels.ts';
import type { Approach, SingleProcedure } from '../domain/caseParams.ts';
import { alignTime } from '../domain/procedures/alignTime.ts';
import { BALLOON_MAX_ML, balloonShape } from '../domain/procedures/balloon.ts';
import { planFor } from '../domain/procedures/plans.ts';
import { sample } from '../domain/procedures/sampleProcedure.ts';
import type { Trajectory } from '../domain/procedures/trajectory.ts';
import { restoredShareFor } from '../domain/procedures/restoration.ts';
import { NEEDLE_OD_MM, planTrajectory, roomAt, sidesFor, tipAt } from '../domain/procedures/trajectory.ts';
import { createBalloonMaterial, createCementMaterial, createSteelMaterial } from '../render/materials.ts';
import { mmToScene } from '../render/toScene.ts';
import { selectPlan } from '../state/store.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';

export interface InstrumentsProps {
  level: LevelId;
  fracture: FractureParams;
  landmarks: LevelLandmarks;
  procedure: SingleProcedure;
  approach: Approach;
  /** Planned cement volume for the level, mL. */
  volumeMl: number;
}

/** Shaft drawn behind the tip, mm. [U] visual: long enough to leave the skin. */
const SHAFT_MM = 120;
/** Working cannula outer diameter, mm. [U] approximate: wide enough for a balloon or drill. */
const CANNULA_OD_MM = 4.2;
const BALLOON_LENGTH = 15;
const UP = new Vector3(0, 1, 0);
const scratch = new Vector3();

/** Needles, cannula, drill, balloon and (until the flow simulation lands) a cement volume, posed from sample(plan, t). */
export function Instruments({ level, fracture, landmarks, procedure, approach, volumeMl }: InstrumentsProps) {
  const store = useAppStoreApi();
  const plan = planFor(procedure);
  const trajectories = useMemo(
    () => sidesFor(approach).map((side) => planTrajectory(level, landmarks, side, approach, fracture)),
    [level, landmarks, approach, fracture],
  );
  const share = restoredShareFor(procedure);
  const materials = useMemo(() => ({ steel: createSteelMaterial(), balloon: createBalloonMaterial(), cement: createCementMaterial() }), []);
  const tools = useRef<(Group | null)[]>([]);
  const shafts = useRef<(Mesh | null)[]>([]);
  const balloons = useRef<(Mesh | null)[]>([]);
  const cements = useRef<(Mesh | null)[]>([]);

  useFrame(() => {
    const s = store.getState();
    const pose = sample(plan, alignTime(selectPlan(s), plan, s.t));
    const cannula = procedure === 'bkp' && (pose.stepIndex >= plan.steps.findIndex((st) => st.id === 'body') + 1 || pose.stepId === 'body');
    trajectories.forEach((traj, i) => {
      const tool = tools.current[i];
      if (tool) {
        tool.visible = pose.needleVisible;
        const tip = tipAt(traj, pose.needleDepth);
        tool.position.set(mmToScene(tip[0]), mmToScene(tip[1]), mmToScene(tip[2]));
      }
      const shaft = shafts.current[i];
      if (shaft) {
        const od = cannula ? CANNULA_OD_MM : NEEDLE_OD_MM[traj.gauge];
        shaft.scale.set(mmToScene(od / 2), 1, mmToScene(od / 2));
      }
      const balloon = balloons.current[i];
      if (balloon) {
        const perSide = BALLOON_MAX_ML * pose.balloonFill;
        const roomMm = roomAt(landmarks, traj.target, fracture, 1 - share * pose.restoration);
        const shape = balloonShape(perSide, BALLOON_LENGTH, roomMm);
        balloon.visible = pose.balloonInserted > 0.01;
        const r = Math.max(shape.radiusMm, 1.2);
        const rv = Math.max(shape.verticalRadiusMm, 1.2);
        // Unit capsule: radius 1, overall height 3 along local +Y (the path). Its far end stays at
        // the target in the anterior third; it grows back toward the cannula.
        balloon.scale.set(mmToScene(r), mmToScene((BALLOON_LENGTH + 2 * r) / 3), mmToScene(rv));
        balloon.position.set(0, -mmToScene(BALLOON_LENGTH / 2 + r), 0);
      }
      const cement = cements.current[i];
      if (cement) {
        const share = volumeMl / trajectories.length;
        const v = share * pose.cementFill * 1000;
        cement.visible = v > 1;
        const r = Math.cbrt((3 * v) / (4 * Math.PI));
        cement.scale.setScalar(mmToScene(Math.max(r, 0.1)));
      }
    });
  });

  return (
    <group>
      {trajectories.map((traj, i) => (
        <InstrumentSet
          key={traj.side}
          trajectory={traj}
          toolRef={(g) => void (tools.current[i] = g)}
          shaftRef={(m) => void (shafts.current[i] = m)}
          balloonRef={(m) => void (balloons.current[i] = m)}
          cementRef={(m) => void (cements.current[i] = m)}
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
  balloonRef: (m: Mesh | null) => void;
  cementRef: (m: Mesh | null) => void;
  materials: { steel: Mesh['material']; balloon: Mesh['material']; cement: Mesh['material'] };
}

function InstrumentSet({ trajectory, toolRef, shaftRef, balloonRef, cementRef, materials }: InstrumentSetProps) {
  // The tool group sits at the tip and is turned so its local +Y runs along the path.
  const quaternion = useMemo(() => {
    scratch.set(trajectory.direction[0], trajectory.direction[1], trajectory.direction[2]).normalize();
    return new Quaternion().setFromUnitVectors(UP, scratch);
  }, [trajectory]);
  const target = trajectory.target;
  return (
    <>
      <group ref={toolRef} quaternion={quaternion} visible={false}>
        <mesh ref={shaftRef} material={materials.steel} position={[0, -mmToScene(SHAFT_MM / 2), 0]}>
          <cylinderGeometry args={[1, 1, mmToScene(SHAFT_MM), 16]} />
        </mesh>
        {/* Trocar tip: a short cone. */}
        <mesh material={materials.steel} position={[0, -mmToScene(1.5), 0]} scale={[mmToScene(1.5), mmToScene(3), mmToScene(1.5)]}>
          <coneGeometry args={[1, 1, 16]} />
        </mesh>
        {/* T-handle. */}
        <mesh material={materials.steel} position={[0, -mmToScene(SHAFT_MM + 5), 0]} rotation={[0, 0, Math.PI / 2]}>
          <cylinderGeometry args={[mmToScene(5), mmToScene(5), mmToScene(32), 20]} />
        </mesh>
      </group>
      <group position={[mmToScene(target[0]), mmToScene(target[1]), mmToScene(target[2])]} quaternion={quaternion}>
        <mesh ref={balloonRef} material={materials.balloon} visible={false}>
          <capsuleGeometry args={[1, 1, 8, 24]} />
        </mesh>
        <mesh ref={cementRef} material={materials.cement} visible={false}>
          <icosahedronGeometry args={[1, 3]} />
        </mesh>
      </group>
    </>
  );
}
