import { describe, expect, it } from 'vitest';
import { cementFillShown, pulseTime } from '../../src/domain/procedures/cementShown.ts';
import { BKP_PLAN, VP_PLAN } from '../../src/domain/procedures/plans.ts';
import { stepStartTimes, totalDuration } from '../../src/domain/procedures/timeline.ts';
import { alignTime } from '../../src/domain/procedures/alignTime.ts';
import { emptyPose, sampleInto } from '../../src/domain/procedures/sampleProcedure.ts';

function injectWindow(plan: typeof VP_PLAN): [number, number] {
  const i = plan.steps.findIndex((s) => s.id === 'inject');
  const start = stepStartTimes(plan)[i]!;
  return [start, start + plan.steps[i]!.duration];
}

describe('the cement shown at a moment (one rule for picture, labels and leak events)', () => {
  it('is 0 before the injection, 1 after it, and never decreases', () => {
    const [start, end] = injectWindow(VP_PLAN);
    let prev = 0;
    for (let t = 0; t <= totalDuration(VP_PLAN); t += 0.05) {
      const f = cementFillShown(VP_PLAN, VP_PLAN, t);
      if (t < start) expect(f).toBe(0);
      if (t >= end) expect(f).toBe(1);
      expect(f).toBeGreaterThanOrEqual(prev);
      prev = f;
    }
  });

  it('moves in steps of 4 X-ray pulses (4/15 s) while injecting: the same t gives the same cement', () => {
    const [start, end] = injectWindow(VP_PLAN);
    const values = new Set<number>();
    for (let t = start + 0.01; t < end; t += 0.01) values.add(cementFillShown(VP_PLAN, VP_PLAN, t));
    // A 12 s injection on a 0.2667 s grid: 45 or 46 distinct shares, not the 1,200 of the samples.
    expect(values.size).toBeGreaterThanOrEqual(44);
    expect(values.size).toBeLessThanOrEqual(47);
    // Inside one quantum, one value; across its edge, a larger one.
    const q = 4 / 15;
    const edge = Math.ceil((start + 1) / q) * q;
    expect(cementFillShown(VP_PLAN, VP_PLAN, edge + 0.01)).toBe(cementFillShown(VP_PLAN, VP_PLAN, edge + q - 0.01));
    expect(cementFillShown(VP_PLAN, VP_PLAN, edge + 0.01)).toBeGreaterThan(cementFillShown(VP_PLAN, VP_PLAN, edge - 0.01));
  });

  it('gives the same share when the caller passes the fill it sampled at t (the frame loop does)', () => {
    const pose = emptyPose();
    for (let t = 0; t <= totalDuration(BKP_PLAN); t += 0.037) {
      const known = sampleInto(pose, VP_PLAN, alignTime(BKP_PLAN, VP_PLAN, t)).cementFill;
      expect(cementFillShown(BKP_PLAN, VP_PLAN, t, emptyPose(), known)).toBe(cementFillShown(BKP_PLAN, VP_PLAN, t));
    }
  });

  it('follows the shared timeline in compare: vertebroplasty injects while kyphoplasty does', () => {
    const [start, end] = injectWindow(BKP_PLAN);
    const mid = (start + end) / 2;
    expect(cementFillShown(BKP_PLAN, VP_PLAN, mid)).toBeCloseTo(cementFillShown(BKP_PLAN, BKP_PLAN, mid), 9);
    expect(cementFillShown(BKP_PLAN, VP_PLAN, start - 0.5)).toBe(0);
  });

  it('pulse times fall on a 1/15 s grid at or before t', () => {
    expect(pulseTime(1)).toBe(1);
    expect(pulseTime(1.06)).toBeCloseTo(1, 12);
    expect(pulseTime(1.07)).toBeCloseTo(16 / 15, 12);
  });
});
