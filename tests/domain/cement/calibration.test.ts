/**
 * Calibration of the cement model against published figures (shared/domain.md §5–§6), each case
 * over 200 seeded levels at the level's default volume (grade 2 wedge, medium viscosity,
 * bipedicular). The seeds here are held out: `npm run calibrate` tuned the model on others.
 *
 * One run per seed serves several checks: a run planned for more cement is the same run cut short
 * (simulateCement.test.ts), so the VP runs at T9, L1 and L4 are planned for 1.25× the default and
 * read at 0.8×, 1× and 1.25×. The same table printed: `npm run calibrate -- --seed 90210 --effects`.
 */
import { describe, expect, it } from 'vitest';
import type { SingleProcedure, TreatableLevel } from '../../../src/domain/caseParams.ts';
import { defaultVolumeMl } from '../../../src/domain/cement/plannedVolume.ts';
import { monteCarloSeeds, simulateCement } from '../../../src/domain/cement/simulateCement.ts';
import { LEAK_TYPES, type CementInput, type LeakType } from '../../../src/domain/cement/types.ts';
import { visibleLeaks } from '../../../src/domain/cement/visibleLeaks.ts';
import { ml } from '../../../src/domain/units.ts';

const RUNS = 200;
/** Held out: the calibration script uses seed 20260521. */
const SEEDS = monteCarloSeeds(90_210, RUNS);
const LEVELS: readonly TreatableLevel[] = ['T5', 'T7', 'T9', 'T11', 'T12', 'L1', 'L2', 'L3', 'L4', 'L5'];
const EFFECT_LEVELS = ['T9', 'L1', 'L4'] as const;
const VOLUME_FACTORS = [0.8, 1, 1.25] as const;

function base(level: TreatableLevel, procedure: SingleProcedure): Omit<CementInput, 'seed'> {
  const volumeMl = defaultVolumeMl(procedure, { level, grade: 2, shape: 'wedge', approach: 'bipedicular' });
  return { procedure, level, grade: 2, shape: 'wedge', approach: 'bipedicular', viscosity: 'medium', volumeMl };
}

/** Per run: the leak types visible at each volume read. */
type Runs = Set<LeakType>[][];

const cache = new Map<string, Runs>();
function runs(name: string, input: Omit<CementInput, 'seed'>, factors: readonly number[] = [1]): Runs {
  const hit = cache.get(name);
  if (hit) return hit;
  const top = Math.max(...factors);
  const out = SEEDS.map((seed) => {
    const r = simulateCement({ ...input, volumeMl: ml(input.volumeMl * top), seed });
    return factors.map((f) => new Set(visibleLeaks(r, input.volumeMl * f).map((l) => l.type)));
  });
  cache.set(name, out);
  return out;
}
function defaultRuns(level: TreatableLevel, procedure: SingleProcedure): Set<LeakType>[] {
  const vpEffects = procedure === 'vp' && (EFFECT_LEVELS as readonly string[]).includes(level);
  const factors = vpEffects ? VOLUME_FACTORS : [1];
  return runs(`${level}|${procedure}`, base(level, procedure), factors).map((r) => r[factors.indexOf(1)]!);
}
const rate = (rs: readonly Set<LeakType>[]): number => rs.filter((s) => s.size > 0).length / rs.length;
const typeRate = (rs: readonly Set<LeakType>[], t: LeakType): number => rs.filter((s) => s.has(t)).length / rs.length;
const odds = (p: number): number => Math.min(p, 0.995) / (1 - Math.min(p, 0.995));

describe('cement model calibration, 200 held-out seeded levels per case', { timeout: 600_000 }, () => {
  it.each(LEVELS)('%s: VP leaks in 45–65% of levels (pooled 54.7%), BKP in 10–28% (18.4%), VP fill 16–30%', (level) => {
    const vp = rate(defaultRuns(level, 'vp'));
    const bkp = rate(defaultRuns(level, 'bkp'));
    expect(vp).toBeGreaterThanOrEqual(0.45);
    expect(vp).toBeLessThanOrEqual(0.65);
    expect(bkp).toBeGreaterThanOrEqual(0.1);
    expect(bkp).toBeLessThanOrEqual(0.28);
  });

  it('VP leak routes: venous commonest, segmental above basivertebral, cortical and disc present (Tang 2021)', () => {
    // Per level without a cleft: S 52.5%, B 31.7%, C 12.2%, D 6.5% (domain.md §5), pooled over the table.
    const all = LEVELS.flatMap((l) => defaultRuns(l, 'vp'));
    const leaking = all.filter((s) => s.size > 0);
    const share = (t: LeakType): number => leaking.filter((s) => s.has(t)).length / leaking.length;
    expect(share('segmental')).toBeGreaterThan(share('basivertebral'));
    expect(share('basivertebral')).toBeGreaterThan(share('cortical'));
    expect(share('cortical')).toBeGreaterThan(share('disc'));
    // Shares of leaking levels: Tang's rates over his 76.3% any-leak rate, give or take.
    expect(share('segmental')).toBeGreaterThanOrEqual(0.45);
    expect(share('basivertebral')).toBeGreaterThanOrEqual(0.2);
    expect(share('basivertebral')).toBeLessThanOrEqual(0.6);
    expect(share('cortical')).toBeGreaterThanOrEqual(0.08);
    expect(share('cortical')).toBeLessThanOrEqual(0.3);
    expect(share('disc')).toBeGreaterThanOrEqual(0.04);
    expect(share('disc')).toBeLessThanOrEqual(0.2);
  });

  it('BKP leak routes are mixed: venous, cortical and disc, none near all of them (Lee 2010, Lysenko 2018)', () => {
    const leaking = LEVELS.flatMap((l) => defaultRuns(l, 'bkp')).filter((s) => s.size > 0);
    const share = (types: readonly LeakType[]): number => leaking.filter((s) => types.some((t) => s.has(t))).length / leaking.length;
    for (const t of LEAK_TYPES) expect(share([t]), t).toBeLessThanOrEqual(0.65);
    expect(share(['basivertebral', 'segmental'])).toBeGreaterThanOrEqual(0.15);
    expect(share(['cortical'])).toBeGreaterThanOrEqual(0.15);
    expect(share(['disc'])).toBeGreaterThanOrEqual(0.1);
  });

  it.each(EFFECT_LEVELS)('%s: leaks fall as viscosity rises (high vs low RR 0.38)', (level) => {
    const low = rate(runs(`${level}|low`, { ...base(level, 'vp'), viscosity: 'low' }).map((r) => r[0]!));
    const medium = rate(defaultRuns(level, 'vp'));
    const high = rate(runs(`${level}|high`, { ...base(level, 'vp'), viscosity: 'high' }).map((r) => r[0]!));
    expect(low).toBeGreaterThan(medium);
    expect(medium).toBeGreaterThan(high);
    expect(high / low).toBeGreaterThanOrEqual(0.2);
    expect(high / low).toBeLessThanOrEqual(0.6);
  });

  it.each(EFFECT_LEVELS)('%s: leaks rise with volume (leaking levels got 4.5 vs 3.7 mL)', (level) => {
    const byVolume = runs(`${level}|vp`, base(level, 'vp'), VOLUME_FACTORS);
    const rates = VOLUME_FACTORS.map((_, n) => rate(byVolume.map((r) => r[n]!)));
    expect(rates[0]!).toBeLessThan(rates[1]!);
    expect(rates[1]!).toBeLessThan(rates[2]!);
    // 3.7 → 4.5 mL is +22%: over 0.8× → 1.25× the odds at least double.
    expect(odds(rates[2]!) / odds(rates[0]!)).toBeGreaterThanOrEqual(2);
  });

  it.each(EFFECT_LEVELS)('%s: a cortical defect raises the odds of a leak about as published (OR 5.56, CI 1.84–16.8)', (level) => {
    const none = rate(runs(`${level}|intact`, { ...base(level, 'vp'), corticalDefect: false }).map((r) => r[0]!));
    const defect = rate(runs(`${level}|defect`, { ...base(level, 'vp'), corticalDefect: true }).map((r) => r[0]!));
    const or = odds(defect) / odds(none);
    expect(or).toBeGreaterThanOrEqual(2.5);
    expect(or).toBeLessThanOrEqual(16.8);
  });

  it.each(EFFECT_LEVELS)('%s: a cleft raises the odds a little (OR 1.40) and shifts leaks from veins to cortex and disc (Tang 2021)', (level) => {
    const plain = defaultRuns(level, 'vp');
    const cleft = runs(`${level}|cleft`, { ...base(level, 'vp'), cleft: true }).map((r) => r[0]!);
    const or = odds(rate(cleft)) / odds(rate(plain));
    expect(or).toBeGreaterThanOrEqual(1.0);
    expect(or).toBeLessThanOrEqual(3.5);
    // With a cleft: C 25.9% vs 12.2%, D 16.5% vs 6.5%, S 24.5% vs 52.5%.
    expect(typeRate(cleft, 'cortical') + typeRate(cleft, 'disc')).toBeGreaterThan(typeRate(plain, 'cortical') + typeRate(plain, 'disc'));
    expect(typeRate(cleft, 'segmental')).toBeLessThan(typeRate(plain, 'segmental'));
  });

  it.each(EFFECT_LEVELS)('%s: BKP with high-viscosity cement leaks less, but still sometimes', (level) => {
    const high = rate(runs(`${level}|bkp-high`, { ...base(level, 'bkp'), viscosity: 'high' }).map((r) => r[0]!));
    expect(high).toBeGreaterThan(0.01);
    expect(high).toBeLessThan(rate(defaultRuns(level, 'bkp')));
  });
});
