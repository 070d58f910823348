/** The default cement volume follows the fractured vertebra (domain.md §6, Molloy 2003). */
import { describe, expect, it } from 'vitest';
import { fracturedBodyVolumeMl } from '../../../src/domain/anatomy/bodyVolume.ts';
import { DEFAULT_CASE, TREATABLE_LEVELS } from '../../../src/domain/caseParams.ts';
import { BKP_INTERDIGITATION_SHARE, DEFAULT_FILL_SHARE, balloonCavityMl, defaultVolumeMl, plannedVolumeMl } from '../../../src/domain/cement/plannedVolume.ts';
import { baseGrid } from '../../../src/domain/cement/voxelise.ts';
import { ml } from '../../../src/domain/units.ts';

describe('planned cement volume', { timeout: 60_000 }, () => {
  it('measures the fractured body as the simulation grid does (within 6%)', () => {
    for (const [level, grade, shape] of [['T5', 2, 'wedge'], ['L1', 3, 'crush'], ['L5', 1, 'biconcave']] as const) {
      const grid = baseGrid(level, grade, shape, 0.75);
      const voxels = (grid.bodyVoxels * 0.75 ** 3) / 1000;
      const v = fracturedBodyVolumeMl(level, grade, shape);
      expect(Math.abs(v - voxels) / voxels, level).toBeLessThan(0.06);
    }
  });

  it('is a fixed share of the fractured body between Molloy 2003’s 16% and 30%', () => {
    expect(DEFAULT_FILL_SHARE).toBeGreaterThanOrEqual(0.16);
    expect(DEFAULT_FILL_SHARE).toBeLessThanOrEqual(0.3);
    for (const level of TREATABLE_LEVELS) {
      const c = { level, grade: 2, shape: 'wedge', approach: 'bipedicular' } as const;
      const share = defaultVolumeMl('vp', c) / fracturedBodyVolumeMl(level, 2, 'wedge');
      // Rounded to 0.1 mL: at most 0.05 mL off the exact share.
      expect(Math.abs(share - DEFAULT_FILL_SHARE) * fracturedBodyVolumeMl(level, 2, 'wedge'), level).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it('grows down the spine and shrinks as the body collapses', () => {
    const volumes = TREATABLE_LEVELS.map((level) => defaultVolumeMl('vp', { level, grade: 2, shape: 'wedge', approach: 'bipedicular' }));
    // From T2 down: T1's body is about the size of T2's (endplate width 27 vs 26 mm, domain.md §2b), so
    // the first step may go either way.
    for (let i = 2; i < volumes.length; i++) expect(volumes[i]!, TREATABLE_LEVELS[i]).toBeGreaterThanOrEqual(volumes[i - 1]!);
    expect(volumes.at(-1)! / volumes[4]!).toBeGreaterThan(3); // L5 against T5: about five times the body
    for (const level of ['T9', 'L1', 'L4'] as const) {
      for (const p of ['vp', 'bkp'] as const) {
        expect(defaultVolumeMl(p, { level, grade: 3, shape: 'crush', approach: 'bipedicular' })).toBeLessThan(defaultVolumeMl(p, { level, grade: 1, shape: 'wedge', approach: 'bipedicular' }));
      }
    }
    // Lumbar defaults inside the reported means per level, 2.8–7.5 mL (domain.md §6).
    for (const level of ['L1', 'L2', 'L3', 'L4', 'L5'] as const) {
      const v = defaultVolumeMl('vp', { level, grade: 2, shape: 'wedge', approach: 'bipedicular' });
      expect(v, level).toBeGreaterThanOrEqual(2.8);
      expect(v, level).toBeLessThanOrEqual(7.5);
    }
  });

  it('kyphoplasty fills the balloon cavity, then interdigitates into a share of the body', () => {
    for (const level of ['T5', 'T9', 'L1', 'L4'] as const) {
      const c = { level, grade: 2, shape: 'wedge', approach: 'bipedicular' } as const;
      const cavity = balloonCavityMl(c);
      const v = defaultVolumeMl('bkp', c);
      const body = fracturedBodyVolumeMl(level, 2, 'wedge');
      expect(cavity).toBeGreaterThan(0.5);
      expect(Math.abs(v - cavity - BKP_INTERDIGITATION_SHARE * body), level).toBeLessThanOrEqual(0.05 + 1e-9);
      // Inside Molloy 2003's 16–30% of the body.
      expect(v / body, level).toBeGreaterThanOrEqual(0.16);
      expect(v / body, level).toBeLessThanOrEqual(0.3);
    }
    // At L1 kyphoplasty plans about what vertebroplasty does.
    expect(Math.abs(defaultVolumeMl('bkp', DEFAULT_CASE) - defaultVolumeMl('vp', DEFAULT_CASE))).toBeLessThanOrEqual(0.3);
  });

  it('a chosen volume overrides the default', () => {
    for (const p of ['vp', 'bkp'] as const) {
      expect(plannedVolumeMl(p, { ...DEFAULT_CASE, volume: ml(3.5) })).toBe(3.5);
      expect(plannedVolumeMl(p, DEFAULT_CASE)).toBe(defaultVolumeMl(p, DEFAULT_CASE));
    }
  });
});
