import { describe, expect, it } from 'vitest';
import { levelLandmarks } from '../../src/domain/anatomy/landmarks.ts';
import type { CaseParams } from '../../src/domain/caseParams.ts';
import { DEFAULT_CASE } from '../../src/domain/caseParams.ts';
import { BALLOON_MAX_ML } from '../../src/domain/procedures/balloon.ts';
import { heightMetrics } from '../../src/domain/procedures/caseMetrics.ts';
import { BKP_PLAN, VP_PLAN } from '../../src/domain/procedures/plans.ts';
import { prepareCase, samplePose } from '../../src/domain/procedures/samplePose.ts';
import { stepStartTimes, totalDuration } from '../../src/domain/procedures/timeline.ts';

const CASES: CaseParams[] = [
  { ...DEFAULT_CASE },
  { ...DEFAULT_CASE, level: 'T8', grade: 3, shape: 'crush', approach: 'unipedicular' },
  { ...DEFAULT_CASE, level: 'L4', grade: 1, shape: 'biconcave' },
];

function startOf(plan: typeof VP_PLAN, id: string): number {
  return stepStartTimes(plan)[plan.steps.findIndex((s) => s.id === id)]!;
}

describe('samplePose(plan, case, t)', () => {
  it.each(CASES.map((c) => [`${c.level} grade ${c.grade} ${c.shape}`, c]))('%s: the balloon never holds more than its maximum', (_n, params) => {
    const c = prepareCase('bkp', params, levelLandmarks(params.level));
    for (let t = 0; t <= totalDuration(BKP_PLAN); t += 0.1) {
      for (const b of samplePose(BKP_PLAN, c, t).balloons) {
        expect(b.shape.volumeMl).toBeLessThanOrEqual(BALLOON_MAX_ML + 1e-9);
        expect(b.shape.verticalRadiusMm).toBeLessThanOrEqual(b.shape.radiusMm + 1e-9);
      }
    }
  });

  it.each(CASES.map((c) => [`${c.level} grade ${c.grade} ${c.shape}`, c]))('%s: restored height stays within 0 and the case\'s share of the lost height', (_n, params) => {
    const c = prepareCase('bkp', params, levelLandmarks(params.level));
    const m = heightMetrics('bkp', c.fracture, params.restoration);
    let prev = 1;
    for (let t = 0; t <= totalDuration(BKP_PLAN); t += 0.1) {
      const { collapse } = samplePose(BKP_PLAN, c, t);
      expect(collapse).toBeLessThanOrEqual(1);
      expect(collapse).toBeGreaterThanOrEqual(1 - c.restoredShare - 1e-12);
      expect(collapse).toBeLessThanOrEqual(prev + 1e-12);
      prev = collapse;
    }
    expect(prev).toBeCloseTo(1 - c.restoredShare, 9);
    expect(m.heightAfterMm.anterior).toBeLessThanOrEqual(m.intactMm.anterior + 1e-9);
  });

  it('vertebroplasty: only the small postural reduction, while the patient is positioned', () => {
    const c = prepareCase('vp', DEFAULT_CASE, levelLandmarks('L1'));
    expect(c.restoredShare).toBeGreaterThan(0.05);
    expect(c.restoredShare).toBeLessThan(0.2);
    const positioned = startOf(VP_PLAN, 'anaesthesia');
    expect(samplePose(VP_PLAN, c, 0).collapse).toBe(1);
    for (let t = positioned; t <= totalDuration(VP_PLAN); t += 0.25) expect(samplePose(VP_PLAN, c, t).collapse).toBeCloseTo(1 - c.restoredShare, 12);
  });

  it.each(CASES.map((c) => [`${c.level} ${c.approach}`, c]))('%s: VP and BKP share the access poses', (_n, params) => {
    const lm = levelLandmarks(params.level);
    const vp = prepareCase('vp', params, lm);
    const bkp = prepareCase('bkp', params, lm);
    for (let t = 0; t < startOf(VP_PLAN, 'body'); t += 0.1) {
      const a = samplePose(VP_PLAN, vp, t);
      const b = samplePose(BKP_PLAN, bkp, t);
      expect(b.tools.map((x) => [x.visible, x.tip, x.kind])).toEqual(a.tools.map((x) => [x.visible, x.tip, x.kind]));
    }
  });

  it('is continuous across step boundaries (tips, collapse)', () => {
    const c = prepareCase('bkp', DEFAULT_CASE, levelLandmarks('L1'));
    for (const start of stepStartTimes(BKP_PLAN).slice(1)) {
      const a = samplePose(BKP_PLAN, c, start - 1e-6);
      const b = samplePose(BKP_PLAN, c, start + 1e-6);
      expect(Math.abs(a.collapse - b.collapse)).toBeLessThan(1e-4);
      a.tools.forEach((tool, i) => {
        const other = b.tools[i]!;
        if (tool.kind !== other.kind) return; // the trocar is exchanged for the cannula at a boundary
        for (let k = 0; k < 3; k++) expect(Math.abs(tool.tip[k]! - other.tip[k]!)).toBeLessThan(1e-3);
      });
    }
  });

});
