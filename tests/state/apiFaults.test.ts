/** Odd arguments to the command API and piles of bad settings: bounded notices, never a throw. */
import { describe, expect, it } from 'vitest';
import { createCommandApi } from '../../src/state/commandApi.ts';
import { MAX_NOTICES, MAX_NOTICE_ISSUES, MAX_SHOWN_CHARS, createAppStore } from '../../src/state/store.ts';

function setup() {
  const store = createAppStore();
  const made = createCommandApi(store);
  const errors: { code: string; message: string }[] = [];
  made.api.on('error', (e) => errors.push(e));
  return { store, ...made, errors };
}

const throwingGetter = Object.defineProperty({}, 'level', {
  enumerable: true,
  get() {
    throw new Error('no');
  },
});
const hostileProxy = new Proxy({}, {
  ownKeys() {
    throw new Error('no keys');
  },
});
const nullProto = Object.assign(Object.create(null) as object, { level: Object.create(null) as object });
const badValueOf = { valueOf() { throw new Error('no'); }, toString() { throw new Error('no'); } };
const huge = 'x'.repeat(1_000_000);

describe('command API with odd arguments', () => {
  const cases: [string, (api: ReturnType<typeof setup>['api']) => unknown][] = [
    ['set(throwing getter)', (api) => api.set(throwingGetter)],
    ['set(Proxy)', (api) => api.set(hostileProxy)],
    ['set(Object.create(null))', (api) => api.set(nullProto)],
    ['set(array)', (api) => api.set([1, 2] as unknown as Record<string, unknown>)],
    ['set(symbol value)', (api) => api.set({ level: Symbol('L1') })],
    ['set(huge name)', (api) => api.set({ [huge]: 1 })],
    ['set(huge value)', (api) => api.set({ level: huge })],
    ['set(valueOf throws)', (api) => api.set({ grade: badValueOf })],
    ['set(undefined)', (api) => api.set(undefined as unknown as Record<string, unknown>)],
    ['seek(symbol)', (api) => api.seek(Symbol('t') as unknown as number)],
    ['seek(Object.create(null))', (api) => api.seek(Object.create(null) as number)],
    ['seek(valueOf throws)', (api) => api.seek(badValueOf as unknown as number)],
    ['goToStep(Object.create(null))', (api) => api.goToStep(Object.create(null) as string)],
    ['goToStep(symbol)', (api) => api.goToStep(Symbol('s') as unknown as string)],
    ['on(bad event)', (api) => api.on(Object.create(null) as 'error', () => undefined)],
    ['on(no function)', (api) => api.on('error', 42 as unknown as () => void)],
  ];
  for (const [name, call] of cases) {
    it(`${name}: no throw, an issue returned or an 'error' event`, () => {
      const { api, errors } = setup();
      let result: unknown;
      expect(() => (result = call(api))).not.toThrow();
      const issues = Array.isArray(result) ? result : [];
      expect(issues.length + errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e.message.length).toBeLessThan(600);
      // The app is unharmed.
      expect(api.getState().level).toBe('L1');
    });
  }
});

describe('notices from bad settings', () => {
  it('200 bad set() calls leave one capped notice, with short names and values', () => {
    const { api, store } = setup();
    for (let i = 0; i < 200; i++) api.set({ [`bogus${i}${'y'.repeat(i * 50)}`]: i, grade: 9, level: 'Q' + 'z'.repeat(i * 100) });
    const notices = store.getState().notices;
    expect(notices).toHaveLength(1);
    const n = notices[0]!;
    expect(n.kind === 'query' && n.source).toBe('api');
    if (n.kind !== 'query') throw new Error('expected a query notice');
    expect(n.issues.length).toBe(MAX_NOTICE_ISSUES);
    // 200 unknown names plus grade and level once each, less those listed.
    expect(n.more).toBe(202 - MAX_NOTICE_ISSUES);
    for (const i of n.issues) {
      expect(i.param.length).toBeLessThanOrEqual(MAX_SHOWN_CHARS);
      expect(i.value.length).toBeLessThanOrEqual(MAX_SHOWN_CHARS);
    }
  });

  it('sources are kept apart and the list of notices is capped', () => {
    const { store, apiFor } = setup();
    store.getState().notify({ kind: 'query', source: 'link', issues: [{ param: 'a', value: '1', reason: 'unknown-param' }] });
    apiFor('embed').set({ b: 2 });
    apiFor('api').set({ c: 3 });
    const sources = store.getState().notices.map((n) => (n.kind === 'query' ? n.source : n.key));
    expect(sources).toEqual(['link', 'embed', 'api']);
    store.getState().notify({ kind: 'message', key: 'notice.contextLost', tone: 'warning' });
    expect(store.getState().notices).toHaveLength(MAX_NOTICES);
    expect(store.getState().notices.at(-1)).toMatchObject({ kind: 'message', key: 'notice.contextLost' });
  });
});
