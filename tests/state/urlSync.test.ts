import { describe, expect, it } from 'vitest';
import { parseCaseQuery } from '../../src/domain/parseCaseQuery.ts';
import { createAppStore } from '../../src/state/store.ts';
import { queryFor } from '../../src/state/urlSync.ts';

describe('URL state', () => {
  it('a written link reads back as the same state', () => {
    const store = createAppStore();
    const s = store.getState();
    s.setParams({ procedure: 'bkp', level: 'T12', grade: 3, shape: 'biconcave', viscosity: 'high', mode: 'educator' });
    s.goToStep('inflate');
    s.seek(store.getState().t + 2.25);
    const q = queryFor(store.getState());
    const parsed = parseCaseQuery(q.entries());
    expect(parsed.issues).toEqual([]);
    expect(parsed.params).toEqual(store.getState().params);
    expect(parsed.t).toBeCloseTo(store.getState().t, 1);
    expect(parsed.step).toBe('inflate');
  });

  it('names the patient case even when it is the default, and leaves other defaults out', () => {
    const q = queryFor(createAppStore().getState());
    expect([...q.keys()].sort()).toEqual(['grade', 'level', 'procedure', 'shape', 'step']);
  });
});
