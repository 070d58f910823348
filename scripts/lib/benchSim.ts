/**
 * Cement simulation timings for `npm run bench` (issue 5 budgets, on these 2-core machines):
 *  - one default simulation in node, median over seeded runs (budget 150 ms). The level's voxel
 *    grid depends only on the level and fracture, is built once and cached (as in the Web
 *    Worker), so it is timed on its own row;
 *  - 200 Monte-Carlo runs of the default case (budget 60 s).
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_CASE } from '../../src/domain/caseParams.ts';
import { defaultVolumeMl } from '../../src/domain/cement/plannedVolume.ts';
import { monteCarloSeeds, recordRun, simulateCement, summariseRuns } from '../../src/domain/cement/simulateCement.ts';
import type { CementInput } from '../../src/domain/cement/types.ts';

interface BenchRow {
  name: string;
  value: number;
  unit: string;
  budget?: number;
}

const DEFAULT_INPUT: Omit<CementInput, 'seed'> = {
  procedure: 'vp',
  level: DEFAULT_CASE.level,
  grade: DEFAULT_CASE.grade,
  shape: DEFAULT_CASE.shape,
  approach: DEFAULT_CASE.approach,
  viscosity: DEFAULT_CASE.viscosity,
  volumeMl: defaultVolumeMl('vp', DEFAULT_CASE),
};

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function benchSimulation(): BenchRow[] {
  // A level not used before in this process, so that its grid is built here and timed.
  const t0 = performance.now();
  simulateCement({ ...DEFAULT_INPUT, seed: DEFAULT_CASE.seed });
  const coldMs = performance.now() - t0;

  const runs: number[] = [];
  for (const seed of monteCarloSeeds(DEFAULT_CASE.seed, 41)) {
    const start = performance.now();
    simulateCement({ ...DEFAULT_INPUT, seed });
    runs.push(performance.now() - start);
  }

  const mcStart = performance.now();
  const summary = summariseRuns(monteCarloSeeds(2026, 200).map((seed) => recordRun(simulateCement({ ...DEFAULT_INPUT, seed }))));
  const mcSeconds = (performance.now() - mcStart) / 1000;
  return [
    { name: 'cement sim: first run at a level (grid build + run)', value: round(coldMs, 0), unit: 'ms' },
    { name: 'cement sim: one default run (median)', value: round(median(runs), 1), unit: 'ms', budget: 150 },
    { name: `cement sim: 200 Monte-Carlo runs (VP leak ${(summary.leakRate * 100).toFixed(1)}%)`, value: round(mcSeconds, 2), unit: 's', budget: 60 },
  ];
}
