import { describe, expect, it } from 'vitest';
import { GRADE_HEIGHT_LOSS } from '../../src/domain/anatomy/fracture.ts';
import type { FractureParams } from '../../src/domain/anatomy/fracture.ts';
import { bodyHeights, heightMetrics } from '../../src/domain/procedures/caseMetrics.ts';
import { BKP_MEAN_RESTORED_SHARE, BKP_RESPONDER_RESTORED_SHARE } from '../../src/domain/procedures/restoration.ts';

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
    const m = heightMetrics('vp', { ...DEFAULT, grade }, 'mean');
    const lossShare = 1 - m.heightBeforeMm.anterior / m.intactMm.anterior;
    expect(Math.abs(lossShare - GRADE_HEIGHT_LOSS[grade])).toBeLessThan(0.02);
    expect(m.heightBeforeMm.posterior).toBeCloseTo(m.intactMm.posterior, 1);
    expect(m.wedgeBeforeDeg).toBeGreaterThan(m.intactMm.anterior < m.intactMm.posterior ? 0 : -20);
  });

  it('kyphoplasty by default gives back the population mean, about a third of the lost height (Lieberman 2001: 70% × 47%)', () => {
    const bkp = heightMetrics('bkp', DEFAULT, 'mean');
    expect(BKP_MEAN_RESTORED_SHARE).toBeCloseTo(0.329, 3);
    expect(bkp.restoredShare).toBeCloseTo(0.329, 2);
    expect(bkp.heightAfterMm.anterior).toBeGreaterThan(bkp.heightBeforeMm.anterior);
    expect(bkp.heightAfterMm.anterior).toBeLessThan(bkp.intactMm.anterior);
    expect(bkp.wedgeAfterDeg).toBeLessThan(bkp.wedgeBeforeDeg);
    const responder = heightMetrics('bkp', DEFAULT, 'responder');
    expect(responder.restoredShare).toBeCloseTo(BKP_RESPONDER_RESTORED_SHARE, 2);
    expect(responder.heightAfterMm.anterior).toBeGreaterThan(bkp.heightAfterMm.anterior);
  });

  it('L1 grade 2 wedge: wedge corrections near the pooled 4.8° (kyphoplasty) and 1.7° (vertebroplasty), Papanastassiou 2012', () => {
    const bkp = heightMetrics('bkp', DEFAULT, 'mean');
    const vp = heightMetrics('vp', DEFAULT, 'mean');
    const bkpDeg = bkp.wedgeBeforeDeg - bkp.wedgeAfterDeg;
    const vpDeg = vp.wedgeBeforeDeg - vp.wedgeAfterDeg;
    expect(bkpDeg).toBeGreaterThan(3.5);
    expect(bkpDeg).toBeLessThan(6.5);
    // Never exactly 0 (prone positioning, Ding 2020), about 1–2°.
    expect(vpDeg).toBeGreaterThan(1);
    expect(vpDeg).toBeLessThan(2.5);
    expect(vp.heightAfterMm.anterior).toBeGreaterThan(vp.heightBeforeMm.anterior);
  });

  it.each(['mean', 'responder', 'none'] as const)('vertebroplasty shows its postural reduction whatever the kyphoplasty case (%s)', (r) => {
    const vp = heightMetrics('vp', DEFAULT, r);
    expect(vp.wedgeBeforeDeg - vp.wedgeAfterDeg).toBeGreaterThan(1);
  });

  it('a non-responder gains nothing; restoration never exceeds the intact height', () => {
    const none = heightMetrics('bkp', DEFAULT, 'none');
    expect(none.heightAfterMm).toEqual(none.heightBeforeMm);
    for (const level of ['T5', 'T12', 'L5'] as const) {
      const m = heightMetrics('bkp', { level, grade: 3, shape: 'crush' }, 'responder');
      expect(m.heightAfterMm.middle).toBeLessThanOrEqual(m.intactMm.middle + 1e-9);
    }
  });
});
