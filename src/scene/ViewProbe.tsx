import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { Material, Mesh } from 'three';
import { Vector3 } from 'three';
import type { SingleProcedure } from '../domain/caseParams.ts';
import type { ShotState } from './CameraRig.tsx';
import { useShotState } from './ShotContext.ts';

declare global {
  interface Window {
    /** Test hooks of the 3D view, one per pane, by procedure. */
    __spinecastView?: Partial<Record<SingleProcedure, ViewProbe>>;
  }
}

export interface ViewProbe {
  /** Camera position (spine frame, mm), viewing direction (unit) and vertical field of view (degrees). */
  camera(): { position: [number, number, number]; direction: [number, number, number]; fovDeg: number };
  /** The shot's framing: this pane's free part (page CSS px) and the scale at the focus. */
  shot(): { free: { x: number; y: number; width: number; height: number }; pxPerMm: number };
  /**
   * The box around the treated vertebra as drawn now (fracture and restoration applied, the half the
   * cutaway removes left out), from its projected vertices: page CSS px; null before the models are in.
   */
  vertebraBox(): { x: number; y: number; width: number; height: number } | null;
}

const point = new Vector3();

/** Registers the pane's view probe (tests and tooling read the picture's geometry through it). */
export function ViewProbe({ procedure, level }: { procedure: SingleProcedure; level: string }) {
  const camera = useThree((s) => s.camera);
  const scene = useThree((s) => s.scene);
  const gl = useThree((s) => s.gl);
  const shot = useShotState();
  useEffect(() => {
    const probes = (window.__spinecastView ??= {});
    const state: ShotState | null = shot;
    probes[procedure] = {
      camera() {
        const direction = new Vector3(0, 0, -1).applyQuaternion(camera.quaternion);
        const fov = (camera as unknown as { fov: number }).fov;
        return { position: camera.position.clone().multiplyScalar(1000).toArray(), direction: direction.toArray(), fovDeg: fov };
      },
      shot() {
        const canvas = gl.domElement.getBoundingClientRect();
        const f = state?.free ?? { x: 0, y: 0, width: 0, height: 0 };
        return { free: { x: canvas.left + f.x, y: canvas.top + f.y, width: f.width, height: f.height }, pxPerMm: state?.pxPerMm ?? 0 };
      },
      vertebraBox() {
        const bone = scene.getObjectByName(level) as Mesh | undefined;
        if (!bone) return null;
        bone.updateWorldMatrix(true, false);
        const planes = (bone.material as Material).clippingPlanes ?? [];
        const position = bone.geometry.getAttribute('position');
        const canvas = gl.domElement.getBoundingClientRect();
        let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
        for (let i = 0; i < position.count; i++) {
          point.fromBufferAttribute(position, i).applyMatrix4(bone.matrixWorld);
          if (planes.some((p) => p.distanceToPoint(point) < 0)) continue;
          point.project(camera);
          const x = canvas.left + ((point.x + 1) / 2) * canvas.width;
          const y = canvas.top + ((1 - point.y) / 2) * canvas.height;
          x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
        }
        return x1 > x0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
      },
    };
    return () => void delete probes[procedure];
  }, [procedure, level, camera, scene, gl, shot]);
  return null;
}
