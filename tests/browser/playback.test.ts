/**
 * The picture is a pure function of (case, t), also while playing: the same link played from t = 0
 * up to some t shows what opening it at that t and pressing Play shows (cement
 * re-meshed on a grid of t, X-ray pulses at times derived from t, no jump in t on Play).
 * The page's clock is stepped, then stopped while it plays (frames go on), so a playing picture can be
 * looked at.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { canvasPixels, changedShare, openApp, waitReady } from './helpers.ts';

declare global {
  interface Window {
    /**
     * The page's clock (performance.now): 'real'; 'stepped', 16 ms a frame whatever the machine's
     * speed (so t moves in small steps, as on a fast device); or 'held', standing still while frames
     * go on being drawn (t stays put, the picture can be looked at); or 'coarse', 300 ms a frame, as
     * on a device drawing three frames a second (t moves past a cement grid step on every frame).
     */
    __clock?: (mode: Mode) => void;
  }
}

type Mode = 'real' | 'stepped' | 'held' | 'coarse';

/** Installed in the page as a script: a function of the test file would carry the compiler's helpers. */
const CLOCK_GATE = `(() => {
  const real = performance.now.bind(performance);
  const requestFrame = window.requestAnimationFrame.bind(window);
  let mode = 'real';
  let virtual = 0;
  let lastFrame = -1;
  window.requestAnimationFrame = (callback) =>
    requestFrame((stamp) => {
      // One step per frame, however many callbacks that frame runs.
      if (stamp !== lastFrame) virtual += mode === 'stepped' ? 1000 / 60 : mode === 'coarse' ? 300 : 0;
      lastFrame = stamp;
      callback(stamp);
    });
  performance.now = () => (mode === 'real' ? real() : virtual);
  window.__clock = (next) => {
    if (mode === 'real' && next !== 'real') virtual = real();
    mode = next;
  };
})()`;

const QUERY = 'procedure=vp&level=L1&mode=educator&view=split';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('playing is a pure function of t', () => {
  it('played from 0 to t, the picture is the one opened at t shows on its first playing frame', async () => {
    const played = await openApp(browser, QUERY);
    const opened = await openApp(browser, QUERY);
    for (const { page } of [played, opened]) await page.evaluate(CLOCK_GATE);
    // Twice real speed, from the start: through the needle's path, then into the injection.
    await played.page.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('.transport__rate select')!;
      // The native setter, so React sees the change.
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, '2');
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(await played.page.locator('.transport__rate select').inputValue()).toBe('2');
    await played.page.evaluate(() => window.spinecast!.play());
    // Into the injection at this machine's pace, then in 60-a-second frames (small steps of t, as
    // on a fast device, where a mesh kept from an earlier frame or a pulse timed by the wall clock
    // would show), then the clock stops: still playing, frames drawn, t standing still.
    await played.page.waitForFunction(() => window.spinecast!.getState().t >= 37.5, undefined, { timeout: 90_000, polling: 20 });
    await played.page.evaluate(() => window.__clock!('stepped'));
    await played.page.waitForFunction(() => window.spinecast!.getState().t >= 39, undefined, { timeout: 90_000, polling: 20 });
    // The first frame after the hold may still count clock steps taken since the frame before it (a
    // loaded machine runs other callbacks between the pane's frames): t stands still from the frame
    // after that one.
    const framesAtHold = await played.page.evaluate(() => {
      window.__clock!('held');
      return window.__spinecastRenderStats!.frames;
    });
    await played.page.waitForFunction((n) => window.__spinecastRenderStats!.frames >= n + 2, framesAtHold, { timeout: 30_000, polling: 20 });
    const t = await played.page.evaluate(() => window.spinecast!.getState().t);
    // The cement at that t comes from the worker: the picture played is the one it settles on.
    let playedPixels = await canvasPixels(played.page);
    for (let i = 0; i < 20; i++) {
      await played.page.waitForTimeout(400);
      const next = await canvasPixels(played.page);
      const moved = changedShare(playedPixels, next);
      playedPixels = next;
      if (moved === 0) break;
    }
    expect(await played.page.evaluate(() => window.spinecast!.getState())).toMatchObject({ t, playing: true });
    expect(played.errors).toEqual([]);
    // Done with it: it would go on drawing (and taking the CPU) while the other page works.
    await played.page.context().close();

    // The other page: opened at that t (paused and ready), then Play with its clock stopped.
    await opened.page.evaluate((at) => window.spinecast!.seek(at), t);
    await waitReady(opened.page, 60_000);
    await opened.page.evaluate(() => {
      window.__clock!('held');
      window.spinecast!.play();
    });
    await opened.page.waitForTimeout(500);
    const state = await opened.page.evaluate(() => window.spinecast!.getState());
    expect(state.playing).toBe(true);
    // Play moves nothing before real time has passed: the first frame shows the t it started at.
    expect(state.t).toBe(t);
    const openedPixels = await canvasPixels(opened.page);
    // Something is drawn (3D and both X-ray pictures), and the two pictures are the same.
    expect(playedPixels.foreground).toBeGreaterThan(0.2);
    expect(changedShare(playedPixels, openedPixels), `t=${t}`).toBeLessThan(0.001);
    expect(opened.errors).toEqual([]);
    await opened.page.context().close();
  });

  it('a change made while playing slowly through the injection is shown and reported ready while it plays', async () => {
    // Three frames a second of procedure time 0.3 s apart: every frame needs cement the frame before
    // did not have. The first frame after an explicit change is meshed on the page, so it is complete.
    // Opened in the injection, the first picture waits for the simulation: on a loaded machine (the
    // calibration tests beside it) that took more than 30 s.
    const { page, errors } = await openApp(browser, `${QUERY}&t=38`, undefined, 90_000);
    await page.evaluate(CLOCK_GATE);
    await page.evaluate(() => {
      window.__clock!('coarse');
      window.spinecast!.play();
    });
    await page.waitForFunction(() => window.spinecast!.getState().t >= 39, undefined, { timeout: 60_000, polling: 20 });
    const before = await page.evaluate(() => window.spinecast!.getState());
    expect(before.step).toBe('inject');
    // A lecturer changes the view mid-injection; the page must say when that picture is on screen.
    const shown = await page.evaluate(
      () =>
        new Promise<{ t: number; step: string; playing: boolean } | null>((resolve) => {
          const root = document.documentElement;
          const api = window.spinecast!;
          api.set({ view: '3d' });
          const check = () => {
            const s = api.getState();
            if (root.dataset.ready === 'true') resolve({ t: s.t, step: s.step, playing: s.playing });
            else if (!s.playing || s.step !== 'inject') resolve(null);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
    );
    // Ready while still playing the injection: not only once it had ended and the cement stood still.
    expect(shown, 'ready only after the injection ended').not.toBeNull();
    expect(shown!.playing).toBe(true);
    expect(shown!.t).toBeLessThan(before.t + 3);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
