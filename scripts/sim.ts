/**
 * `npm run sim -- --procedure vp|bkp --level L1 --runs N --seed S --viscosity low|medium|high
 *  --volume <mL> [--defect|--intact] [--cleft] [--grade 1|2|3] [--shape wedge|biconcave|crush]
 *  [--approach unipedicular|bipedicular] [--json]`
 *
 * Runs N seeded cement simulations of one case and prints the leak statistics (product.md,
 * "Simulation CLI"): with --json one JSON object, otherwise a short readable summary.
 * Bad arguments: a message on stderr and exit code 2.
 */
import { performance } from 'node:perf_hooks';
import {
  APPROACHES, GRADES, SHAPES, TREATABLE_LEVELS, VISCOSITIES, VOLUME_MAX_ML, VOLUME_MIN_ML, isOneOf,
} from '../src/domain/caseParams.ts';
import { defaultVolumeMl } from '../src/domain/cement/plannedVolume.ts';
import type { CementInput, MonteCarloSummary } from '../src/domain/cement/types.ts';
import { LEAK_TYPES } from '../src/domain/cement/types.ts';
import { monteCarloSeeds, recordRun, simulateCement, summariseRuns } from '../src/domain/cement/simulateCement.ts';
import { ml } from '../src/domain/units.ts';

const USAGE = 'usage: npm run sim -- --procedure vp|bkp --level L1 --runs N --seed S --viscosity low|medium|high --volume <mL> [--defect|--intact] [--cleft] [--grade 1|2|3] [--shape wedge|biconcave|crush] [--approach unipedicular|bipedicular] [--json]';

class ArgError extends Error {}

function fail(message: string): never {
  throw new ArgError(message);
}

interface Options {
  input: Omit<CementInput, 'seed'>;
  runs: number;
  seed: number;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const flags = new Set(['defect', 'intact', 'cleft', 'json', 'help']);
  const values = new Map<string, string>();
  const set = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!m) fail(`unexpected argument "${arg}"`);
    const name = m[1]!;
    if (flags.has(name)) {
      if (m[2] !== undefined) fail(`--${name} takes no value`);
      set.add(name);
      continue;
    }
    if (!['procedure', 'level', 'runs', 'seed', 'viscosity', 'volume', 'grade', 'shape', 'approach'].includes(name)) fail(`unknown option --${name}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) fail(`--${name} needs a value`);
    values.set(name, value);
  }
  if (set.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const pick = <T extends string | number>(name: string, list: readonly T[], fallback: T, parse: (s: string) => unknown = (s) => s): T => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const v = parse(raw);
    if (!isOneOf(list, v)) fail(`--${name} must be one of ${list.join(', ')} (got "${raw}")`);
    return v;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    if (!/^-?\d+$/.test(raw)) fail(`--${name} must be an integer (got "${raw}")`);
    const v = Number(raw);
    if (v < min || v > max) fail(`--${name} must be between ${min} and ${max} (got ${v})`);
    return v;
  };
  const procedure = pick('procedure', ['vp', 'bkp'] as const, 'vp');
  const level = pick('level', TREATABLE_LEVELS, 'L1');
  const viscosity = pick('viscosity', VISCOSITIES, 'medium');
  const grade = pick('grade', GRADES, 2, Number);
  const shape = pick('shape', SHAPES, 'wedge');
  const approach = pick('approach', APPROACHES, 'bipedicular');
  // Without --volume: the level's default, a share of its fractured body (plannedVolume.ts).
  let volumeMl = defaultVolumeMl(procedure, { level, grade, shape, approach });
  const rawVolume = values.get('volume');
  if (rawVolume !== undefined) {
    const v = Number(rawVolume);
    // The app's volume control bounds (caseParams.ts, round reported means of 2.8–7.5 mL).
    if (!/^\d+(\.\d+)?$/.test(rawVolume) || v < VOLUME_MIN_ML || v > VOLUME_MAX_ML) {
      fail(`--volume must be a number of mL from ${VOLUME_MIN_ML} to ${VOLUME_MAX_ML} (got "${rawVolume}")`);
    }
    volumeMl = ml(v);
  }
  return {
    input: { procedure, level, grade, shape, approach, viscosity, volumeMl, ...(set.has('defect') ? { corticalDefect: true } : set.has('intact') ? { corticalDefect: false } : {}), cleft: set.has('cleft') },
    runs: integer('runs', 200, 1, 100_000),
    seed: integer('seed', 1, 0, 4294967295),
    json: set.has('json'),
  };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function printSummary(o: Options, s: MonteCarloSummary, timing: { totalMs: number; medianRunMs: number }): void {
  const i = o.input;
  const lines = [
    `SpineCast cement simulation (illustrative, not a prediction for any patient)`,
    `${i.procedure.toUpperCase()} at ${i.level}, grade ${i.grade} ${i.shape}, ${i.approach}, ${i.viscosity} viscosity, ${i.volumeMl} mL` +
      `${i.corticalDefect ? ', cortical defect' : ''}${i.cleft ? ', cleft' : ''}; ${s.runs} runs from seed ${o.seed}`,
    `  any leak        ${percent(s.leakRate)}`,
    ...LEAK_TYPES.map((t) => `  ${t.padEnd(15)} ${percent(s.byType[t])}`),
    `  fill of body    ${percent(s.meanFillFraction)}`,
    `  cement per level ${s.meanVolumeMl.toFixed(2)} mL, of which leaked ${s.meanLeakedMl.toFixed(3)} mL`,
    `  time            ${(timing.totalMs / 1000).toFixed(2)} s in all, median ${timing.medianRunMs.toFixed(1)} ms per run`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function main(): void {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof ArgError)) throw e;
    process.stderr.write(`sim: ${e.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const t0 = performance.now();
  const times: number[] = [];
  const records = monteCarloSeeds(options.seed, options.runs).map((seed) => {
    const start = performance.now();
    const record = recordRun(simulateCement({ ...options.input, seed }));
    times.push(performance.now() - start);
    return record;
  });
  const summary = summariseRuns(records);
  // The first run also builds the level's voxel grid (cached afterwards): report it apart.
  const timing = {
    totalMs: Math.round(performance.now() - t0),
    firstRunMs: Math.round(times[0] ?? 0),
    medianRunMs: Math.round(median(times) * 10) / 10,
  };
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...summary, input: options.input, seed: options.seed, timing })}\n`);
  } else {
    printSummary(options, summary, timing);
  }
}

main();
