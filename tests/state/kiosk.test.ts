import { describe, expect, it } from 'vitest';
import { totalDuration } from '../../src/domain/procedures/timeline.ts';
import { timelinePlan } from '../../src/domain/procedures/timelinePlan.ts';
import type { KioskEnvironment } from '../../src/state/kiosk.ts';
import { KIOSK_TIMING, runKiosk } from '../../src/state/kiosk.ts';
import { createAppStore } from '../../src/state/store.ts';

/** A clock and input the test moves by hand. */
function fakeEnvironment() {
  let now = 0;
  let tick: (() => void) | null = null;
  let input: (() => void) | null = null;
  const env: KioskEnvironment = {
    now: () => now,
    setInterval: (fn) => (tick = fn),
    clearInterval: () => (tick = null),
    onInput: (fn) => ((input = fn), () => (input = null)),
  };
  return {
    env,
    advance(ms: number) {
      for (let i = 0; i < ms / KIOSK_TIMING.checkMs; i++) {
        now += KIOSK_TIMING.checkMs;
        tick?.();
      }
    },
    touch: () => input?.(),
  };
}

describe('kiosk loop', () => {
  it('plays at once, moves on through vp, bkp and compare, and back to vp', () => {
    const store = createAppStore({ params: { ...createAppStore().getState().params, procedure: 'vp' } });
    const clock = fakeEnvironment();
    runKiosk(store, clock.env);
    expect(store.getState().playing).toBe(true);
    const seen: string[] = [];
    for (const _ of [0, 1, 2]) {
      const s = store.getState();
      s.tick(totalDuration(timelinePlan(s.params.procedure)) + 1);
      expect(store.getState().playing).toBe(false);
      clock.advance(KIOSK_TIMING.holdAtEndMs + KIOSK_TIMING.checkMs);
      seen.push(store.getState().params.procedure);
      expect(store.getState()).toMatchObject({ playing: true, t: 0 });
    }
    expect(seen).toEqual(['bkp', 'compare', 'vp']);
  });

  it('a touch pauses it; it resumes, and returns to the start a few minutes after the last touch', () => {
    const store = createAppStore();
    const clock = fakeEnvironment();
    runKiosk(store, clock.env);
    clock.touch();
    store.getState().pause();
    store.getState().setParams({ procedure: 'bkp', level: 'T12' });
    clock.advance(KIOSK_TIMING.resumeMs - 2 * KIOSK_TIMING.checkMs);
    expect(store.getState().playing).toBe(false);
    clock.advance(3 * KIOSK_TIMING.checkMs);
    expect(store.getState().playing).toBe(true);
    expect(store.getState().params).toMatchObject({ procedure: 'bkp', level: 'T12' });
    clock.advance(KIOSK_TIMING.idleResetMs);
    expect(store.getState().params).toMatchObject({ procedure: 'vp', level: 'L1' });
    expect(store.getState().playing).toBe(true);
  });
});
