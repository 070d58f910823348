import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { usePaneRegistry } from '../state/PaneRegistryContext.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';

/**
 * A gap between two frames longer than this is a stall (a hidden tab, a machine waking up), not a
 * slow frame: it is not counted, so the procedure does not jump ahead. Slower frames count in full,
 * so playback keeps to real time even at one frame a second.
 */
export const STALL_SECONDS = 4;

/** Frame-loop order: the clock moves t, then the pane's pose is worked out, then the camera. */
export const CLOCK_PRIORITY = -3;
export const POSE_PRIORITY = -2;

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

  // Wall time of the last frame counted while playing; null when the next frame starts a new run
  // (after Play, a pause, or a hidden tab), so Play never jumps by the time spent paused.
  const last = useRef<number | null>(null);
  useEffect(() => {
    const restart = () => void (last.current = null);
    document.addEventListener('visibilitychange', restart);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.playing !== prev.playing) restart();
    });
    return () => {
      document.removeEventListener('visibilitychange', restart);
      unsubscribe();
    };
  }, [store]);

  const panes = usePaneRegistry();

  useFrame(() => {
    const s = store.getState();
    // A frame drawn for a slide or a video shows the present moment; it does not move time on.
    if (!drives || !s.playing || panes?.capturing) {
      last.current = null;
      return;
    }
    const now = performance.now();
    const elapsed = last.current === null ? 0 : (now - last.current) / 1000;
    last.current = now;
    if (elapsed <= STALL_SECONDS) s.tick(elapsed);
    invalidate();
    // First in the frame: everything posed in this frame sees the t it moved to.
  }, CLOCK_PRIORITY);

  return null;
}
