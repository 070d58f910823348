import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import type { LevelLandmarks } from '../domain/anatomy/landmarks.ts';
import { cameraAt } from '../domain/procedures/shots.ts';
import { mmToScene } from '../render/toScene.ts';
import { selectPlan } from '../state/store.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';
import type { CameraLink } from './cameraLink.ts';
import { publishCamera } from './cameraLink.ts';

export interface CameraRigProps {
  landmarks: LevelLandmarks;
  link: CameraLink;
}

/**
 * The camera follows each step's framed shot as a pure function of t (so scrubbing moves it too).
 * A drag or zoom frees it: from then on it stays where the user put it, in every pane, until
 * "back to this step's view" (the store's freeCamera = false).
 */
export function CameraRig({ landmarks, link }: CameraRigProps) {
  const store = useAppStoreApi();
  const controls = useRef<OrbitControlsImpl>(null);
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const applied = useRef(-1);
  const userMoving = useRef(false);

  useEffect(() => {
    link.invalidators.add(invalidate);
    return () => void link.invalidators.delete(invalidate);
  }, [link, invalidate]);

  useFrame(() => {
    const c = controls.current;
    if (!c) return;
    const s = store.getState();
    if (!s.freeCamera) {
      const pose = cameraAt(selectPlan(s), landmarks, s.t, s.params.approach === 'unipedicular' ? 'left' : 'right');
      camera.position.set(mmToScene(pose.position[0]), mmToScene(pose.position[1]), mmToScene(pose.position[2]));
      c.target.set(mmToScene(pose.target[0]), mmToScene(pose.target[1]), mmToScene(pose.target[2]));
      camera.lookAt(c.target);
      applied.current = link.rev;
    } else if (link.rev !== applied.current && !userMoving.current) {
      camera.position.set(...link.position);
      c.target.set(...link.target);
      camera.lookAt(c.target);
      applied.current = link.rev;
    }
  }, -1);

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping={false}
      minDistance={0.05}
      maxDistance={0.8}
      onStart={() => {
        userMoving.current = true;
        if (!store.getState().freeCamera) store.getState().setFreeCamera(true);
      }}
      onChange={() => {
        if (!userMoving.current || !controls.current) return;
        publishCamera(link, camera.position, controls.current.target);
        applied.current = link.rev;
      }}
      onEnd={() => {
        userMoving.current = false;
      }}
    />
  );
}
