import { OrbitControls } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import { useAppStoreApi } from '../state/useAppStore.ts';

export interface CameraRigProps {
  /** Where the camera looks from and at, metres. */
  position: readonly [number, number, number];
  target: readonly [number, number, number];
}

/**
 * Orbit and zoom at any time. The first user drag marks the camera as free; "back to this step's
 * view" (the store's freeCamera = false) puts it back on the framed shot.
 */
export function CameraRig({ position, target }: CameraRigProps) {
  const store = useAppStoreApi();
  const controls = useRef<OrbitControlsImpl>(null);
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    function frame(): void {
      camera.position.set(position[0], position[1], position[2]);
      controls.current?.target.set(target[0], target[1], target[2]);
      controls.current?.update();
      invalidate();
    }
    frame();
    return store.subscribe((s, prev) => {
      if (prev.freeCamera && !s.freeCamera) frame();
    });
  }, [store, camera, position, target, invalidate]);

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping={false}
      minDistance={0.06}
      maxDistance={0.8}
      onStart={() => {
        if (!store.getState().freeCamera) store.getState().setFreeCamera(true);
      }}
    />
  );
}
