import { describe, expect, it } from 'vitest';
import { sdfLattice } from '../../../src/domain/cement/sdfLattice.ts';

describe('sdfLattice', () => {
  it('is exact on the sampled voxels and for linear fields, and samples each node once', () => {
    let calls = 0;
    const linear = (i: number, j: number, k: number): number => {
      calls++;
      return 2 * i - 3 * j + 0.5 * k + 1;
    };
    const field = sdfLattice(9, 8, 7, linear);
    for (let k = 0; k < 6; k++) for (let j = 0; j < 7; j++) for (let i = 0; i < 8; i++) {
      expect(field(i, j, k)).toBeCloseTo(2 * i - 3 * j + 0.5 * k + 1, 5);
    }
    expect(calls).toBeLessThanOrEqual(5 * 5 * 4);
  });

  it('stays within a tenth of a millimetre on a sphere of radius 8 mm (0.75 mm voxels)', () => {
    const h = 0.75;
    const sphere = (i: number, j: number, k: number): number => Math.hypot((i - 15) * h, (j - 15) * h, (k - 15) * h) - 8;
    const field = sdfLattice(31, 31, 31, sphere);
    let worst = 0;
    for (let k = 4; k < 27; k++) for (let j = 4; j < 27; j++) for (let i = 4; i < 27; i++) {
      if (Math.abs(sphere(i, j, k)) < 2) worst = Math.max(worst, Math.abs(field(i, j, k) - sphere(i, j, k)));
    }
    expect(worst).toBeLessThan(0.1);
  });
});
