import { useFrame } from '@react-three/fiber';
import { useContext, useEffect, useMemo, useRef } from 'react';
import type { SingleProcedure } from '../domain/caseParams.ts';
import type { CementInput } from '../domain/cement/types.ts';
import { useReadiness } from '../state/ReadinessContext.ts';
import { usePaneRegistry } from '../state/PaneRegistryContext.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';
import { CementContext } from '../state/CementContext.ts';
import { createFrameReports } from './frameReports.ts';
import { usePaneFrameSource } from './paneFrame.ts';

/**
 * Tells the readiness bookkeeping which state version each frame of a pane showed. It runs just
 * before the frame is rendered; the report goes out on the next animation frame, after the picture
 * is on screen (frameReports.ts). Mounted inside the pane's Suspense boundary, so it only reports
 * once the models are there, and it holds back while the pane's cement is still being simulated, or
 * anything the pane lists as waited for (a cement surface being meshed, a label not yet in the page)
 * is missing. The pane itself is registered by SceneHost.
 * Nothing is allocated per frame: the simulation's input is the pane's own (worked out once when
 * the case changes), and the reports' chain (frameReports.ts) is made once.
 */
export function FrameReporter({ pane, cement: input }: { pane: SingleProcedure; cement: CementInput }) {
  const store = useAppStoreApi();
  const readiness = useReadiness();
  const cement = useContext(CementContext);
  const source = usePaneFrameSource();

  const panes = usePaneRegistry();
  // The readiness and the pane's name as they are now: a pane re-dressed as the other procedure
  // takes the reports on their way with it (frameReports.ts).
  const target = useRef({ pane, readiness });
  target.current.pane = pane;
  target.current.readiness = readiness;
  const reports = useMemo(() => createFrameReports(() => target.current), []);
  useEffect(() => () => reports.cancel(), [reports]);

  useFrame(() => {
    // A frame drawn off screen for a capture is not a frame the viewer saw.
    if (panes?.capturing) return;
    if (cement?.peek(input)?.state === 'running') return;
    if (source.waiting.size > 0) return;
    const version = store.getState().version;
    source.completeAt = version;
    reports.drawn(version);
  });

  return null;
}
