import { describe, expect, it, vi } from 'vitest';
import { createCommandApi } from '../../src/state/commandApi.ts';
import { createAppStore } from '../../src/state/store.ts';

function setup() {
  const store = createAppStore();
  const { api } = createCommandApi(store);
  return { store, api };
}

describe('window.spinecast command API', () => {
  it('getState returns plain JSON with the contract fields', () => {
    const { api } = setup();
    const state = api.getState();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state).toMatchObject({ procedure: 'vp', level: 'L1', grade: 2, shape: 'wedge', step: 'position', t: 0, playing: false });
    expect(state.steps[0]).toBe('position');
    expect(state.metrics).toEqual({});
  });

  it('emits stepchange however the step changes, once per change', () => {
    const { api, store } = setup();
    const seen: string[] = [];
    const off = api.on('stepchange', (e) => seen.push(e.step));
    api.next();
    api.goToStep('inject');
    store.getState().seek(0.2);
    api.seek(0.3);
    off();
    api.next();
    expect(seen).toEqual(['anaesthesia', 'inject', 'position']);
  });

  it('emits statechange once per burst of discrete changes, not for every frame while playing', async () => {
    const { api, store } = setup();
    const seen: string[] = [];
    api.on('statechange', (e) => seen.push(`${e.state.procedure}:${e.state.step}:${e.state.playing}`));
    api.set({ procedure: 'bkp' });
    api.goToStep('inflate');
    await Promise.resolve();
    expect(seen).toEqual(['bkp:inflate:false']);
    api.play();
    await Promise.resolve();
    for (let i = 0; i < 10; i++) store.getState().tick(0.016);
    await Promise.resolve();
    expect(seen).toEqual(['bkp:inflate:false', 'bkp:inflate:true']);
  });

  it('set() applies valid fields, reports bad ones and keeps the rest', () => {
    const { api } = setup();
    const errors = vi.fn();
    api.on('error', errors);
    const issues = api.set({ procedure: 'bkp', level: 'T7', grade: 7, shape: 'blob' });
    expect(issues.map((i) => i.param).sort()).toEqual(['grade', 'shape']);
    expect(api.getState()).toMatchObject({ procedure: 'bkp', level: 'T7', grade: 2, shape: 'wedge' });
    expect(errors).toHaveBeenCalledTimes(1);
    expect(api.set({ step: 'inflate' })).toEqual([]);
    expect(api.getState().step).toBe('inflate');
  });

  it('rejects malformed calls with an error event instead of throwing', () => {
    const { api } = setup();
    const codes: string[] = [];
    api.on('error', (e) => codes.push(e.code));
    expect(api.goToStep('nonsense')).toBe(false);
    api.seek(Number.NaN);
    api.set(null as unknown as Record<string, unknown>);
    expect(codes).toEqual(['unknown-step', 'bad-time', 'bad-params']);
    expect(api.getState().step).toBe('position');
  });

  it('a listener that throws does not stop the others', () => {
    const { api } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const good = vi.fn();
    api.on('stepchange', () => {
      throw new Error('host bug');
    });
    api.on('stepchange', good);
    api.next();
    expect(good).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
