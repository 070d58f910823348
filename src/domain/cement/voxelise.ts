/**
 * Voxelises the fractured vertebral body of one level for the cement simulation, from the same
 * signed-distance functions the anatomy meshes come from, so the simulation and the picture agree.
 *
 * The grid is laid out in the vertebra's own frame after the fracture (mm). The fracture
 * deformation of the anatomy (`fractureDeformer`) only moves points along the vertebra's own y
 * axis, monotonically in y for a fixed (x, z); so each grid column is classified by inverting that
 * 1-D map numerically and evaluating the intact SDFs at the base point. Blocks far from any
 * surface are settled by one SDF test; near the surfaces the SDFs are sampled on every other
 * voxel and interpolated (sdfLattice.ts), which keeps the cold build to a few hundred ms.
 */
import { fractureDeformer, type FractureGrade, type FractureShape } from '../anatomy/fracture.ts';
import type { LevelId } from '../anatomy/levels.ts';
import { vertebraTransform } from '../anatomy/spineLayout.ts';
import { apply, invert, type Vec3 } from '../anatomy/vec.ts';
import { bodyFrontZ, vertebraGeometry } from '../anatomy/vertebraGeometry.ts';
import { bodyHalfHeight, canalSdf } from '../anatomy/vertebralBody.ts';
import { vertebraCancellousSdf, vertebraSdf } from '../anatomy/vertebraSdf.ts';
import { sdfLattice } from './sdfLattice.ts';
import { CELL, type GridMeta } from './types.ts';

/** The bone and its surroundings before any seeded or case-specific feature. */
export interface BaseGrid {
  readonly meta: GridMeta;
  readonly kind: Uint8Array;
  /** Body bone voxels (cancellous + shell + endplates in front of the posterior wall). */
  readonly bodyVoxels: number;
  /** Maps an intact point of the vertebra frame to its fractured position (mm). */
  readonly deformLocal: (p: Vec3) => Vec3;
}

/** Margin (mm) round the body: room for the disc side of the endplates and tissue round the shell. */
const MARGIN_MM = 3.5;
/**
 * Depth (mm) of the canal behind the posterior wall taken as anterior epidural space [U]
 * (modelling estimate: fat and venous plexus in front of the dura, a few mm).
 */
const EPIDURAL_DEPTH_MM = 3;
/** Sampling step (mm) of the column inversion; the map is piecewise smooth, so this is ample. */
const INVERSION_STEP_MM = 1;
/** Edge of the blocks settled by one SDF test, voxels. */
const BLOCK = 3;
/** Margin on the SDFs' Lipschitz bound (blends and superellipses are not exact distances). */
const LIPSCHITZ_SAFETY = 1.5;
const OUTSIDE = 0;
const INSIDE = 1;
const UNKNOWN = 2;

const cache = new Map<string, BaseGrid>();

/** The base grid of a fractured level (cached: it depends on the geometry only, not the seed). */
export function baseGrid(level: LevelId, grade: FractureGrade, shape: FractureShape, spacingMm: number): BaseGrid {
  const key = `${level}|${grade}|${shape}|${spacingMm}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const grid = buildBaseGrid(level, grade, shape, spacingMm);
  cache.set(key, grid);
  return grid;
}

/**
 * The anatomy's fracture deformation in the vertebra's own frame. Built apart from the grid so the
 * closure kept in the cache holds nothing of the build's working arrays.
 */
function localDeformer(level: LevelId, grade: FractureGrade, shape: FractureShape): (p: Vec3) => Vec3 {
  const toSpine = vertebraTransform(level);
  const toLocal = invert(toSpine);
  const deformer = fractureDeformer({ level, grade, shape });
  return function deformLocal(q: Vec3): Vec3 {
    return apply(toLocal, deformer.deform(apply(toSpine, q)));
  };
}

function buildBaseGrid(level: LevelId, grade: FractureGrade, shape: FractureShape, h: number): BaseGrid {
  const g = vertebraGeometry(level);
  const p = g.params;
  const outer = vertebraSdf(level);
  const inner = vertebraCancellousSdf(level);
  const canal = canalSdf(g);
  const deformLocal = localDeformer(level, grade, shape);

  const halfX = p.epw / 2 + MARGIN_MM;
  const halfY = Math.max(p.vbha, p.vbhp) / 2 + MARGIN_MM;
  const zMin = g.zPosterior - EPIDURAL_DEPTH_MM - 2;
  const zMax = bodyFrontZ(g) + MARGIN_MM;
  const nx = Math.ceil((2 * halfX) / h) + 1;
  const ny = Math.ceil((2 * halfY) / h) + 1;
  const nz = Math.ceil((zMax - zMin) / h) + 1;
  const origin: Vec3 = [-((nx - 1) * h) / 2, -((ny - 1) * h) / 2, zMin];
  const kind = new Uint8Array(nx * ny * nz);
  let bodyVoxels = 0;

  // Pass 1, per column: invert the fracture's y map, and note what the column crosses.
  const baseY = new Float32Array(nx * ny * nz);
  const colHalfHeight = new Float32Array(nx * nz);
  const colOverBody = new Uint8Array(nx * nz);
  const colInCanal = new Uint8Array(nx * nz);
  // Base y samples: a little beyond the grid, since collapse pulls points from above into it.
  const y0 = origin[1] - 12;
  const ns = Math.ceil((2 * halfY + 24) / INVERSION_STEP_MM) + 1;
  const defYs = new Float64Array(ns);
  // The map is smooth across columns, so it is inverted on every other column in x and z and
  // interpolated linearly in between (a quarter of the deformer calls).
  const key = (n: number, count: number): boolean => n % 2 === 0 || n === count - 1;
  for (let k = 0; k < nz; k++) {
    if (!key(k, nz)) continue;
    const z = origin[2] + k * h;
    for (let i = 0; i < nx; i++) {
      if (!key(i, nx)) continue;
      const x = origin[0] + i * h;
      for (let s = 0; s < ns; s++) defYs[s] = deformLocal([x, y0 + s * INVERSION_STEP_MM, z])[1];
      let s = 0;
      for (let j = 0; j < ny; j++) {
        const yd = origin[1] + j * h;
        while (s < ns - 2 && defYs[s + 1]! < yd) s++;
        const a = defYs[s]!;
        const b = defYs[s + 1]!;
        const t = b > a ? Math.min(Math.max((yd - a) / (b - a), 0), 1) : 0;
        baseY[i + nx * (j + ny * k)] = y0 + (s + t) * INVERSION_STEP_MM;
      }
    }
  }
  const plane = nx * ny;
  for (let k = 0; k < nz; k++) {
    for (let i = 0; i < nx; i++) {
      if (key(i, nx) && key(k, nz)) continue;
      // Odd in x: mean of the columns either side; odd in z only: mean of the planes either side.
      const o = !key(i, nx) ? 1 : plane;
      for (let j = 0; j < ny; j++) {
        const idx = i + nx * j + plane * k;
        if (!key(i, nx) && !key(k, nz)) {
          baseY[idx] = 0.25 * (baseY[idx - 1 - plane]! + baseY[idx + 1 - plane]! + baseY[idx - 1 + plane]! + baseY[idx + 1 + plane]!);
        } else {
          baseY[idx] = 0.5 * (baseY[idx - o]! + baseY[idx + o]!);
        }
      }
    }
  }
  for (let k = 0; k < nz; k++) {
    const z = origin[2] + k * h;
    const hh = bodyHalfHeight(g, z);
    for (let i = 0; i < nx; i++) {
      const x = origin[0] + i * h;
      const col = i + nx * k;
      colHalfHeight[col] = hh;
      // Footprint of the body near its endplates: where the space above/below is disc.
      colOverBody[col] = outer(x, hh - 2, z) < 0 || outer(x, -hh + 2, z) < 0 ? 1 : 0;
      colInCanal[col] = z < g.zPosterior + 0.5 && canal(x, 0, z) < 0 ? 1 : 0;
    }
  }

  // Near the surfaces, both SDFs are sampled on every other voxel and interpolated.
  const outerAt = sdfLattice(nx, ny, nz, (i, j, k) => outer(origin[0] + i * h, baseY[i + nx * (j + ny * k)]!, origin[2] + k * h));
  const innerAt = sdfLattice(nx, ny, nz, (i, j, k) => inner(origin[0] + i * h, baseY[i + nx * (j + ny * k)]!, origin[2] + k * h));

  function classify(i: number, j: number, k: number, bone: number): number {
    const x = origin[0] + i * h;
    const z = origin[2] + k * h;
    const idx = i + nx * (j + ny * k);
    const y = baseY[idx]!;
    const col = i + nx * k;
    const hh = colHalfHeight[col]!;
    if (bone === INSIDE || (bone === UNKNOWN && outerAt(i, j, k) < 0)) {
      if (bone === INSIDE || innerAt(i, j, k) < 0) return CELL.cancellous;
      if (Math.abs(y) > hh - 3 && (inner(x, 0.5 * y, z) < 0 || inner(x, 0.8 * y, z) < 0)) return CELL.endplate;
      return CELL.cortical;
    }
    if (colInCanal[col]) return z > g.zPosterior - EPIDURAL_DEPTH_MM ? CELL.epidural : CELL.none;
    if (colOverBody[col] && Math.abs(y) > hh - 3) return CELL.disc;
    return CELL.paravertebral;
  }

  // Pass 2, by blocks of BLOCK³ voxels: one SDF test at the block's centre settles blocks far
  // from any surface (a signed distance changes no faster than the distance moved; the fracture
  // stretches base y by at most 1/(1 − 0.45), hence the factor 2 on y). Others go voxel by voxel.
  const reach = h * Math.floor(BLOCK / 2);
  const radius = Math.hypot(reach, 2 * reach, reach) * LIPSCHITZ_SAFETY;
  for (let bk = 0; bk < nz; bk += BLOCK) {
    for (let bj = 0; bj < ny; bj += BLOCK) {
      for (let bi = 0; bi < nx; bi += BLOCK) {
        const ci = Math.min(bi + (BLOCK >> 1), nx - 1), cj = Math.min(bj + (BLOCK >> 1), ny - 1), ck = Math.min(bk + (BLOCK >> 1), nz - 1);
        const cx = origin[0] + ci * h, cy = baseY[ci + nx * (cj + ny * ck)]!, cz = origin[2] + ck * h;
        const dOut = outer(cx, cy, cz);
        const bone = dOut > radius ? OUTSIDE : dOut < -radius && inner(cx, cy, cz) < -radius ? INSIDE : UNKNOWN;
        for (let k = bk; k < Math.min(bk + BLOCK, nz); k++) {
          for (let j = bj; j < Math.min(bj + BLOCK, ny); j++) {
            for (let i = bi; i < Math.min(bi + BLOCK, nx); i++) {
              if (i === 0 || j === 0 || k === 0 || i === nx - 1 || j === ny - 1 || k === nz - 1) continue; // CELL.none: the grid's skin
              const c = classify(i, j, k, bone);
              kind[i + nx * (j + ny * k)] = c;
              if ((c === CELL.cancellous || c === CELL.cortical || c === CELL.endplate) && origin[2] + k * h > g.zPosterior - 1) bodyVoxels++;
            }
          }
        }
      }
    }
  }
  sealShell(kind, nx, ny, nz);
  const meta: GridMeta = { level, frame: 'vertebra', dims: [nx, ny, nz], origin, spacingMm: h };
  return { meta, kind, bodyVoxels, deformLocal };
}

/**
 * Where the collapse stretches the sampling (a base step > the shell thickness), a cancellous
 * voxel could touch the outside directly; turn such voxels into shell so that cement leaves the
 * body only through modelled routes.
 */
function sealShell(kind: Uint8Array, nx: number, ny: number, nz: number): void {
  const sy = nx;
  const sz = nx * ny;
  const outside = (c: number): boolean => c === CELL.disc || c === CELL.paravertebral || c === CELL.epidural;
  for (let k = 1; k < nz - 1; k++) {
    for (let j = 1; j < ny - 1; j++) {
      for (let i = 1; i < nx - 1; i++) {
        const idx = i + sy * j + sz * k;
        if (kind[idx] !== CELL.cancellous) continue;
        const up = kind[idx + sy]!;
        const down = kind[idx - sy]!;
        if (outside(up) || outside(down)) kind[idx] = CELL.endplate;
        else if (outside(kind[idx + 1]!) || outside(kind[idx - 1]!) || outside(kind[idx + sz]!) || outside(kind[idx - sz]!)) kind[idx] = CELL.cortical;
      }
    }
  }
}

/** Index of the voxel containing a point (mm), or -1 outside the grid. */
export function voxelAt(meta: GridMeta, p: Vec3): number {
  const [nx, ny, nz] = meta.dims;
  const h = meta.spacingMm;
  const i = Math.round((p[0] - meta.origin[0]) / h);
  const j = Math.round((p[1] - meta.origin[1]) / h);
  const k = Math.round((p[2] - meta.origin[2]) / h);
  if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) return -1;
  return i + nx * (j + ny * k);
}

/** Centre (mm) of a voxel. */
export function voxelCentre(meta: GridMeta, idx: number): Vec3 {
  const [nx, ny] = meta.dims;
  const h = meta.spacingMm;
  const i = idx % nx;
  const j = Math.floor(idx / nx) % ny;
  const k = Math.floor(idx / (nx * ny));
  return [meta.origin[0] + i * h, meta.origin[1] + j * h, meta.origin[2] + k * h];
}
