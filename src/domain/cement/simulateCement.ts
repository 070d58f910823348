/**
 * The cement simulation's entry points: one seeded case, and a Monte-Carlo summary over many.
 * Illustrative only: the model reproduces published rates over a population of simulated cases;
 * it predicts nothing for a particular patient.
 */
import { createRandom } from '../random.ts';
import { placeFeatures } from './features.ts';
import { invade } from './invade.ts';
import { DEFAULT_SPACING_MM, MIN_SPACING_MM } from './params.ts';
import { CELL, LEAK_TYPES, type CementInput, type CementResult, type LeakType, type MonteCarloSummary } from './types.ts';
import { visibleLeaks } from './visibleLeaks.ts';
import { baseGrid } from './voxelise.ts';

/** Simulates one injection. Deterministic: the same input (seed included) gives the same result. */
export function simulateCement(input: CementInput): CementResult {
  // 0.75 mm or finer (issue 5); not below 0.4 mm, where the grid would outgrow a worker's memory.
  const spacing = Math.min(Math.max(input.spacingMm ?? DEFAULT_SPACING_MM, MIN_SPACING_MM), DEFAULT_SPACING_MM);
  const base = baseGrid(input.level, input.grade, input.shape, spacing);
  // Two streams: the patient's venous anatomy, then the trabecular field of the flow.
  const anatomyRng = createRandom(input.seed);
  const flowRng = createRandom((input.seed ^ 0x5bd1e995) >>> 0);
  const grid = placeFeatures(base, input, anatomyRng);
  const flow = invade(base.meta, grid, input, flowRng);
  const cellMl = spacing ** 3 / 1000;
  const bodyVolumeMl = base.bodyVoxels * cellMl;
  const cementInsideMl = flow.injectedMl - flow.leakedMl;
  return {
    input,
    grid: base.meta,
    kind: grid.kind,
    arrival: flow.arrival,
    route: flow.route,
    tips: grid.tips,
    leaks: flow.leaks,
    injectedMl: flow.injectedMl,
    cementInsideMl,
    leakedMl: flow.leakedMl,
    bodyVolumeMl,
    fillFraction: cementInsideMl / bodyVolumeMl,
    cavityMl: grid.cavityMl,
  };
}

/**
 * Leak types showing once `injectedMl` has gone in (default: all of it), by the one leak rule
 * (visibleLeaks.ts). The invasion is the same whatever the planned volume, so a run thresholded at
 * V equals a run planned for V.
 */
export function leakTypesAt(result: Parameters<typeof visibleLeaks>[0], injectedMl?: number): Set<LeakType> {
  return new Set(visibleLeaks(result, injectedMl).map((l) => l.type));
}

/** Seeds of the runs of a Monte-Carlo study, drawn from one seed. */
export function monteCarloSeeds(seed: number, runs: number): number[] {
  const rng = createRandom(seed);
  return Array.from({ length: runs }, () => Math.floor(rng() * 4294967296));
}

/** The numbers kept from one run for a summary (small: the grids are dropped). */
export interface RunRecord {
  readonly types: readonly LeakType[];
  readonly fillFraction: number;
  readonly injectedMl: number;
  readonly leakedMl: number;
}

export function recordRun(result: CementResult): RunRecord {
  return { types: [...leakTypesAt(result)], fillFraction: result.fillFraction, injectedMl: result.injectedMl, leakedMl: result.leakedMl };
}

/** Summarises runs: share of levels with any leak and with each type, mean fill and volumes. */
export function summariseRuns(records: readonly RunRecord[]): MonteCarloSummary {
  const runs = records.length;
  const byType = Object.fromEntries(LEAK_TYPES.map((t) => [t, 0])) as Record<LeakType, number>;
  let any = 0, fill = 0, volume = 0, leaked = 0;
  for (const r of records) {
    if (r.types.length > 0) any++;
    for (const t of r.types) byType[t] += 1;
    fill += r.fillFraction;
    volume += r.injectedMl;
    leaked += r.leakedMl;
  }
  const d = Math.max(runs, 1);
  for (const t of LEAK_TYPES) byType[t] /= d;
  return { runs, leakRate: any / d, byType, meanFillFraction: fill / d, meanVolumeMl: volume / d, meanLeakedMl: leaked / d };
}

/**
 * Cement present once `injectedMl` has gone in, per voxel: 0 none, 1 inside the body, 2 leaked.
 * Pass `out` to reuse a buffer from frame to frame.
 */
export function cementMask(result: Pick<CementResult, 'arrival' | 'route'>, injectedMl: number, out?: Uint8Array): Uint8Array {
  const { arrival, route } = result;
  const mask = out && out.length === arrival.length ? out : new Uint8Array(arrival.length);
  for (let i = 0; i < arrival.length; i++) {
    mask[i] = arrival[i]! <= injectedMl ? (route[i] === 0 ? 1 : 2) : 0;
  }
  return mask;
}

/** The buffers of a result, for `postMessage(result, transferables)` out of a Web Worker. */
export function cementTransferables(result: CementResult): ArrayBuffer[] {
  return [result.kind.buffer, result.arrival.buffer, result.route.buffer] as ArrayBuffer[];
}

/** Whether a voxel class holds cement that the body keeps (for renderers). */
export function isInsideClass(kind: number): boolean {
  return kind === CELL.cancellous || kind === CELL.cavity || kind === CELL.cleft;
}
