/**
 * `npm run calibrate [-- --runs N --seed S --levels T5,L1 --procedures vp,bkp --effects]`
 *
 * Prints the cement model's level table: at each level's default volume (grade 2 wedge, medium
 * viscosity, bipedicular), the share of seeded levels with a visible leak for VP and BKP, the VP
 * fill of the body, and the leak types. With --effects, also the published risk factors at T9, L1
 * and L4: viscosity, volume, cortical defect and cleft. A full run (200 runs per case) takes
 * minutes: it is not part of `npm test` (tests/domain/cement/calibration.test.ts checks a held-out
 * set of seeds against the same bands).
 */
import { performance } from 'node:perf_hooks';
import { TREATABLE_LEVELS, isOneOf, type SingleProcedure } from '../src/domain/caseParams.ts';
import { defaultVolumeMl } from '../src/domain/cement/plannedVolume.ts';
import { leakTypesAt, monteCarloSeeds, recordRun, simulateCement, summariseRuns } from '../src/domain/cement/simulateCement.ts';
import { LEAK_TYPES, type CementInput, type MonteCarloSummary } from '../src/domain/cement/types.ts';
import { visibleLeaks } from '../src/domain/cement/visibleLeaks.ts';
import type { TreatableLevel } from '../src/domain/caseParams.ts';

const TABLE_LEVELS: readonly TreatableLevel[] = ['T5', 'T7', 'T9', 'T11', 'T12', 'L1', 'L2', 'L3', 'L4', 'L5'];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const runs = Number(arg('runs') ?? 200);
const seed = Number(arg('seed') ?? 20260521);
const levels = (arg('levels')?.split(',') ?? TABLE_LEVELS).filter((l): l is TreatableLevel => isOneOf(TREATABLE_LEVELS, l));
const procedures = (arg('procedures')?.split(',') ?? ['vp', 'bkp']).filter((p): p is SingleProcedure => p === 'vp' || p === 'bkp');
const effects = process.argv.includes('--effects');

function base(level: TreatableLevel, procedure: SingleProcedure): Omit<CementInput, 'seed'> {
  return { procedure, level, grade: 2, shape: 'wedge', approach: 'bipedicular', viscosity: 'medium', volumeMl: defaultVolumeMl(procedure, { level, grade: 2, shape: 'wedge', approach: 'bipedicular' }) };
}

interface Study extends MonteCarloSummary {
  /** Median volume of the visible leaks, mL. */
  readonly medianLeakMl: number;
}

function study(input: Omit<CementInput, 'seed'>): Study {
  const sizes: number[] = [];
  const records = monteCarloSeeds(seed, runs).map((s) => {
    const r = simulateCement({ ...input, seed: s });
    for (const l of visibleLeaks(r)) sizes.push(l.volumeMl);
    return recordRun(r);
  });
  sizes.sort((a, b) => a - b);
  return { ...summariseRuns(records), medianLeakMl: sizes.length ? sizes[sizes.length >> 1]! : 0 };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}`.padStart(5);
const odds = (p: number): number => Math.min(p, 0.995) / (1 - Math.min(p, 0.995));

const t0 = performance.now();
process.stdout.write(`Cement model level table: ${runs} seeded runs per case from seed ${seed}; grade 2 wedge, medium viscosity, bipedicular, default volume\n`);
process.stdout.write(`level  mL   | ${procedures.map((p) => `${p.toUpperCase()} any  B     S     D     C     E    fill  medMl`).join(' | ')}\n`);
for (const level of levels) {
  const cells = procedures.map((p) => {
    const s = study(base(level, p));
    const types = LEAK_TYPES.map((t) => pct(s.byType[t])).join(' ');
    return `${pct(s.leakRate)}  ${types}  ${pct(s.meanFillFraction)}  ${s.medianLeakMl.toFixed(3)}`;
  });
  process.stdout.write(`${level.padEnd(5)} ${base(level, 'vp').volumeMl.toFixed(1).padStart(4)} | ${cells.join(' | ')}\n`);
}

if (effects) {
  process.stdout.write('\nRisk factors (VP unless marked): any-leak %\n');
  process.stdout.write('level | low   med   high  high/low | 0.8V  V     1.2V | no defect  defect  OR  | no cleft  cleft  OR  | BKP high\n');
  for (const level of ['T9', 'L1', 'L4'] as const) {
    const vp = base(level, 'vp');
    const low = study({ ...vp, viscosity: 'low' });
    const med = study(vp);
    const high = study({ ...vp, viscosity: 'high' });
    // One run at 1.2 V read at 0.8 V, V and 1.2 V (a run planned for less is the same run cut short).
    const at = [0.8, 1, 1.2].map(() => 0);
    for (const s of monteCarloSeeds(seed, runs)) {
      const r = simulateCement({ ...vp, volumeMl: (vp.volumeMl * 1.2) as typeof vp.volumeMl, seed: s });
      [0.8, 1, 1.2].forEach((f, n) => {
        if (leakTypesAt(r, vp.volumeMl * f).size > 0) at[n]! += 1;
      });
    }
    const noDefect = study({ ...vp, corticalDefect: false });
    const defect = study({ ...vp, corticalDefect: true });
    const cleft = study({ ...vp, cleft: true });
    const bkpHigh = study({ ...base(level, 'bkp'), viscosity: 'high' });
    process.stdout.write(
      `${level.padEnd(5)} | ${pct(low.leakRate)} ${pct(med.leakRate)} ${pct(high.leakRate)}  ${(high.leakRate / low.leakRate).toFixed(2).padStart(5)}   | ` +
      `${at.map((n) => pct(n / runs)).join(' ')} | ${pct(noDefect.leakRate)}     ${pct(defect.leakRate)}  ${(odds(defect.leakRate) / odds(noDefect.leakRate)).toFixed(1).padStart(4)} | ` +
      `${pct(med.leakRate)}     ${pct(cleft.leakRate)}  ${(odds(cleft.leakRate) / odds(med.leakRate)).toFixed(2)} | ${pct(bkpHigh.leakRate)}\n`,
    );
    process.stdout.write(`        cleft types: ${LEAK_TYPES.map((t) => `${t[0]!.toUpperCase()} ${pct(cleft.byType[t])}`).join(' ')}\n`);
  }
}
process.stdout.write(`\n${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
