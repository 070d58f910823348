import { useFrame } from '@react-three/fiber';
import { useReadiness } from '../state/ReadinessContext.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';

/**
 * Tells the readiness bookkeeping which state version each frame of a pane showed. It runs just
 * before the frame is rendered; the report goes out on the next animation frame, after the picture
 * is on screen. Mounted inside the pane's Suspense boundary, so it only reports once the models are
 * there (the pane itself is registered by SceneHost).
 */
export function FrameReporter({ pane }: { pane: string }) {
  const store = useAppStoreApi();
  const readiness = useReadiness();

  useFrame(() => {
    const version = store.getState().version;
    requestAnimationFrame(() => readiness.frameDrawn(pane, version));
  });

  return null;
}
