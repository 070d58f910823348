import { describe, expect, it } from 'vitest';
import { GRADE_HEIGHT_LOSS } from '../../src/domain/anatomy/fracture.ts';
import type { FractureParams } from '../../src/domain/anatomy/fracture.ts';
import { bodyHeights, heightMetrics } from '../../src/domain/procedures/caseMetrics.ts';
import { BKP_RESPONDER_RESTORED_SHARE } from '../../src/domain/procedures/restoration.ts';

const DEFAULT: FractureParams = { level: 'L1', grade: 2, shape: 'wedge' };

describe('case metrics from the geometry', () => {
  it('intact L1 heights are plausible (domain.md §2b: VBHa 25, VBHp 26 mm, ±10%)', () => {
    const h = bodyHeights(DEFAULT, 0);
    expect(h.anterior).toBeGreaterThan(25 * 0.9);
    expect(h.anterior).toBeLessThan(25 * 1.1);
    expect(h.posterior).toBeGreaterThan(26 * 0.9);
    expect(h.posterior).toBeLessThan(26 * 1.1);
  });

  it.each([1, 2, 3] as const)('a grade %i wedge loses its share of anterior height, not posterior', (grade) => {
    const m = heightMetrics('vp', { ...DEFAULT, grade });
    const lossShare = 1 - m.heightBeforeMm.anterior / m.intactMm.anterior;
    expect(Math.abs(lossShare - GRADE_HEIGHT_LOSS[grade])).toBeLessThan(0.02);
    expect(m.heightBeforeMm.posterior).toBeCloseTo(m.intactMm.posterior, 1);
    expect(m.wedgeBeforeDeg).toBeGreaterThan(m.intactMm.anterior < m.intactMm.posterior ? 0 : -20);
  });

  it('vertebroplasty keeps the collapsed shape; kyphoplasty gives back the responder share', () => {
    const vp = heightMetrics('vp', DEFAULT);
    const bkp = heightMetrics('bkp', DEFAULT);
    expect(vp.heightAfterMm).toEqual(vp.heightBeforeMm);
    expect(vp.wedgeAfterDeg).toBe(vp.wedgeBeforeDeg);
    expect(bkp.restoredShare).toBeCloseTo(BKP_RESPONDER_RESTORED_SHARE, 2);
    expect(bkp.heightAfterMm.anterior).toBeGreaterThan(bkp.heightBeforeMm.anterior);
    expect(bkp.heightAfterMm.anterior).toBeLessThan(bkp.intactMm.anterior);
    expect(bkp.wedgeAfterDeg).toBeLessThan(bkp.wedgeBeforeDeg);
  });

  it('a non-responder (share 0) gains nothing; restoration never exceeds the intact height', () => {
    expect(heightMetrics('bkp', DEFAULT, 0).heightAfterMm).toEqual(heightMetrics('bkp', DEFAULT, 0).heightBeforeMm);
    const full = heightMetrics('bkp', { level: 'T12', grade: 3, shape: 'crush' }, 5);
    expect(full.heightAfterMm.middle).toBeLessThanOrEqual(full.intactMm.middle + 1e-9);
  });
});
