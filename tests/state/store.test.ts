import { describe, expect, it } from 'vitest';
import { BKP_PLAN, VP_PLAN } from '../../src/domain/procedures/plans.ts';
import { stepStartTimes, totalDuration } from '../../src/domain/procedures/timeline.ts';
import { createAppStore } from '../../src/state/store.ts';

describe('store', () => {
  it('steps forward and back through every step, clamped at both ends', () => {
    const store = createAppStore();
    const s = () => store.getState();
    const n = VP_PLAN.steps.length;
    for (let i = 1; i < n; i++) {
      s().next();
      expect(s().stepIndex).toBe(i);
      expect(s().t).toBe(stepStartTimes(VP_PLAN)[i]);
    }
    s().next();
    expect(s().stepIndex).toBe(n - 1);
    for (let i = n - 2; i >= 0; i--) {
      s().prev();
      expect(s().stepIndex).toBe(i);
    }
    s().prev();
    expect(s().stepIndex).toBe(0);
    s().last();
    expect(s().t).toBe(totalDuration(VP_PLAN));
    s().first();
    expect(s().t).toBe(0);
  });

  it('advances t only while playing, at the chosen rate, and stops at the end', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().tick(1);
    expect(s().t).toBe(0);
    s().play();
    s().tick(0.5);
    expect(s().t).toBeCloseTo(0.5);
    s().setRate(2);
    s().tick(0.5);
    expect(s().t).toBeCloseTo(1.5);
    s().tick(1e6);
    expect(s().t).toBe(totalDuration(VP_PLAN));
    expect(s().playing).toBe(false);
    s().play();
    expect(s().t).toBe(0);
  });

  it('clock ticks do not bump the version; explicit changes do', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().play();
    const v = s().version;
    s().tick(0.1);
    s().tick(0.1);
    expect(s().version).toBe(v);
    s().seek(3);
    expect(s().version).toBe(v + 1);
  });

  it('switching procedure keeps the same step where both have it', () => {
    const store = createAppStore();
    const s = () => store.getState();
    expect(s().goToStep('pedicle')).toBe(true);
    s().setParams({ procedure: 'bkp' });
    expect(BKP_PLAN.steps[s().stepIndex]!.id).toBe('pedicle');
    s().goToStep('inflate');
    s().setParams({ procedure: 'vp' });
    expect(s().stepIndex).toBe(0);
    expect(s().goToStep('inflate')).toBe(false);
  });

  it('keeps one notice per message key and dismisses by id', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().notify({ kind: 'message', key: 'notice.contextLost', tone: 'warning' });
    s().notify({ kind: 'message', key: 'notice.contextLost', tone: 'warning' });
    expect(s().notices).toHaveLength(1);
    s().dismissNotice(s().notices[0]!.id);
    expect(s().notices).toHaveLength(0);
  });
});

describe('store updates are atomic', () => {
  it('a procedure switch never exposes the new plan with the old step index', () => {
    const store = createAppStore();
    store.getState().goToStep('inject');
    const seen: string[] = [];
    store.subscribe((s) => {
      const plan = s.params.procedure === 'vp' ? VP_PLAN : BKP_PLAN;
      seen.push(plan.steps[s.stepIndex]!.id);
    });
    store.getState().setParams({ procedure: 'bkp' });
    expect(seen).toEqual(['inject']);
  });
});
