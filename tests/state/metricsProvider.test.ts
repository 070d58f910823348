import { describe, expect, it } from 'vitest';
import { DEFAULT_CASE } from '../../src/domain/caseParams.ts';
import { createMetricsProvider } from '../../src/state/metricsProvider.ts';
import { createAppStore } from '../../src/state/store.ts';

describe('metrics for the command API', () => {
  it('follow the restoration case: the mean by default, more for a responder, nothing for a non-responder', () => {
    const store = createAppStore();
    const metrics = createMetricsProvider();
    expect(store.getState().params.restoration).toBe('mean');
    const mean = metrics('bkp', store.getState().params)!;
    expect(mean.heightAfterMm.anterior).toBeGreaterThan(mean.heightBeforeMm.anterior + 1.5);
    store.getState().setParams({ restoration: 'responder' });
    const responder = metrics('bkp', store.getState().params)!;
    expect(responder.heightAfterMm.anterior).toBeGreaterThan(mean.heightAfterMm.anterior + 0.5);
    store.getState().setParams({ restoration: 'none' });
    const none = metrics('bkp', store.getState().params)!;
    expect(none.heightAfterMm).toEqual(none.heightBeforeMm);
    expect(none.wedgeAfterDeg).toBe(none.wedgeBeforeDeg);
    // Vertebroplasty keeps its small postural reduction.
    const vp = metrics('vp', store.getState().params)!;
    expect(vp.wedgeBeforeDeg - vp.wedgeAfterDeg).toBeGreaterThan(1);
  });

  it('without a simulation result, report the planned volume and no leaks', () => {
    const m = createMetricsProvider()('vp', { ...DEFAULT_CASE, volume: 3.5 } as typeof DEFAULT_CASE)!;
    expect(m.cementVolumeMl).toBe(3.5);
    expect(m.leaks).toEqual([]);
  });
});
