/**
 * The simulated cement as a smooth closed surface: the voxels filled by a given injected volume,
 * softened by a small blur, then meshed by marching cubes. Closed, so the X-ray pass measures its
 * thickness exactly; recomputed only when the injected volume changes.
 */
import { BufferAttribute, BufferGeometry, Color, DoubleSide, Matrix4, Mesh, MeshStandardMaterial } from 'three';
import { edgeTable, triTable } from 'three/examples/jsm/objects/MarchingCubes.js';
import type { CementResult } from '../domain/cement/types.ts';
import { MU_PER_MM } from './fluoro/attenuation.ts';
import { METRES_PER_MM } from './toScene.ts';

export const CEMENT_COLOUR = new Color('#f7f3e8');
export const LEAK_COLOUR = new Color('#ff6b4a');

export interface CementSurface {
  mesh: Mesh;
  /** Shows the cement present once `ml` has been injected. */
  setInjected(ml: number): void;
  dispose(): void;
}

/** Corner offsets and edge corner pairs of the marching-cubes tables (Bourke's numbering). */
const CORNERS = [
  [0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 1, 1],
] as const;
const EDGES = [
  [0, 1], [1, 2], [2, 3], [3, 0], [4, 5], [5, 6], [6, 7], [7, 4], [0, 4], [1, 5], [2, 6], [3, 7],
] as const;
const ISO = 0.5;

/** Remeshes so far and the time they took, ms (read by `npm run bench`). */
export const remeshStats = { count: 0, ms: 0 };

/**
 * Flat normals of the first `triangles` triangles of a non-indexed buffer, as three's
 * computeVertexNormals gives them ((C − B) × (A − B), normalised), without touching the rest.
 */
function flatNormals(positions: Float32Array, normals: Float32Array, triangles: number): void {
  for (let t = 0, o = 0; t < triangles; t++, o += 9) {
    const cbx = positions[o + 6]! - positions[o + 3]!, cby = positions[o + 7]! - positions[o + 4]!, cbz = positions[o + 8]! - positions[o + 5]!;
    const abx = positions[o]! - positions[o + 3]!, aby = positions[o + 1]! - positions[o + 4]!, abz = positions[o + 2]! - positions[o + 5]!;
    let nx = cby * abz - cbz * aby;
    let ny = cbz * abx - cbx * abz;
    let nz = cbx * aby - cby * abx;
    const length = Math.hypot(nx, ny, nz);
    if (length > 0) {
      nx /= length;
      ny /= length;
      nz /= length;
    }
    for (let v = 0; v < 9; v += 3) {
      normals[o + v] = nx;
      normals[o + v + 1] = ny;
      normals[o + v + 2] = nz;
    }
  }
}

export function buildCementSurface(result: CementResult, toSpine: Matrix4): CementSurface {
  const { arrival, route, grid } = result;
  const [nx, ny, nz] = grid.dims;
  // Padded grid so the surface always closes at the border.
  const px = nx + 2;
  const py = ny + 2;
  const pz = nz + 2;
  const occ = new Float32Array(px * py * pz);
  const tmp = new Float32Array(occ.length);
  const leakAt = new Uint8Array(occ.length);
  const at = (i: number, j: number, k: number) => i + px * (j + py * k);
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) if (route[i + nx * (j + ny * k)]! !== 0) leakAt[at(i + 1, j + 1, k + 1)] = 1;

  const maxTriangles = 200_000;
  const positions = new Float32Array(maxTriangles * 9);
  const colours = new Float32Array(maxTriangles * 9);
  const normals = new Float32Array(maxTriangles * 9);
  const geometry = new BufferGeometry();
  const attributes = [new BufferAttribute(positions, 3), new BufferAttribute(colours, 3), new BufferAttribute(normals, 3)] as const;
  geometry.setAttribute('position', attributes[0]);
  geometry.setAttribute('color', attributes[1]);
  geometry.setAttribute('normal', attributes[2]);
  geometry.setDrawRange(0, 0);
  const material = new MeshStandardMaterial({ vertexColors: true, roughness: 0.45, metalness: 0, side: DoubleSide });
  const mesh = new Mesh(geometry, material);
  mesh.name = 'cement';
  mesh.matrixAutoUpdate = false;
  // Grid index → spine metres: scale by the voxel edge, shift to the grid origin (one cell of padding).
  const local = new Matrix4()
    .makeScale(grid.spacingMm * METRES_PER_MM, grid.spacingMm * METRES_PER_MM, grid.spacingMm * METRES_PER_MM)
    .setPosition((grid.origin[0] - grid.spacingMm) * METRES_PER_MM, (grid.origin[1] - grid.spacingMm) * METRES_PER_MM, (grid.origin[2] - grid.spacingMm) * METRES_PER_MM);
  mesh.matrix.multiplyMatrices(toSpine, local);
  mesh.frustumCulled = false;
  mesh.userData['muPerMm'] = MU_PER_MM.cement;

  let shown = Number.NaN;
  const vert = new Float32Array(36);

  function blurAxis(src: Float32Array, dst: Float32Array, stride: number): void {
    dst.set(src);
    for (let n = stride; n < src.length - stride; n++) dst[n] = 0.25 * src[n - stride]! + 0.5 * src[n]! + 0.25 * src[n + stride]!;
  }

  /** Cells to visit: the filled voxels' bounds grown by the blur's reach (padded coordinates). */
  const box = { i0: 0, i1: 0, j0: 0, j1: 0, k0: 0, k1: 0 };

  function polygonise(): number {
    let count = 0;
    let flip = 0;
    const value = (i: number, j: number, k: number) => occ[at(i, j, k)]!;
    for (let k = box.k0; k < box.k1; k++) {
      for (let j = box.j0; j < box.j1; j++) {
        for (let i = box.i0; i < box.i1; i++) {
          let cube = 0;
          for (let c = 0; c < 8; c++) if (value(i + CORNERS[c]![0], j + CORNERS[c]![1], k + CORNERS[c]![2]) > ISO) cube |= 1 << c;
          const edges = edgeTable[cube]!;
          if (edges === 0) continue;
          for (let e = 0; e < 12; e++) {
            if (!(edges & (1 << e))) continue;
            const [a, b] = EDGES[e]!;
            const ca = CORNERS[a];
            const cb = CORNERS[b];
            const va = value(i + ca[0], j + ca[1], k + ca[2]);
            const vb = value(i + cb[0], j + cb[1], k + cb[2]);
            const u = Math.abs(vb - va) > 1e-6 ? (ISO - va) / (vb - va) : 0.5;
            vert[e * 3] = i + ca[0] + (cb[0] - ca[0]) * u;
            vert[e * 3 + 1] = j + ca[1] + (cb[1] - ca[1]) * u;
            vert[e * 3 + 2] = k + ca[2] + (cb[2] - ca[2]) * u;
          }
          const leaked = leakAt[at(i, j, k)] || leakAt[at(i + 1, j + 1, k + 1)];
          const colour = leaked ? LEAK_COLOUR : CEMENT_COLOUR;
          for (let t = cube * 16; triTable[t] !== -1 && count < maxTriangles; t += 3) {
            const o = count * 9;
            for (let v = 0; v < 3; v++) {
              const e = triTable[t + v]!;
              positions[o + v * 3] = vert[e * 3]!;
              positions[o + v * 3 + 1] = vert[e * 3 + 1]!;
              positions[o + v * 3 + 2] = vert[e * 3 + 2]!;
              colours[o + v * 3] = colour.r;
              colours[o + v * 3 + 1] = colour.g;
              colours[o + v * 3 + 2] = colour.b;
            }
            if (count === 0) flip = outwardSign(o, i, j, k);
            count++;
          }
        }
      }
    }
    // The table's winding depends on which side counts as inside: make every face point outward.
    if (flip < 0) {
      for (let n = 0; n < count; n++) {
        const o = n * 9;
        for (let c = 0; c < 3; c++) {
          const tmpV = positions[o + 3 + c]!;
          positions[o + 3 + c] = positions[o + 6 + c]!;
          positions[o + 6 + c] = tmpV;
        }
      }
    }
    return count;
  }

  /** +1 if the triangle at `o` faces down the field (outward), −1 if it faces in. */
  function outwardSign(o: number, i: number, j: number, k: number): number {
    const ax = positions[o + 3]! - positions[o]!, ay = positions[o + 4]! - positions[o + 1]!, az = positions[o + 5]! - positions[o + 2]!;
    const bx = positions[o + 6]! - positions[o]!, by = positions[o + 7]! - positions[o + 1]!, bz = positions[o + 8]! - positions[o + 2]!;
    const n = [ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx];
    const g = [
      occ[at(i + 1, j, k)]! - occ[at(i, j, k)]!,
      occ[at(i, j + 1, k)]! - occ[at(i, j, k)]!,
      occ[at(i, j, k + 1)]! - occ[at(i, j, k)]!,
    ];
    const dot = -(n[0]! * g[0]! + n[1]! * g[1]! + n[2]! * g[2]!);
    return dot >= 0 ? 1 : -1;
  }

  return {
    mesh,
    setInjected(ml) {
      if (ml === shown) return;
      shown = ml;
      const blurStarted = performance.now();
      occ.fill(0);
      let i0 = px, i1 = 0, j0 = py, j1 = 0, k0 = pz, k1 = 0;
      for (let k = 0; k < nz; k++)
        for (let j = 0; j < ny; j++)
          for (let i = 0; i < nx; i++)
            if (arrival[i + nx * (j + ny * k)]! <= ml) {
              occ[at(i + 1, j + 1, k + 1)] = 1;
              if (i < i0) i0 = i;
              if (i > i1) i1 = i;
              if (j < j0) j0 = j;
              if (j > j1) j1 = j;
              if (k < k0) k0 = k;
              if (k > k1) k1 = k;
            }
      // Padded coordinates are one more; the blur reaches one cell further each way.
      box.i0 = Math.max(0, i0 - 1);
      box.i1 = Math.min(px - 1, i1 + 3);
      box.j0 = Math.max(0, j0 - 1);
      box.j1 = Math.min(py - 1, j1 + 3);
      box.k0 = Math.max(0, k0 - 1);
      box.k1 = Math.min(pz - 1, k1 + 3);
      blurAxis(occ, tmp, 1);
      blurAxis(tmp, occ, px);
      blurAxis(occ, tmp, px * py);
      occ.set(tmp);
      const blurMs = performance.now() - blurStarted;
      const started = performance.now();
      const triangles = polygonise();
      geometry.setDrawRange(0, triangles * 3);
      // Normals and uploads for the triangles drawn only, not the whole 200k-triangle buffer.
      flatNormals(positions, normals, triangles);
      for (const attribute of attributes) {
        attribute.clearUpdateRanges();
        attribute.addUpdateRange(0, triangles * 9);
        attribute.needsUpdate = true;
      }
      mesh.visible = triangles > 0;
      remeshStats.count += 1;
      remeshStats.ms += performance.now() - started + blurMs;
    },
    dispose() {
      geometry.dispose();
      material.dispose();
    },
  };
}
