import { useFrame } from '@react-three/fiber';
import { useContext } from 'react';
import type { CaseParams, SingleProcedure } from '../domain/caseParams.ts';
import { cementInputFor } from '../state/cementInput.ts';
import { useReadiness } from '../state/ReadinessContext.ts';
import { usePaneRegistry } from '../state/PaneRegistryContext.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';
import { CementContext } from '../state/CementContext.ts';

/**
 * Tells the readiness bookkeeping which state version each frame of a pane showed. It runs just
 * before the frame is rendered; the report goes out on the next animation frame, after the picture
 * is on screen. Mounted inside the pane's Suspense boundary, so it only reports once the models are
 * there, and it holds back while the pane's cement is still being simulated (the state on screen is
 * not complete until the cement is drawn). The pane itself is registered by SceneHost.
 */
export function FrameReporter({ pane, params }: { pane: SingleProcedure; params: CaseParams }) {
  const store = useAppStoreApi();
  const readiness = useReadiness();
  const cement = useContext(CementContext);

  const panes = usePaneRegistry();

  useFrame(() => {
    // A frame drawn off screen for a capture is not a frame the viewer saw.
    if (panes?.capturing) return;
    const version = store.getState().version;
    if (cement?.peek(cementInputFor(pane, params))?.state === 'running') return;
    requestAnimationFrame(() => readiness.frameDrawn(pane, version));
  });

  return null;
}
