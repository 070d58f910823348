/**
 * Links the cameras of the panes: when the user turns one view, the others follow. A hot value,
 * mutated in place and read inside the frame loop (never React state).
 */
import type { Vector3 } from 'three';

export interface CameraLink {
  /** Bumped on every user move. */
  rev: number;
  position: [number, number, number];
  target: [number, number, number];
  /** Redraw requests of every pane. */
  invalidators: Set<() => void>;
}

export function createCameraLink(): CameraLink {
  return { rev: 0, position: [0, 0, 0], target: [0, 0, 0], invalidators: new Set() };
}

export function publishCamera(link: CameraLink, position: Vector3, target: Vector3): void {
  link.rev += 1;
  link.position = [position.x, position.y, position.z];
  link.target = [target.x, target.y, target.z];
  for (const invalidate of link.invalidators) invalidate();
}
