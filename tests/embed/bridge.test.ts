import { describe, expect, it } from 'vitest';
import type { BridgeApi, BridgeOptions } from '../../src/embed/bridge.ts';
import { startBridge } from '../../src/embed/bridge.ts';
import type { FrameMessage } from '../../src/embed/protocol.ts';
import { createCommandApi } from '../../src/state/commandApi.ts';
import { createAppStore } from '../../src/state/store.ts';

const HOST = 'https://clinic.example';

/** A frame with a fake parent: records what is posted, and delivers messages as the browser would. */
function frame(overrides: Partial<BridgeOptions> & { extra?: Record<string, unknown> } = {}) {
  const store = createAppStore();
  const { api, events } = createCommandApi(store);
  const posted: { message: FrameMessage; origin: string }[] = [];
  const parent = { postMessage: (message: unknown, origin: string) => posted.push({ message: message as FrameMessage, origin }) };
  let listener: ((e: MessageEvent) => void) | null = null;
  const self = {
    addEventListener: (_: string, fn: (e: MessageEvent) => void) => (listener = fn),
    removeEventListener: () => (listener = null),
  } as unknown as BridgeOptions['self'];
  let clock = 0;
  const bridgeApi = { ...api, ...overrides.extra } as unknown as BridgeApi;
  const bridge = startBridge({ api: bridgeApi, self, parent, origin: HOST, allowlist: null, ancestorOrigin: HOST, now: () => clock, ...overrides });
  function send(data: unknown, { origin = HOST, source = parent }: { origin?: string; source?: unknown } = {}) {
    listener?.({ data, origin, source } as MessageEvent);
  }
  const results = () => posted.filter((p) => p.message.type === 'result').map((p) => p.message) as Extract<FrameMessage, { type: 'result' }>[];
  return { store, api, events, posted, parent, send, results, bridge, advance: (ms: number) => (clock += ms) };
}

const command = (method: string, args: unknown[] = [], id: unknown = 1) => ({ spinecast: 1, type: 'command', id, method, args });

describe('embed bridge', () => {
  it('runs a command from the parent at the given origin and answers that origin only', () => {
    const f = frame();
    f.send(command('goToStep', ['inject'], 'a'));
    f.send(command('getState', [], 'b'));
    expect(f.posted.every((p) => p.origin === HOST)).toBe(true);
    const [go, get] = f.results();
    expect(go).toMatchObject({ spinecast: 1, type: 'result', id: 'a', ok: true });
    expect(get).toMatchObject({ id: 'b', ok: true, value: { step: 'inject', procedure: 'vp' } });
  });

  it('ignores commands from another origin or from a window that is not the parent', () => {
    const f = frame();
    f.send(command('goToStep', ['inject']), { origin: 'https://evil.example' });
    f.send(command('goToStep', ['inject']), { source: {} });
    f.send(command('goToStep', ['inject']), { origin: 'null' });
    expect(f.api.getState().step).toBe('position');
    expect(f.results()).toEqual([]);
  });

  it('answers malformed commands with a reason and never throws', () => {
    const f = frame();
    const bad: [unknown, string][] = [
      [{ spinecast: 2, type: 'command', id: 1, method: 'play' }, 'unsupported-version'],
      [{ spinecast: 1, type: 'hello', id: 1 }, 'bad-message'],
      [{ spinecast: 1, type: 'command', method: 'play' }, 'bad-id'],
      [{ spinecast: 1, type: 'command', id: { x: 1 }, method: 'play' }, 'bad-id'],
      [command('explode'), 'unknown-method'],
      [command('constructor'), 'unknown-method'],
      [command('__proto__'), 'unknown-method'],
      [command('seek', ['soon']), 'bad-args'],
      [command('seek', [Number.NaN]), 'bad-args'],
      [{ ...command('play'), args: 'now' }, 'bad-args'],
      [command('play', [1, 2, 3, 4, 5]), 'bad-args'],
      [command('set', ['level=L2']), 'bad-args'],
      [command('set', [{ level: { nested: true } }]), 'bad-args'],
      [command('set', [{ level: 'x'.repeat(1000) }]), 'bad-args'],
      [command('set', [Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 1]))]), 'bad-args'],
      [command('goToStep', ['inflate']), 'unknown-step'],
      [command('set', [{ level: 'L9', grade: 3 }]), 'bad-params'],
      [command('capture', [{ width: 1e6 }]), 'bad-args'],
    ];
    for (const [message] of bad) expect(() => f.send(message)).not.toThrow();
    expect(f.results().map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(bad.map(([, code]) => code));
    // The valid part of a half-bad set() was applied; the rest of the state is untouched.
    expect(f.api.getState()).toMatchObject({ grade: 3, level: 'L1', step: 'position', t: 0 });
    const partial = f.results().at(-2)!;
    expect(partial.ok).toBe(false);
    if (!partial.ok) expect(partial.error.issues).toEqual([{ param: 'level', value: 'L9', reason: 'invalid' }]);
  });

  it('keeps quiet about messages that are not its protocol', () => {
    const f = frame();
    for (const junk of [null, 'play', 42, [1, 2], { type: 'webpackOk' }, { source: 'react-devtools' }]) f.send(junk);
    expect(f.posted).toEqual([]);
  });

  it('bounds a flood: a burst is served, the rest refused, and it answers again a moment later', () => {
    const f = frame();
    for (let i = 0; i < 500; i++) f.send(command('next', [], i));
    const codes = f.results().map((r) => (r.ok ? 'ok' : r.error.code));
    const served = codes.filter((c) => c === 'ok').length;
    expect(served).toBeGreaterThanOrEqual(60);
    expect(served).toBeLessThanOrEqual(150);
    expect(codes.filter((c) => c === 'rate-limited').length).toBe(500 - served);
    f.advance(1000);
    f.send(command('getState', [], 'after'));
    expect(f.results().at(-1)).toMatchObject({ id: 'after', ok: true });
  });

  it('forwards the API events, statechange included, to the embedding origin', async () => {
    const f = frame();
    f.api.goToStep('inject');
    f.events.emit('leak', { procedure: 'vp', type: 'disc', volumeMl: 0.1, t: 30 });
    await Promise.resolve();
    const events = f.posted.filter((p) => p.message.type === 'event').map((p) => (p.message as { event: string }).event);
    expect(events).toEqual(['stepchange', 'leak', 'statechange']);
    expect(f.posted.every((p) => p.origin === HOST)).toBe(true);
  });

  it('posts nothing when the page around it is not the allowed origin', () => {
    const f = frame({ ancestorOrigin: 'https://elsewhere.example' });
    f.api.goToStep('inject');
    f.send(command('getState'), { origin: 'https://elsewhere.example' });
    expect(f.posted).toEqual([]);
  });

  it('with a deploy-time allowlist: accepts listed origins, refuses an origin parameter outside it', () => {
    const listed = frame({ origin: null, allowlist: [HOST, 'https://other.example'], ancestorOrigin: null, alreadyReady: () => true });
    expect(listed.bridge.target()).toBeNull();
    listed.send(command('getState', [], 'x'));
    expect(listed.bridge.target()).toBe(HOST);
    expect(listed.posted.map((p) => p.message.type)).toEqual(['event', 'result']);
    expect(listed.posted[0]!.message).toMatchObject({ event: 'ready' });

    const outside = frame({ origin: 'https://evil.example', allowlist: [HOST], ancestorOrigin: null });
    outside.send(command('play'), { origin: 'https://evil.example' });
    expect(outside.posted).toEqual([]);
    expect(outside.api.getState().playing).toBe(false);
  });

  it('answers asynchronous commands when they settle, one slow command at a time', async () => {
    let resolve: (v: unknown) => void = () => {};
    const f = frame({ extra: { capture: () => new Promise((r) => (resolve = r)), record: () => Promise.reject(new Error('no encoder')) } });
    f.send(command('capture', [{ width: 320, height: 180 }], 1));
    f.send(command('record', [{}], 2));
    expect(f.results()).toMatchObject([{ id: 2, ok: false, error: { code: 'busy' } }]);
    resolve('picture');
    await new Promise((r) => setTimeout(r, 0));
    f.send(command('record', [{}], 3));
    await new Promise((r) => setTimeout(r, 0));
    expect(f.results().slice(1)).toMatchObject([
      { id: 1, ok: true, value: 'picture' },
      { id: 3, ok: false, error: { code: 'failed', message: 'no encoder' } },
    ]);
  });

  it('stops listening when stopped', () => {
    const f = frame();
    f.bridge.stop();
    f.send(command('play'));
    f.api.next();
    expect(f.posted).toEqual([]);
  });
});
