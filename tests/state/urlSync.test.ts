import { describe, expect, it } from 'vitest';
import { parseCaseQuery } from '../../src/domain/parseCaseQuery.ts';
import { createAppStore } from '../../src/state/store.ts';
import { queryFor, readQuery } from '../../src/state/urlSync.ts';

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

describe('language without a lang parameter', () => {
  it('is the first of the browser languages that has a translation, by primary subtag', () => {
    expect(readQuery('', ['de-AT', 'en-GB']).params.lang).toBe('de');
    expect(readQuery('', ['ja-JP', 'pt-BR', 'es']).params.lang).toBe('pt');
    expect(readQuery('', ['fr_CA']).params.lang).toBe('fr');
  });

  it('is English when no browser language is translated', () => {
    expect(readQuery('', ['ja-JP', 'zh-Hans']).params.lang).toBe('en');
    expect(readQuery('', []).params.lang).toBe('en');
  });

  it('an explicit lang wins over the browser; a bad one falls back to the browser language, with a notice', () => {
    expect(readQuery('?lang=es', ['de-DE']).params.lang).toBe('es');
    const bad = readQuery('?lang=tlh', ['fr-FR']);
    expect(bad.params.lang).toBe('fr');
    expect(bad.issues).toEqual([{ param: 'lang', value: 'tlh', reason: 'invalid' }]);
  });
});
