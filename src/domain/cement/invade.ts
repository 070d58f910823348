/**
 * Cement spread as invasion percolation with viscous stabilisation on the voxel graph.
 *
 * Each step fills the frontier voxel that is cheapest to enter, where the cost is its entry
 * threshold (a seeded random field: heterogeneous osteoporotic trabeculae) plus the viscous
 * pressure needed to push cement along the path that reached it (Darcy: Δp ∝ μ·L/k, with k
 * anisotropic, domain.md §7). A runny cement (small viscous weight) fingers along weak paths; a
 * thick one advances as a compact, round front. Veins, cortical defects and endplate cracks are
 * cheap routes out of the body: cement that enters one carries on along it and is counted as a
 * leak of that route's type. Each needle has its own front and delivers an equal share.
 */
import type { Vec3 } from '../anatomy/vec.ts';
import type { Random } from '../random.ts';
import type { CaseGrid } from './features.ts';
import { createHeap, heapPop, heapPush, type MinHeap } from './minHeap.ts';
import {
  BREAK_BARRIER, COMPACTED_EXTRA_THRESHOLD, COMPACTED_RESISTANCE, DEFAULT_RATE_ML_PER_MIN, DEFECT_BARRIER,
  ENTRY_LENGTH_MM, FIELD_CELL_MM, FIELD_SMOOTH_SHARE, MEDIA, OUTSIDE_NOISE, OUTSIDE_SI_FACTOR, PERMEABILITY_AP_M2,
  PERMEABILITY_LR_M2, PERMEABILITY_SI_M2, POROSITY, VEIN_BARRIER, VEIN_BARRIER_RADIUS_MM, VEIN_RADIUS_MM, VISCOUS_WEIGHT,
} from './params.ts';
import { CELL, leakCode, type CementInput, type GridMeta, type LeakEvent, type LeakType } from './types.ts';
import { voxelAt, voxelCentre } from './voxelise.ts';

const CANCELLOUS = CELL.cancellous;
/** Classes outside the bone, by CELL value. */
const OUTSIDE: readonly boolean[] = Array.from({ length: 256 }, (_, c) => c === CELL.disc || c === CELL.epidural || c === CELL.paravertebral);

/** What the invasion produced. */
export interface Invasion {
  readonly arrival: Float32Array;
  readonly route: Uint8Array;
  readonly leaks: LeakEvent[];
  readonly injectedMl: number;
  readonly leakedMl: number;
}

/** Per-class rules as flat tables indexed by CELL value: entry threshold (NaN = wall) and resistance per mm. */
function mediaTables(input: CementInput, calibre: CaseGrid['calibre']): { threshold: Float64Array; resistance: Float64Array; entry: Float64Array } {
  const threshold = new Float64Array(256).fill(Number.NaN);
  const resistance = new Float64Array(256);
  const entry = new Float64Array(256);
  entry[CELL.basivertebralVein] = ENTRY_LENGTH_MM.vein;
  entry[CELL.segmentalVein] = ENTRY_LENGTH_MM.vein;
  entry[CELL.anteriorPlexus] = ENTRY_LENGTH_MM.vein;
  entry[CELL.defect] = ENTRY_LENGTH_MM.defect;
  entry[CELL.endplateCrack] = ENTRY_LENGTH_MM.crack;
  const rate = input.rateMlPerMin ?? DEFAULT_RATE_ML_PER_MIN;
  // A faster injection raises the pressure at the vein mouths [U]: barrier ∝ 1/√rate (the floor
  // keeps a zero or negative rate from dividing by zero).
  // The same at every level: with the default volume a share of the body's own and the veins
  // scaled to its size (veinScale), leak risk follows the fill, not the level (domain.md §5).
  const veinBarrier = VEIN_BARRIER[input.viscosity] * Math.sqrt(DEFAULT_RATE_ML_PER_MIN / Math.max(rate, 0.05));
  const set = (c: number, rule: { threshold: number; resistancePerMm: number }, extra = 0): void => {
    threshold[c] = rule.threshold + extra;
    resistance[c] = rule.resistancePerMm;
  };
  threshold[CELL.cancellous] = 0; // plus the random field
  resistance[CELL.cancellous] = 1; // plus anisotropy
  set(CELL.cavity, MEDIA.cavity);
  set(CELL.cleft, MEDIA.cleft);
  const r = VEIN_RADIUS_MM;
  // Entry pressure ∝ 1/radius: nominal radius by vein, times this patient's calibre.
  const r0 = VEIN_BARRIER_RADIUS_MM;
  set(CELL.basivertebralVein, MEDIA.vein, (veinBarrier * r0) / (r.basivertebral * calibre.basivertebral));
  set(CELL.segmentalVein, MEDIA.vein, (veinBarrier * r0) / (r.segmental * calibre.segmental));
  set(CELL.anteriorPlexus, MEDIA.vein, (veinBarrier * r0) / (r.anteriorPlexus * calibre.anteriorPlexus));
  set(CELL.defect, MEDIA.defect, DEFECT_BARRIER * (1 - calibre.defect) + BREAK_BARRIER[input.viscosity]);
  set(CELL.endplateCrack, MEDIA.crack, BREAK_BARRIER[input.viscosity]);
  set(CELL.disc, MEDIA.disc);
  set(CELL.epidural, MEDIA.epidural);
  set(CELL.paravertebral, MEDIA.paravertebral);
  return { threshold, resistance, entry };
}

/** The route a voxel class opens, if entering it from inside the body starts a leak. */
function routeOf(kind: number): LeakType | undefined {
  switch (kind) {
    case CELL.basivertebralVein: return 'basivertebral';
    case CELL.segmentalVein:
    case CELL.anteriorPlexus: return 'segmental'; // Yeom type S: lateral/anterior, into paravertebral veins (domain.md §5)
    case CELL.endplateCrack:
    case CELL.disc: return 'disc';
    case CELL.epidural: return 'epidural';
    case CELL.defect:
    case CELL.paravertebral: return 'cortical';
    default: return undefined;
  }
}

/** Smooth part of the threshold field: values on a coarse lattice, interpolated trilinearly. */
function smoothField(meta: GridMeta, rng: Random): (i: number, j: number, k: number) => number {
  const step = FIELD_CELL_MM / meta.spacingMm;
  const [nx, ny, nz] = meta.dims;
  const lx = Math.ceil(nx / step) + 2, ly = Math.ceil(ny / step) + 2, lz = Math.ceil(nz / step) + 2;
  const lattice = new Float32Array(lx * ly * lz);
  for (let n = 0; n < lattice.length; n++) lattice[n] = rng();
  const at = (a: number, b: number, c: number): number => lattice[a + lx * (b + ly * c)]!;
  return function smooth(i: number, j: number, k: number): number {
    const x = i / step, y = j / step, z = k / step;
    const a = Math.floor(x), b = Math.floor(y), c = Math.floor(z);
    const u = x - a, v = y - b, w = z - c;
    const l00 = at(a, b, c) * (1 - u) + at(a + 1, b, c) * u;
    const l10 = at(a, b + 1, c) * (1 - u) + at(a + 1, b + 1, c) * u;
    const l01 = at(a, b, c + 1) * (1 - u) + at(a + 1, b, c + 1) * u;
    const l11 = at(a, b + 1, c + 1) * (1 - u) + at(a + 1, b + 1, c + 1) * u;
    return (l00 * (1 - v) + l10 * v) * (1 - w) + (l01 * (1 - v) + l11 * v) * w;
  };
}

/**
 * Working arrays of one invasion, kept between runs: a Monte-Carlo study then makes no garbage
 * but the arrays it returns. `fine` and `pathCost` are written before they are read; the others
 * are reset here.
 */
interface Scratch {
  readonly fine: Float32Array;
  /** Leak event of each route voxel, −1 elsewhere. */
  readonly eventOf: Int16Array;
  /** Path resistance from the needle (mm, SI-equivalent). */
  readonly pathCost: Float32Array;
  /** Bit s set: the voxel is in needle s's front. */
  readonly queued: Uint8Array;
}
let scratch: Scratch | undefined;

function scratchFor(n: number): Scratch {
  if (scratch?.fine.length !== n) {
    scratch = { fine: new Float32Array(n), eventOf: new Int16Array(n), pathCost: new Float32Array(n), queued: new Uint8Array(n) };
  }
  scratch.eventOf.fill(-1);
  scratch.queued.fill(0);
  return scratch;
}

/** Nearest voxel to p (searching outwards a few voxels) that cement can fill from a needle. */
function sourceVoxel(meta: GridMeta, kind: Uint8Array, p: Vec3): number {
  const ok = (c: number): boolean => c === CELL.cancellous || c === CELL.cavity || c === CELL.cleft;
  const h = meta.spacingMm;
  for (let r = 0; r <= 6; r++) {
    for (let dz = -r; dz <= r; dz++) for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
      if (Math.max(Math.abs(dx), Math.abs(dy), Math.abs(dz)) !== r) continue;
      const idx = voxelAt(meta, [p[0] + dx * h, p[1] + dy * h, p[2] + dz * h]);
      if (idx >= 0 && ok(kind[idx]!)) return idx;
    }
  }
  return -1;
}

/** Runs the invasion for one case. */
export function invade(meta: GridMeta, grid: CaseGrid, input: CementInput, rng: Random): Invasion {
  const { kind, compacted } = grid;
  const [nx, ny] = meta.dims;
  const n = kind.length;
  const h = meta.spacingMm;
  const cellMl = h * h * h / 1000;
  const { threshold, resistance, entry } = mediaTables(input, grid.calibre);
  const weight = VISCOUS_WEIGHT[input.viscosity];
  // Darcy cost of a step ∝ 1/k; normalised to the superior–inferior direction (Baroud 2004).
  const costX = h * (PERMEABILITY_SI_M2 / PERMEABILITY_LR_M2);
  const costY = h;
  const costZ = h * (PERMEABILITY_SI_M2 / PERMEABILITY_AP_M2);
  const smooth = smoothField(meta, rng);
  // Voxel-scale part of the field, drawn for porous bone and soft tissue (the rest never reads it).
  const { fine, eventOf, pathCost, queued } = scratchFor(n);
  for (let idx = 0; idx < n; idx++) if (kind[idx] === CANCELLOUS || OUTSIDE[kind[idx]!]) fine[idx] = rng();

  const arrival = new Float32Array(n).fill(Number.POSITIVE_INFINITY);
  const route = new Uint8Array(n);
  const leaks: { type: LeakType; volumeMl: number; atMl: number; position: Vec3 }[] = [];

  const sources = grid.tips.map((t) => sourceVoxel(meta, kind, t)).filter((s) => s >= 0);
  const heaps: MinHeap[] = sources.map(() => createHeap());
  const delivered = sources.map(() => 0);
  const live = sources.map(() => true);
  const planned = Number.isFinite(input.volumeMl) && input.volumeMl > 0 ? input.volumeMl : 0;
  let injected = 0;
  let leaked = 0;

  function thresholdOf(idx: number): number {
    const c = kind[idx]!;
    if (OUTSIDE[c]) return threshold[c]! + OUTSIDE_NOISE * fine[idx]!;
    if (c !== CANCELLOUS) return threshold[c]!;
    const i = idx % nx, j = Math.floor(idx / nx) % ny, k = Math.floor(idx / (nx * ny));
    const t = FIELD_SMOOTH_SHARE * smooth(i, j, k) + (1 - FIELD_SMOOTH_SHARE) * fine[idx]!;
    return compacted[idx] ? t + COMPACTED_EXTRA_THRESHOLD : t;
  }
  /** Path resistance (mm of cancellous SI-equivalent) of the step from → to. */
  function stepCost(from: number, to: number, axisCost: number): number {
    const c = kind[to]!;
    let cost = c === CANCELLOUS ? (compacted[to] ? axisCost * COMPACTED_RESISTANCE : axisCost) : h * resistance[c]!;
    // Outside the bone the venous plexuses run lengthwise: leaked cement streaks up and down.
    if (OUTSIDE[c] && Math.abs(to - from) === nx) cost *= OUTSIDE_SI_FACTOR;
    // Entering a route out of the body costs an entry length: the vein mouth or crack is narrow.
    if (route[from] === 0) cost += entry[c]!;
    return cost;
  }
  function consider(s: number, heap: MinHeap, from: number, to: number, axisCost: number): void {
    const bit = 1 << s;
    if (arrival[to] !== Number.POSITIVE_INFINITY || (queued[to]! & bit) !== 0) return;
    const c = kind[to]!;
    if (Number.isNaN(threshold[c]!)) return; // a wall
    // A vessel or crack has walls of its own: cement in it does not seep back into the bone.
    if (route[from] !== 0 && (c === CANCELLOUS || c === CELL.cavity || c === CELL.cleft)) return;
    queued[to] = queued[to]! | bit;
    heapPush(heap, thresholdOf(to) + weight * (pathCost[from]! + stepCost(from, to, axisCost)), to, from);
  }
  /** Best path cost to idx through a filled inside neighbour at ±offset. */
  function shorter(idx: number, offset: number, axisCost: number): number {
    const c = kind[idx]!;
    const step = c === CANCELLOUS ? axisCost : h * resistance[c]!;
    let best = Number.POSITIVE_INFINITY;
    const a = idx + offset;
    const b = idx - offset;
    if (arrival[a] !== Number.POSITIVE_INFINITY && route[a] === 0) best = pathCost[a]! + step;
    if (arrival[b] !== Number.POSITIVE_INFINITY && route[b] === 0) best = Math.min(best, pathCost[b]! + step);
    return best;
  }
  function fill(s: number, idx: number, parent: number): void {
    const c = kind[idx]!;
    const vol = c === CANCELLOUS ? POROSITY * cellMl : cellMl;
    injected += vol;
    delivered[s] = delivered[s]! + vol;
    arrival[idx] = Math.min(injected, planned);
    pathCost[idx] = 0; // a needle tip: no path yet
    if (parent >= 0) {
      const di = Math.abs(idx - parent);
      const axis = di === 1 ? costX : di === nx ? costY : costZ;
      let r = pathCost[parent]! + stepCost(parent, idx, axis);
      if (route[parent] === 0 && routeOf(c) === undefined) {
        // Inside the body the pressure falls along the shortest filled path, not along the
        // order of invasion: relax over the filled neighbours.
        r = Math.min(r, shorter(idx, 1, costX), shorter(idx, nx, costY), shorter(idx, nx * ny, costZ));
      }
      pathCost[idx] = r;
      const pr = route[parent]!;
      const own = routeOf(c);
      // Cement in a route keeps its route's type wherever it goes next: a basivertebral leak that
      // reaches the anterior epidural plexus is still Yeom's type B (domain.md §5).
      if (pr !== 0) {
        route[idx] = pr;
        eventOf[idx] = eventOf[parent]!;
      } else if (own !== undefined) {
        route[idx] = leakCode(own);
        eventOf[idx] = leaks.length;
        leaks.push({ type: own, volumeMl: 0, atMl: injected - vol, position: voxelCentre(meta, idx) });
      }
      const e = eventOf[idx]!;
      if (e >= 0) {
        const ev = leaks[e]!;
        ev.volumeMl += vol;
        leaked += vol;
      }
    }
    const heap = heaps[s]!;
    consider(s, heap, idx, idx + 1, costX);
    consider(s, heap, idx, idx - 1, costX);
    consider(s, heap, idx, idx + nx, costY);
    consider(s, heap, idx, idx - nx, costY);
    consider(s, heap, idx, idx + nx * ny, costZ);
    consider(s, heap, idx, idx - nx * ny, costZ);
  }

  for (const [s, src] of sources.entries()) {
    if (planned > 0 && arrival[src] === Number.POSITIVE_INFINITY) fill(s, src, -1);
  }
  while (injected < planned) {
    // The needle that has delivered least of its share goes next, so each delivers half.
    let s = -1;
    for (let q = 0; q < sources.length; q++) {
      if (live[q] && (s < 0 || delivered[q]! < delivered[s]!)) s = q;
    }
    if (s < 0) break;
    const heap = heaps[s]!;
    let next = -1;
    let parent = -1;
    while (heap.size > 0) {
      const c = heap.cell[0]!;
      const p = heap.parent[0]!;
      heapPop(heap);
      if (arrival[c] === Number.POSITIVE_INFINITY) {
        next = c;
        parent = p;
        break;
      }
    }
    if (next < 0) {
      live[s] = false;
      continue;
    }
    fill(s, next, parent);
  }
  return { arrival, route, leaks, injectedMl: Math.min(injected, planned), leakedMl: leaked };
}
