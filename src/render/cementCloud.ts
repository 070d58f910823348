/**
 * Cement from the flow simulation as an instanced cloud of small rounded voxels, sorted by the
 * injected volume at which each filled, so showing any moment is one binary search and a draw count
 * (no rebuilding while scrubbing). Cement that left the body is drawn in the leak colour; its route
 * is named in text elsewhere, never by colour alone.
 */
import { Color, IcosahedronGeometry, InstancedMesh, Matrix4, MeshStandardMaterial } from 'three';
import type { CementResult } from '../domain/cement/types.ts';
import { METRES_PER_MM } from './toScene.ts';
import { MU_PER_MM } from './fluoro/attenuation.ts';

export const CEMENT_COLOUR = new Color('#f7f3e8');
export const LEAK_COLOUR = new Color('#ff6b4a');

export interface CementCloud {
  mesh: InstancedMesh;
  /** Shows the cement present once `ml` has been injected. */
  setInjected(ml: number): void;
  dispose(): void;
}

/**
 * `toSpine` places the simulation grid (vertebra frame, mm) in the scene (metres). Each instance is a
 * voxel-sized blob, slightly oversized so neighbours merge into a continuous mass.
 */
export function buildCementCloud(result: CementResult, toSpine: Matrix4): CementCloud {
  const { arrival, route, grid } = result;
  const filled: number[] = [];
  for (let i = 0; i < arrival.length; i++) if (Number.isFinite(arrival[i]!)) filled.push(i);
  filled.sort((a, b) => arrival[a]! - arrival[b]!);
  const arrivals = new Float32Array(filled.length);

  const size = grid.spacingMm * 0.8 * METRES_PER_MM;
  const geometry = new IcosahedronGeometry(1, 1);
  const material = new MeshStandardMaterial({ roughness: 0.5, metalness: 0 });
  const mesh = new InstancedMesh(geometry, material, Math.max(1, filled.length));
  mesh.name = 'cement';
  // The blobs overlap their neighbours (radius 0.8 voxel, ~1.9 voxel volumes each), so on an X-ray
  // they are counted with that share taken off.
  mesh.userData['muPerMm'] = MU_PER_MM.cement / 1.9;
  const [nx, ny] = grid.dims;
  const m = new Matrix4();
  const placed = new Matrix4();
  filled.forEach((cell, n) => {
    const i = cell % nx;
    const j = Math.floor(cell / nx) % ny;
    const k = Math.floor(cell / (nx * ny));
    const x = (grid.origin[0] + i * grid.spacingMm) * METRES_PER_MM;
    const y = (grid.origin[1] + j * grid.spacingMm) * METRES_PER_MM;
    const z = (grid.origin[2] + k * grid.spacingMm) * METRES_PER_MM;
    m.makeScale(size, size, size).setPosition(x, y, z);
    placed.multiplyMatrices(toSpine, m);
    mesh.setMatrixAt(n, placed);
    mesh.setColorAt(n, route[cell] === 0 ? CEMENT_COLOUR : LEAK_COLOUR);
    arrivals[n] = arrival[cell]!;
  });
  mesh.instanceMatrix.needsUpdate = true;
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  mesh.count = 0;
  mesh.frustumCulled = false;

  return {
    mesh,
    setInjected(ml) {
      // Count of voxels filled by `ml`: first index whose arrival exceeds it.
      let lo = 0;
      let hi = arrivals.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (arrivals[mid]! <= ml) lo = mid + 1;
        else hi = mid;
      }
      mesh.count = lo;
    },
    dispose() {
      geometry.dispose();
      material.dispose();
      mesh.dispose();
    },
  };
}
