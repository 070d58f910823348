import { describe, expect, it } from 'vitest';
import { alignTime } from '../../src/domain/procedures/alignTime.ts';
import { BKP_PLAN, VP_PLAN } from '../../src/domain/procedures/plans.ts';
import type { ProcedurePose } from '../../src/domain/procedures/sampleProcedure.ts';
import { emptyPose, sample, sampleInto, smoothstep } from '../../src/domain/procedures/sampleProcedure.ts';
import { locate, stepStartTimes, totalDuration } from '../../src/domain/procedures/timeline.ts';

const PLANS = [VP_PLAN, BKP_PLAN];
const CONTINUOUS: (keyof ProcedurePose)[] = [
  'needleDepth', 'drillDepth', 'balloonInserted', 'balloonFill', 'restoration', 'cementMixed', 'cementFill', 'cementSet',
];

describe('plans', () => {
  it.each(PLANS.map((p) => [p.procedure, p]))('%s has unique step ids and positive durations', (_n, plan) => {
    const ids = plan.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of plan.steps) expect(s.duration).toBeGreaterThan(0);
  });

  it('vertebroplasty has 9–10 steps; kyphoplasty shares its access steps and adds the cavity steps', () => {
    expect(VP_PLAN.steps.length).toBeGreaterThanOrEqual(9);
    expect(VP_PLAN.steps.length).toBeLessThanOrEqual(10);
    const access = (p: typeof VP_PLAN) => p.steps.filter((s) => s.phase === 'access').map((s) => s.id);
    expect(access(BKP_PLAN)).toEqual(access(VP_PLAN));
    expect(BKP_PLAN.steps.filter((s) => s.phase === 'cavity').map((s) => s.id)).toEqual(['drill', 'balloon', 'inflate', 'deflate']);
    expect(VP_PLAN.steps.some((s) => s.phase === 'cavity')).toBe(false);
  });
});

describe('timeline', () => {
  it.each(PLANS.map((p) => [p.procedure, p]))('%s: a step boundary belongs to the step that starts there', (_n, plan) => {
    const starts = stepStartTimes(plan);
    starts.forEach((start, i) => {
      const at = locate(plan, start);
      expect(at.stepIndex).toBe(i);
      expect(at.progress).toBe(0);
    });
    const end = locate(plan, totalDuration(plan));
    expect(end.stepIndex).toBe(plan.steps.length - 1);
    expect(end.progress).toBe(1);
  });

  it('clamps bad times instead of throwing', () => {
    expect(locate(VP_PLAN, -3).stepIndex).toBe(0);
    expect(locate(VP_PLAN, Number.NaN).stepIndex).toBe(0);
    expect(locate(VP_PLAN, 1e9).progress).toBe(1);
  });
});

describe('sample(plan, t)', () => {
  it.each(PLANS.map((p) => [p.procedure, p]))('%s: every quantity is continuous across step boundaries', (_n, plan) => {
    const eps = 1e-6;
    for (const start of stepStartTimes(plan).slice(1)) {
      const before = sample(plan, start - eps);
      const after = sample(plan, start + eps);
      for (const key of CONTINUOUS) {
        expect(Math.abs((after[key] as number) - (before[key] as number)), `${key} at t=${start}`).toBeLessThan(1e-4);
      }
    }
  });

  it.each(PLANS.map((p) => [p.procedure, p]))('%s: needle only advances while inserting; cement never decreases', (_n, plan) => {
    const total = totalDuration(plan);
    let prev = sample(plan, 0);
    for (let t = 0.05; t <= total; t += 0.05) {
      const pose = sample(plan, t);
      if (['dock', 'pedicle', 'body'].includes(pose.stepId)) expect(pose.needleDepth).toBeGreaterThanOrEqual(prev.needleDepth - 1e-12);
      expect(pose.cementFill).toBeGreaterThanOrEqual(prev.cementFill - 1e-12);
      for (const key of CONTINUOUS) {
        expect(pose[key]).toBeGreaterThanOrEqual(0);
        expect(pose[key]).toBeLessThanOrEqual(1);
      }
      prev = pose;
    }
  });

  it('reaches the anterior third before cement and ends with the needle out and cement in', () => {
    for (const plan of PLANS) {
      const injectStart = stepStartTimes(plan)[plan.steps.findIndex((s) => s.id === 'inject')]!;
      expect(sample(plan, injectStart).needleDepth).toBeCloseTo(1, 6);
      const end = sample(plan, totalDuration(plan));
      expect(end.needleVisible).toBe(false);
      expect(end.cementFill).toBe(1);
    }
  });

  it('vertebroplasty never moves a balloon, and its small postural reduction is done once the patient lies prone; kyphoplasty inflates then deflates it', () => {
    const total = totalDuration(VP_PLAN);
    const positioned = stepStartTimes(VP_PLAN)[1]!;
    for (let t = 0; t <= total; t += 0.25) {
      const p = sample(VP_PLAN, t);
      expect([p.balloonFill, p.balloonInserted, p.drillDepth]).toEqual([0, 0, 0]);
      if (t >= positioned) expect(p.restoration).toBe(1);
    }
    expect(sample(VP_PLAN, 0).restoration).toBe(0);
    const starts = stepStartTimes(BKP_PLAN);
    const at = (id: string) => starts[BKP_PLAN.steps.findIndex((s) => s.id === id)]!;
    expect(sample(BKP_PLAN, at('deflate')).balloonFill).toBeCloseTo(1, 6);
    expect(sample(BKP_PLAN, at('mix')).balloonFill).toBeCloseTo(0, 6);
    expect(sample(BKP_PLAN, at('mix')).restoration).toBeCloseTo(1, 6);
  });

  it('VP and BKP share the access poses', () => {
    const accessEnd = stepStartTimes(VP_PLAN)[VP_PLAN.steps.findIndex((s) => s.id === 'body')]!;
    for (let t = 0; t <= accessEnd; t += 0.1) {
      expect(sample(BKP_PLAN, t).needleDepth).toBeCloseTo(sample(VP_PLAN, t).needleDepth, 12);
    }
  });

  it('smoothstep is monotone with fixed ends', () => {
    expect(smoothstep(0)).toBe(0);
    expect(smoothstep(1)).toBe(1);
    let prev = 0;
    for (let x = 0; x <= 1; x += 0.01) {
      expect(smoothstep(x)).toBeGreaterThanOrEqual(prev);
      prev = smoothstep(x);
    }
  });
});

describe('alignTime', () => {
  it('maps kyphoplasty time onto vertebroplasty monotonically, holding through the cavity steps', () => {
    let prev = -1;
    for (let t = 0; t <= totalDuration(BKP_PLAN); t += 0.1) {
      const v = alignTime(BKP_PLAN, VP_PLAN, t);
      expect(v).toBeGreaterThanOrEqual(prev - 1e-9);
      prev = v;
      const bkpStep = locate(BKP_PLAN, t).step;
      if (bkpStep.phase === 'cavity') expect(locate(VP_PLAN, v).step.id).toBe('mix');
      else expect(locate(VP_PLAN, v).step.id).toBe(bkpStep.id);
    }
  });
});

describe('the frame loop variants', () => {
  it('sampleInto writes exactly what sample returns into the one object it is given', () => {
    const out = emptyPose();
    for (const plan of PLANS) {
      const end = totalDuration(plan);
      for (let i = 0; i <= 200; i++) {
        const t = (end * i) / 200;
        expect(sampleInto(out, plan, t)).toBe(out);
        expect({ ...out }).toEqual(sample(plan, t));
      }
    }
  });

  it('step start times are worked out once per plan and cannot be changed', () => {
    const starts = stepStartTimes(VP_PLAN);
    expect(stepStartTimes(VP_PLAN)).toBe(starts);
    expect(Object.isFrozen(starts)).toBe(true);
    expect(starts[1]).toBe(VP_PLAN.steps[0]!.duration);
    expect(stepStartTimes(BKP_PLAN)).not.toBe(starts);
  });
});
