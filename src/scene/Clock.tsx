import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { usePaneRegistry } from '../state/PaneRegistryContext.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';

/** Longest frame step counted, so a tab that was hidden does not jump the procedure ahead. */
const MAX_FRAME_SECONDS = 0.1;

/**
 * The one clock: the pane that `drives` it advances t while playing; everything else reads t from
 * the store. Panes draw on demand, so each also asks for a frame after every explicit change, and a
 * pane that only follows redraws whenever t moves.
 */
export function Clock({ drives }: { drives: boolean }) {
  const store = useAppStoreApi();
  const invalidate = useThree((s) => s.invalidate);

  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.version !== prev.version || s.playing !== prev.playing || (!drives && s.t !== prev.t)) invalidate();
      }),
    [store, invalidate, drives],
  );

  const panes = usePaneRegistry();

  useFrame((_, delta) => {
    const s = store.getState();
    // A frame drawn for a slide or a video shows the present moment; it does not move time on.
    if (!drives || !s.playing || panes?.capturing) return;
    s.tick(Math.min(delta, MAX_FRAME_SECONDS));
    invalidate();
  });

  return null;
}
