import { createContext, useContext } from 'react';
import type { ShotState } from './CameraRig.tsx';

/**
 * The pane's current shot state (hot, mutated by the camera rig every frame, read in the frame loop
 * by what depends on the shot: the soft-tissue fade and the view probe).
 */
export const ShotContext = createContext<ShotState | null>(null);

export function createShotState(): ShotState {
  return { softOpacity: 1, cutaway: false, nearCut: false, measures: false, free: { x: 0, y: 0, width: 0, height: 0 }, pxPerMm: 0 };
}

export function useShotState(): ShotState | null {
  return useContext(ShotContext);
}
