import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useAppStoreApi } from '../state/useAppStore.ts';

/** Longest frame step counted, so a tab that was hidden does not jump the procedure ahead. */
const MAX_FRAME_SECONDS = 0.1;

/**
 * The one clock: advances t while playing. Everything else reads t from the store.
 * The canvas draws on demand, so this also keeps frames coming while playing and asks for one
 * after every explicit change.
 */
export function Clock() {
  const store = useAppStoreApi();
  const invalidate = useThree((s) => s.invalidate);

  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.version !== prev.version || s.playing !== prev.playing) invalidate();
      }),
    [store, invalidate],
  );

  useFrame((_, delta) => {
    const s = store.getState();
    if (!s.playing) return;
    s.tick(Math.min(delta, MAX_FRAME_SECONDS));
    invalidate();
  });

  return null;
}
