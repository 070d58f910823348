import { useFrame } from '@react-three/fiber';
import { useContext, useEffect, useMemo, useRef } from 'react';
import type { SingleProcedure } from '../domain/caseParams.ts';
import type { CementInput } from '../domain/cement/types.ts';
import { useReadiness } from '../state/ReadinessContext.ts';
import { usePaneRegistry } from '../state/PaneRegistryContext.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';
import { CementContext } from '../state/CementContext.ts';
import { usePaneFrameSource } from './paneFrame.ts';

/**
 * Tells the readiness bookkeeping which state version each frame of a pane showed. It runs just
 * before the frame is rendered; the report goes out on the next animation frame, after the picture
 * is on screen. Mounted inside the pane's Suspense boundary, so it only reports once the models are
 * there, and it holds back while the pane's cement is still being simulated or meshed (the state on
 * screen is not complete until the cement is drawn). The pane itself is registered by SceneHost.
 * Nothing is allocated per frame: the simulation's input is the pane's own (worked out once when
 * the case changes), and one callback, made once, sends the latest version.
 */
export function FrameReporter({ pane, cement: input }: { pane: SingleProcedure; cement: CementInput }) {
  const store = useAppStoreApi();
  const readiness = useReadiness();
  const cement = useContext(CementContext);
  const source = usePaneFrameSource();

  const panes = usePaneRegistry();
  // The version the report on its way carries (that of the frame that sent it), the latest version
  // drawn, and the pending animation frame. A frame drawn while a report is on its way is reported
  // one animation frame after that report, so every report follows its picture onto the screen.
  const pending = useRef({ version: -1, latest: -1, scheduled: false, frame: 0 });
  const report = useMemo(() => {
    const send = () => {
      const p = pending.current;
      p.scheduled = false;
      readiness.frameDrawn(pane, p.version);
      if (p.latest !== p.version) {
        p.version = p.latest;
        p.scheduled = true;
        p.frame = requestAnimationFrame(send);
      }
    };
    return send;
  }, [readiness, pane]);
  useEffect(() => () => cancelAnimationFrame(pending.current.frame), []);

  useFrame(() => {
    // A frame drawn off screen for a capture is not a frame the viewer saw.
    if (panes?.capturing) return;
    if (cement?.peek(input)?.state === 'running') return;
    if (source.waiting.size > 0) return;
    const p = pending.current;
    p.latest = store.getState().version;
    source.completeAt = p.latest;
    if (!p.scheduled) {
      p.version = p.latest;
      p.scheduled = true;
      p.frame = requestAnimationFrame(report);
    }
  });

  return null;
}
