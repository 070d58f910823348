import { useFrame } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import type { Group, Mesh } from 'three';
import type { Approach, Grade, SingleProcedure } from '../domain/caseParams.ts';
import { alignTime } from '../domain/procedures/alignTime.ts';
import { planFor } from '../domain/procedures/plans.ts';
import { sample } from '../domain/procedures/sampleProcedure.ts';
import {
  createBalloonMaterial,
  createBoneMaterial,
  createCementMaterial,
  createDiscMaterial,
  createSteelMaterial,
} from '../render/materials.ts';
import { PLACEHOLDER_BODY, PLACEHOLDER_LOSS, placeholderNeedleTip } from '../render/placeholderCase.ts';
import { mmToScene } from '../render/toScene.ts';
import { selectPlan } from '../state/store.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';

export interface PlaceholderCaseProps {
  procedure: SingleProcedure;
  grade: Grade;
  approach: Approach;
  /** Offset of this case in the scene, metres (compare mode places two side by side). */
  offsetX?: number;
}

const NEEDLE_LENGTH_MM = 110;
/** 11 G trocar outer diameter 3.05 mm (issue 4: instruments at real size). */
const NEEDLE_RADIUS_MM = 3.05 / 2;
const tip: [number, number, number] = [0, 0, 0];

/** Simple stand-in anatomy with the needle, balloon and cement posed from sample(plan, t). */
export function PlaceholderCase({ procedure, grade, approach, offsetX = 0 }: PlaceholderCaseProps) {
  const store = useAppStoreApi();
  const plan = planFor(procedure);
  const materials = useMemo(
    () => ({
      bone: createBoneMaterial(),
      target: createBoneMaterial(true),
      disc: createDiscMaterial(),
      steel: createSteelMaterial(),
      balloon: createBalloonMaterial(),
      cement: createCementMaterial(),
    }),
    [],
  );
  const needles = useRef<(Group | null)[]>([]);
  const balloons = useRef<(Mesh | null)[]>([]);
  const cement = useRef<Mesh>(null);
  const sides: (1 | -1)[] = approach === 'bipedicular' ? [1, -1] : [1];

  const { widthMm, depthMm, heightMm, discMm } = PLACEHOLDER_BODY;
  const collapsed = heightMm * (1 - PLACEHOLDER_LOSS[grade]);
  const pitch = heightMm + discMm;

  useFrame(() => {
    const s = store.getState();
    const t = alignTime(selectPlan(s), plan, s.t);
    const pose = sample(plan, t);
    sides.forEach((side, i) => {
      const needle = needles.current[i];
      if (needle) {
        needle.visible = pose.needleVisible;
        placeholderNeedleTip(side, pose.needleDepth, tip);
        needle.position.set(mmToScene(tip[0]), mmToScene(tip[1]), mmToScene(tip[2]));
      }
      const balloon = balloons.current[i];
      if (balloon) {
        const r = 0.25 + 0.75 * pose.balloonFill;
        balloon.visible = pose.balloonInserted > 0.01;
        balloon.scale.set(r, r * (0.6 + 0.4 * pose.balloonFill), r);
      }
    });
    if (cement.current) {
      const fill = pose.cementFill;
      cement.current.visible = fill > 0.001;
      // Volume grows linearly, so the radius as its cube root.
      const r = Math.cbrt(fill);
      cement.current.scale.setScalar(Math.max(r, 0.001));
    }
  });

  return (
    <group position={[offsetX, 0, 0]}>
      {[-2, -1, 0, 1, 2].map((k) => {
        const isTarget = k === 0;
        const h = isTarget ? collapsed : heightMm;
        return (
          <group key={k} position={[0, mmToScene(k * pitch), 0]}>
            <mesh
              material={isTarget ? materials.target : materials.bone}
              scale={[mmToScene(widthMm / 2), mmToScene(h), mmToScene(depthMm / 2)]}
              position={[0, isTarget ? mmToScene((collapsed - heightMm) / 2) : 0, 0]}
            >
              <cylinderGeometry args={[1, 1, 1, 48, 1]} />
            </mesh>
            {/* Posterior arch: two pedicles and a spinous process, enough to read front from back. */}
            {[1, -1].map((side) => (
              <mesh
                key={side}
                material={materials.bone}
                position={[mmToScene(side * 14), mmToScene(2), mmToScene(-depthMm / 2 - 7)]}
                rotation={[Math.PI / 2, 0, 0]}
              >
                <cylinderGeometry args={[mmToScene(5), mmToScene(5), mmToScene(16), 20]} />
              </mesh>
            ))}
            <mesh material={materials.bone} position={[0, mmToScene(-2), mmToScene(-depthMm / 2 - 32)]}>
              <boxGeometry args={[mmToScene(7), mmToScene(18), mmToScene(36)]} />
            </mesh>
            {k < 2 && (
              <mesh material={materials.disc} position={[0, mmToScene(pitch / 2), 0]} scale={[mmToScene(widthMm / 2), mmToScene(discMm), mmToScene(depthMm / 2)]}>
                <cylinderGeometry args={[0.97, 0.97, 1, 48, 1]} />
              </mesh>
            )}
          </group>
        );
      })}
      {sides.map((side, i) => (
        <group key={side} ref={(g) => void (needles.current[i] = g)}>
          {/* Shaft runs back from the tip along the path (points set once: the path is fixed). */}
          <NeedleShaft side={side} material={materials.steel} />
          <mesh ref={(m) => void (balloons.current[i] = m)} material={materials.balloon} visible={false}>
            <sphereGeometry args={[mmToScene(7), 24, 16]} />
          </mesh>
        </group>
      ))}
      <mesh ref={cement} material={materials.cement} position={[0, 0, mmToScene(depthMm / 6)]} visible={false}>
        <icosahedronGeometry args={[mmToScene(11), 3]} />
      </mesh>
    </group>
  );
}

function NeedleShaft({ side, material }: { side: 1 | -1; material: ReturnType<typeof createSteelMaterial> }) {
  const orientation = useMemo(() => {
    const a: [number, number, number] = [0, 0, 0];
    const b: [number, number, number] = [0, 0, 0];
    placeholderNeedleTip(side, 0, a);
    placeholderNeedleTip(side, 1, b);
    const d = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    const len = Math.hypot(d[0]!, d[1]!, d[2]!);
    const dir = d.map((v) => v / len) as [number, number, number];
    // Cylinders run along +Y; turn +Y onto the path direction.
    const yaw = Math.atan2(dir[0], dir[2]);
    const pitch = Math.acos(dir[1]);
    return { dir, yaw, pitch };
  }, [side]);
  const back = NEEDLE_LENGTH_MM / 2;
  return (
    <group rotation={[0, orientation.yaw, 0]}>
      <group rotation={[orientation.pitch, 0, 0]}>
        <mesh material={material} position={[0, mmToScene(-back), 0]}>
          <cylinderGeometry args={[mmToScene(NEEDLE_RADIUS_MM), mmToScene(NEEDLE_RADIUS_MM), mmToScene(NEEDLE_LENGTH_MM), 12]} />
        </mesh>
        <mesh material={material} position={[0, mmToScene(-NEEDLE_LENGTH_MM - 6), 0]}>
          <boxGeometry args={[mmToScene(18), mmToScene(12), mmToScene(8)]} />
        </mesh>
      </group>
    </group>
  );
}
