/** The default cement volume follows the fractured vertebra (domain.md §6, Molloy 2003). */
import { describe, expect, it } from 'vitest';
import { fracturedBodyVolumeMl } from '../../../src/domain/anatomy/bodyVolume.ts';
import { DEFAULT_CASE, TREATABLE_LEVELS } from '../../../src/domain/caseParams.ts';
import { DEFAULT_FILL_SHARE, defaultVolumeMl, plannedVolumeMl } from '../../../src/domain/cement/plannedVolume.ts';
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
      const c = { level, grade: 2, shape: 'wedge' } as const;
      const share = defaultVolumeMl(c) / fracturedBodyVolumeMl(level, 2, 'wedge');
      // Rounded to 0.1 mL: at most 0.05 mL off the exact share.
      expect(Math.abs(share - DEFAULT_FILL_SHARE) * fracturedBodyVolumeMl(level, 2, 'wedge'), level).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it('grows down the spine and shrinks as the body collapses', () => {
    const volumes = TREATABLE_LEVELS.map((level) => defaultVolumeMl({ level, grade: 2, shape: 'wedge' }));
    for (let i = 1; i < volumes.length; i++) expect(volumes[i]!, TREATABLE_LEVELS[i]).toBeGreaterThanOrEqual(volumes[i - 1]!);
    expect(volumes.at(-1)! / volumes[4]!).toBeGreaterThan(3); // L5 against T5: about five times the body
    for (const level of ['T9', 'L1', 'L4'] as const) {
      expect(defaultVolumeMl({ level, grade: 3, shape: 'crush' })).toBeLessThan(defaultVolumeMl({ level, grade: 1, shape: 'wedge' }));
    }
    // Lumbar defaults inside the reported means per level, 2.8–7.5 mL (domain.md §6).
    for (const level of ['L1', 'L2', 'L3', 'L4', 'L5'] as const) {
      const v = defaultVolumeMl({ level, grade: 2, shape: 'wedge' });
      expect(v, level).toBeGreaterThanOrEqual(2.8);
      expect(v, level).toBeLessThanOrEqual(7.5);
    }
  });

  it('a chosen volume overrides the default', () => {
    expect(plannedVolumeMl({ ...DEFAULT_CASE, volume: ml(3.5) })).toBe(3.5);
    expect(plannedVolumeMl(DEFAULT_CASE)).toBe(defaultVolumeMl(DEFAULT_CASE));
  });
});
