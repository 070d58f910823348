import { useFrame } from '@react-three/fiber';
import { useEffect } from 'react';
import { useReadiness } from '../state/ReadinessContext.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';

/**
 * Tells the readiness bookkeeping which state version each frame showed. It runs just before the
 * frame is rendered; the report goes out on the next animation frame, after the picture is on screen.
 * Mounted inside the scene's Suspense boundary, so it only runs once the models are there.
 */
export function FrameReporter() {
  const store = useAppStoreApi();
  const readiness = useReadiness();

  useEffect(() => {
    readiness.setSceneReady(true);
    return () => readiness.setSceneReady(false);
  }, [readiness]);

  useFrame(() => {
    const version = store.getState().version;
    requestAnimationFrame(() => readiness.frameDrawn(version));
  });

  return null;
}
