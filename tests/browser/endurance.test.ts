/**
 * What a day of use does to the page: real-time playback on slow frames, many switches without new
 * WebGL contexts, and piles of bad settings without a pile of notices. One page for the whole file.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countWebGLContexts, launchChromium } from '../../scripts/lib/chromium.ts';
import { DESKTOP, canvasPixels } from './helpers.ts';

/**
 * Counts 3D labels (drei `Html` hosts: a div positioned by a translate3d from the origin) appended to a
 * second parent. A host that moves gets a second React root in the same element, and the two roots
 * remove each other's nodes later.
 */
function countLabelHostMoves(): void {
  const parents = new WeakMap<Node, Node>();
  const w = window as unknown as { __labelHostMoves: number };
  w.__labelHostMoves = 0;
  const append = Object.getOwnPropertyDescriptor(Node.prototype, 'appendChild')!.value as (this: Node, child: Node) => Node;
  Element.prototype.appendChild = function <T extends Node>(this: Element, child: T): T {
    if (child instanceof HTMLDivElement && child.style.transformOrigin.startsWith('0')) {
      const before = parents.get(child);
      if (before && before !== this) w.__labelHostMoves++;
      parents.set(child, this);
    }
    return append.call(this, child) as T;
  };
}

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const waitReady = () => page.waitForSelector('html[data-ready="true"]', { timeout: 90_000, state: 'attached' });

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext({ ...DESKTOP, viewport: { width: 800, height: 560 } });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.addInitScript(countWebGLContexts);
  await page.addInitScript(countLabelHostMoves);
  await page.goto(`${inject('baseUrl')}?procedure=vp&level=L1`);
  await waitReady();
});
afterAll(async () => {
  await browser?.close();
});

describe('a long day on one page', () => {
  it('playback follows wall time on slow frames: about 10 s of t in 10 s', async () => {
    const cdp = await page.context().newCDPSession(page);
    const f0 = await page.evaluate(() => window.__spinecastRenderStats!.frames);
    await page.evaluate(() => window.spinecast!.play());
    await page.waitForFunction((f) => window.__spinecastRenderStats!.frames >= f + 2, f0, { timeout: 60_000 });
    // Frames must take well over 0.1 s each; slow the page down unless this machine already does.
    const probe0 = await page.evaluate(() => ({ f: window.__spinecastRenderStats!.frames, w: performance.now() }));
    await page.waitForTimeout(1500);
    const probe1 = await page.evaluate(() => ({ f: window.__spinecastRenderStats!.frames, w: performance.now() }));
    const frameSeconds = (probe1.w - probe0.w) / 1000 / Math.max(1, probe1.f - probe0.f);
    if (frameSeconds < 0.25) await cdp.send('Emulation.setCPUThrottlingRate', { rate: Math.min(4, Math.ceil(0.4 / frameSeconds)) });
    // t and the wall clock read together just after a frame is drawn (an animation-frame poll that
    // waits for the frame count to move): read at any other moment, t is as old as the last frame,
    // and one stall of a second or more before the first reading alone would look like a clock that
    // runs fast. Both readings come equally late after their frame, so that lag cancels out.
    type Reading = { t: number; wall: number; frames: number };
    const afterNextFrame = async (frames: number): Promise<Reading> => {
      const handle = await page.waitForFunction(
        (f) => {
          const stats = window.__spinecastRenderStats!;
          return stats.frames > f ? { t: window.spinecast!.getState().t, wall: performance.now(), frames: stats.frames } : false;
        },
        frames,
        { polling: 'raf', timeout: 60_000 },
      );
      return (await handle.jsonValue()) as Reading;
    };
    await page.waitForTimeout(1000);
    const start = await afterNextFrame(await page.evaluate(() => window.__spinecastRenderStats!.frames));
    // At least 10 s and three frames (a busy machine under throttling may draw less than one a second).
    await page.waitForTimeout(10_000);
    const end = await afterNextFrame(Math.max(start.frames + 2, await page.evaluate(() => window.__spinecastRenderStats!.frames)));
    await page.evaluate(() => window.spinecast!.pause());
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const wall = (end.wall - start.wall) / 1000;
    const fps = (end.frames - start.frames) / wall;
    expect(end.frames - start.frames).toBeGreaterThanOrEqual(3);
    console.log(`playback: ${(end.t - start.t).toFixed(2)} s of t in ${wall.toFixed(2)} s at ${fps.toFixed(1)} fps`);
    expect(Math.abs(end.t - start.t - wall)).toBeLessThan(Math.max(0.6, 1.5 / fps));
    expect(wall).toBeGreaterThan(9.5);
  });

  it('24 procedure and level switches create no new WebGL context', async () => {
    // The second pane is made once, the first time compare is shown.
    await page.evaluate(() => window.spinecast!.set({ procedure: 'compare' }));
    await waitReady();
    const before = await page.evaluate(() => (window as unknown as { __contexts: number }).__contexts);
    const procedures = ['vp', 'bkp', 'compare'];
    const levels = ['L1', 'L2', 'T12', 'L3'];
    for (let i = 0; i < 24; i++) {
      const patch = i % 2 === 0 ? { procedure: procedures[(i / 2) % 3] } : { level: levels[((i - 1) / 2) % 4] };
      await page.evaluate((p) => window.spinecast!.set(p), patch);
      await waitReady();
    }
    const after = await page.evaluate(() => (window as unknown as { __contexts: number }).__contexts);
    expect(before).toBeGreaterThanOrEqual(2);
    expect(after).toBe(before);
    // Every 3D label stayed in the element it was first put in (the second pane's included).
    expect(await page.evaluate(() => (window as unknown as { __labelHostMoves: number }).__labelHostMoves)).toBe(0);
    // And the picture is there.
    expect((await canvasPixels(page)).foreground).toBeGreaterThan(0.05);
    expect(pageErrors).toEqual([]);
  }, 400_000);

  it('Pause and at once another procedure: the page becomes ready for it', async () => {
    // The soak's hang: the report of the frame drawn at Pause was on its way when the pane became the
    // other procedure's, and the one frame drawn after the switch was reported under the old name
    // (frameReports.ts; its unit test pins the rule). Before the fix this failed in round 2.
    for (let round = 0; round < 4; round++) {
      await page.evaluate(() => window.spinecast!.set({ procedure: 'vp' }));
      await waitReady();
      await page.evaluate(() => window.spinecast!.play());
      await page.waitForTimeout(2500);
      await page.evaluate(() => window.spinecast!.pause());
      await page.evaluate(() => window.spinecast!.set({ procedure: 'bkp' }));
      const ready = await page.waitForSelector('html[data-ready="true"]', { timeout: 20_000, state: 'attached' }).then(
        () => true,
        () => false,
      );
      expect(ready, `round ${round + 1}`).toBe(true);
    }
    expect(pageErrors).toEqual([]);
  }, 200_000);

  it('200 bad set() calls leave at most a few notices, short ones', async () => {
    const nodesBefore = await page.evaluate(() => document.getElementsByTagName('*').length);
    await page.evaluate(() => {
      for (let i = 0; i < 200; i++) window.spinecast!.set({ [`unknown${i}${'n'.repeat(i * 50)}`]: 'v'.repeat(i * 50), grade: 'nine' });
    });
    const notices = page.locator('.notice');
    expect(await notices.count()).toBeLessThanOrEqual(3);
    const box = await page.locator('.notices').boundingBox();
    expect(box!.height).toBeLessThan(400);
    expect(await page.locator('[data-notice="query"]').getAttribute('data-source')).toBe('api');
    expect(await page.locator('[data-notice="query"]').textContent()).toContain('script on this page');
    const nodesAfter = await page.evaluate(() => document.getElementsByTagName('*').length);
    expect(nodesAfter - nodesBefore).toBeLessThan(30);
    expect(pageErrors).toEqual([]);
  });
});
