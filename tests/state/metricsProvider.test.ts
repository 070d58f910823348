import { describe, expect, it } from 'vitest';
import { DEFAULT_CASE } from '../../src/domain/caseParams.ts';
import { createMetricsProvider } from '../../src/state/metricsProvider.ts';
import { createAppStore } from '../../src/state/store.ts';

describe('metrics for the command API', () => {
  it('follow the kyphoplasty restoration share: responder by default, nothing for a non-responder', () => {
    const store = createAppStore();
    const metrics = createMetricsProvider(undefined, () => store.getState().bkpRestoredShare);
    const responder = metrics('bkp', DEFAULT_CASE)!;
    expect(responder.heightAfterMm.anterior).toBeGreaterThan(responder.heightBeforeMm.anterior + 2);
    store.getState().setBkpRestoredShare(0);
    const none = metrics('bkp', DEFAULT_CASE)!;
    expect(none.heightAfterMm).toEqual(none.heightBeforeMm);
    expect(none.wedgeAfterDeg).toBe(none.wedgeBeforeDeg);
    store.getState().setBkpRestoredShare(7);
    expect(store.getState().bkpRestoredShare).toBe(1);
  });

  it('without a simulation result, report the planned volume and no leaks', () => {
    const m = createMetricsProvider()('vp', { ...DEFAULT_CASE, volume: 3.5 } as typeof DEFAULT_CASE)!;
    expect(m.cementVolumeMl).toBe(3.5);
    expect(m.leaks).toEqual([]);
  });
});
