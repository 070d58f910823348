/**
 * The cement as triangles: the voxels an injected volume has reached, softened by a small blur, then
 * meshed by marching cubes into a closed surface (so the X-ray pass measures its thickness exactly).
 * Plain arrays in, plain arrays out, no three objects: it runs in the cement worker while playing
 * (src/workers) and on the page for a capture or where workers are missing, with the same result.
 * Coordinates are in padded grid cells (one cell of padding each side); `cementSurface.ts` places them.
 */
import { Color } from 'three';
import { edgeTable, triTable } from 'three/examples/jsm/objects/MarchingCubes.js';
import type { CementMeshed } from '../domain/cement/types.ts';

/** Colours of cement that stayed in the body and of cement in a leak route. */
export const CEMENT_COLOUR = new Color('#f7f3e8');
export const LEAK_COLOUR = new Color('#ff6b4a');

/** The most triangles a surface holds (a full 4 mL body meshes to about a fifth of this). */
export const MAX_CEMENT_TRIANGLES = 200_000;

/** What the mesher needs of a simulation result. */
export interface CementMeshSource {
  /** Volume injected when each voxel filled, mL (Infinity: never). */
  readonly arrival: Float32Array;
  /** 0 inside the body, else the leak route's code. */
  readonly route: Uint8Array;
  readonly dims: readonly [number, number, number];
}

/** Where triangles are written: three values per vertex, nine per triangle. */
export type CementMeshBuffers = Pick<CementMeshed, 'positions' | 'normals' | 'colours'>;

export function cementMeshBuffers(maxTriangles = MAX_CEMENT_TRIANGLES): CementMeshBuffers {
  return { positions: new Float32Array(maxTriangles * 9), normals: new Float32Array(maxTriangles * 9), colours: new Float32Array(maxTriangles * 9) };
}

/** Corner offsets and edge corner pairs of the marching-cubes tables (Bourke's numbering). */
const CORNERS = [
  [0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 1, 1],
] as const;
const EDGES = [
  [0, 1], [1, 2], [2, 3], [3, 0], [4, 5], [5, 6], [6, 7], [7, 4], [0, 4], [1, 5], [2, 6], [3, 7],
] as const;
const ISO = 0.5;

/** Meshes one result at any volume, into the buffers given; returns the number of triangles. */
export type CementMesher = (ml: number, out: CementMeshBuffers) => number;

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

export function createCementMesher(source: CementMeshSource): CementMesher {
  const { arrival, route } = source;
  const [nx, ny, nz] = source.dims;
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
  const vert = new Float32Array(36);
  /** Cells to visit: the filled voxels' bounds grown by the blur's reach (padded coordinates). */
  const box = { i0: 0, i1: 0, j0: 0, j1: 0, k0: 0, k1: 0 };

  function blurAxis(src: Float32Array, dst: Float32Array, stride: number): void {
    dst.set(src);
    for (let n = stride; n < src.length - stride; n++) dst[n] = 0.25 * src[n - stride]! + 0.5 * src[n]! + 0.25 * src[n + stride]!;
  }

  /** +1 if the triangle at `o` faces down the field (outward), −1 if it faces in. */
  function outwardSign(positions: Float32Array, o: number, i: number, j: number, k: number): number {
    const ax = positions[o + 3]! - positions[o]!, ay = positions[o + 4]! - positions[o + 1]!, az = positions[o + 5]! - positions[o + 2]!;
    const bx = positions[o + 6]! - positions[o]!, by = positions[o + 7]! - positions[o + 1]!, bz = positions[o + 8]! - positions[o + 2]!;
    const gx = occ[at(i + 1, j, k)]! - occ[at(i, j, k)]!;
    const gy = occ[at(i, j + 1, k)]! - occ[at(i, j, k)]!;
    const gz = occ[at(i, j, k + 1)]! - occ[at(i, j, k)]!;
    const dot = -((ay * bz - az * by) * gx + (az * bx - ax * bz) * gy + (ax * by - ay * bx) * gz);
    return dot >= 0 ? 1 : -1;
  }

  function polygonise(out: CementMeshBuffers): number {
    const { positions, colours } = out;
    const maxTriangles = Math.floor(positions.length / 9);
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
          const colour = leakAt[at(i, j, k)] || leakAt[at(i + 1, j + 1, k + 1)] ? LEAK_COLOUR : CEMENT_COLOUR;
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
            if (count === 0) flip = outwardSign(positions, o, i, j, k);
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
          const swap = positions[o + 3 + c]!;
          positions[o + 3 + c] = positions[o + 6 + c]!;
          positions[o + 6 + c] = swap;
        }
      }
    }
    return count;
  }

  return (ml, out) => {
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
    const triangles = polygonise(out);
    flatNormals(out.positions, out.normals, triangles);
    return triangles;
  };
}
