import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import type { Group } from 'three';
import type { LevelLandmarks } from '../domain/anatomy/landmarks.ts';
import { FIELD_MM, SOURCE_TO_SPINE_MM } from '../render/fluoro/cArm.ts';
import { mmToScene } from '../render/toScene.ts';
import { selectStep } from '../state/store.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';

/** Drawn closer than the real source so it stays in the 3D view; the beam direction is what counts. */
const SHOWN_DISTANCE_MM = SOURCE_TO_SPINE_MM * 0.45;

/**
 * Where the C-arm is: its X-ray source, the image detector opposite, and the C joining them, turned
 * for the view the current step is watched on (AP, or lateral; AP when both are used).
 */
export function CArm({ landmarks }: { landmarks: LevelLandmarks }) {
  const store = useAppStoreApi();
  const group = useRef<Group>(null);
  const c = landmarks.bodyCentre;

  useFrame(() => {
    const g = group.current;
    if (!g) return;
    const s = store.getState();
    const fluoro = selectStep(s).fluoro;
    g.visible = s.layers.xray && fluoro !== 'none' && s.params.view !== 'fluoro';
    // AP: beam front to back (turned about Y by 0); lateral: beam from the patient's right.
    g.rotation.set(0, fluoro === 'lateral' ? -Math.PI / 2 : 0, 0);
  });

  const r = mmToScene(SHOWN_DISTANCE_MM);
  return (
    <group ref={group} position={[mmToScene(c[0]), mmToScene(c[1]), mmToScene(c[2])]} visible={false}>
      {/* Source (anterior, under the table for a prone patient) and detector (over the back). */}
      <mesh position={[0, 0, r]}>
        <boxGeometry args={[mmToScene(60), mmToScene(60), mmToScene(40)]} />
        <meshStandardMaterial color="#6b7790" roughness={0.6} transparent opacity={0.3} />
      </mesh>
      <mesh position={[0, 0, -r]} rotation={[Math.PI / 2, 0, 0]}>
        <cylinderGeometry args={[mmToScene(FIELD_MM / 2), mmToScene(FIELD_MM / 2), mmToScene(25), 32]} />
        <meshStandardMaterial color="#6b7790" roughness={0.6} transparent opacity={0.3} />
      </mesh>
      <mesh rotation={[0, Math.PI / 2, 0]}>
        <torusGeometry args={[r, mmToScene(12), 10, 48, Math.PI]} />
        <meshStandardMaterial color="#8e9ab3" roughness={0.5} transparent opacity={0.28} />
      </mesh>
    </group>
  );
}
