/**
 * Kiosk mode (`kiosk=1`, shared/product.md): a waiting-room screen that runs on its own. It plays,
 * moves on to the next procedure at the end of each, resumes after anything paused it, and after a
 * few minutes without a touch goes back to where it started. Framework-free: it drives the store's
 * verbs like any other caller.
 */
import type { CaseParams, Procedure } from '../domain/caseParams.ts';
import { totalDuration } from '../domain/procedures/timeline.ts';
import type { AppStore } from './store.ts';
import { selectPlan } from './store.ts';

/** The order the loop shows the procedures in. */
export const KIOSK_LOOP: readonly Procedure[] = ['vp', 'bkp', 'compare'];

export interface KioskTiming {
  /** Back to the starting state after this long without input, ms. */
  idleResetMs: number;
  /** Pause on the last step before moving on, ms. */
  holdAtEndMs: number;
  /** Playback paused by a touch (or a graphics interruption) resumes after this long without input, ms. */
  resumeMs: number;
  /** How often the controller looks, ms. */
  checkMs: number;
}

export const KIOSK_TIMING: KioskTiming = { idleResetMs: 180_000, holdAtEndMs: 5_000, resumeMs: 45_000, checkMs: 1_000 };

export interface KioskEnvironment {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  /** Calls `fn` on every user input; returns a function that stops listening. */
  onInput(fn: () => void): () => void;
}

export function runKiosk(store: AppStore, env: KioskEnvironment, timing: KioskTiming = KIOSK_TIMING): () => void {
  const start: CaseParams = { ...store.getState().params };
  let lastInput = env.now();
  /** Someone used the screen since the last return to the start. */
  let touched = false;
  let endedAt: number | null = null;
  const stopInput = env.onInput(() => {
    lastInput = env.now();
    touched = true;
  });

  function restart(params: Partial<CaseParams>): void {
    const s = store.getState();
    s.setParams(params);
    s.seek(0);
    s.setFreeCamera(false);
    store.getState().play();
    endedAt = null;
  }

  function check(): void {
    const now = env.now();
    const s = store.getState();
    const idle = now - lastInput;
    if (touched && idle >= timing.idleResetMs) {
      touched = false;
      restart(start);
      return;
    }
    if (s.playing) {
      endedAt = null;
      return;
    }
    const atEnd = s.t >= totalDuration(selectPlan(s)) - 1e-6;
    if (atEnd) {
      endedAt ??= now;
      if (now - endedAt >= timing.holdAtEndMs && idle >= timing.holdAtEndMs) {
        const i = KIOSK_LOOP.indexOf(s.params.procedure);
        restart({ procedure: KIOSK_LOOP[(i + 1) % KIOSK_LOOP.length]! });
      }
    } else if (idle >= timing.resumeMs) {
      store.getState().play();
    }
  }

  store.getState().play();
  const handle = env.setInterval(check, timing.checkMs);
  return () => {
    env.clearInterval(handle);
    stopInput();
  };
}

/** The browser's clock, timers and input events. */
export function browserKioskEnvironment(target: Window): KioskEnvironment {
  return {
    now: () => target.performance.now(),
    setInterval: (fn, ms) => target.setInterval(fn, ms),
    clearInterval: (h) => target.clearInterval(h as number),
    onInput(fn) {
      const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
      for (const e of events) target.addEventListener(e, fn, { passive: true, capture: true });
      return () => {
        for (const e of events) target.removeEventListener(e, fn, { capture: true });
      };
    },
  };
}
