/**
 * Turning the 3D view without a drag: the moves the view's buttons make, and the keys that make them
 * while the view has keyboard focus (arrows turn and tilt, + and − zoom, 0 goes back to the shot).
 */
import type { OrbitOffset } from '../domain/procedures/orbitOffset.ts';

/** One press: 15° of turn or tilt, or one zoom step. */
export const TURN_STEP_DEG = 15;

export type CameraMoveId = 'turnLeft' | 'turnRight' | 'tiltUp' | 'tiltDown' | 'zoomIn' | 'zoomOut';

export const CAMERA_MOVES: readonly { id: CameraMoveId; delta: Partial<OrbitOffset>; keys: readonly string[] }[] = [
  { id: 'turnLeft', delta: { turnDeg: -TURN_STEP_DEG }, keys: ['ArrowLeft'] },
  { id: 'turnRight', delta: { turnDeg: TURN_STEP_DEG }, keys: ['ArrowRight'] },
  { id: 'tiltUp', delta: { tiltDeg: TURN_STEP_DEG }, keys: ['ArrowUp'] },
  { id: 'tiltDown', delta: { tiltDeg: -TURN_STEP_DEG }, keys: ['ArrowDown'] },
  { id: 'zoomIn', delta: { zoom: 1 }, keys: ['+', '='] },
  { id: 'zoomOut', delta: { zoom: -1 }, keys: ['-', '_'] },
];

/** The camera move a key asks for, if any. */
export function cameraKey(key: string): Partial<OrbitOffset> | 'reset' | null {
  if (key === '0') return 'reset';
  return CAMERA_MOVES.find((m) => m.keys.includes(key))?.delta ?? null;
}
