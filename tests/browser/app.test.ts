import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { canvasPixels, changedShare, openApp, state, waitReady } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the app in Chromium', () => {
  it('loads with no console errors, no outside requests, and draws a real picture', async () => {
    const { page, errors, external } = await openApp(browser);
    expect(await page.getAttribute('html', 'data-webgl')).toBe('true');
    expect(await page.locator('.caption__title').textContent()).toBe('Positioning');
    const pixels = await canvasPixels(page);
    expect(pixels.width).toBeGreaterThan(300);
    // Anatomy covers a good part of the view, lit and shaded (many colours), not a flat fill.
    expect(pixels.foreground).toBeGreaterThan(0.05);
    expect(pixels.distinctColours).toBeGreaterThan(50);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it('the picture follows the step: the needle appears once it is in the body', async () => {
    const { page, errors } = await openApp(browser);
    const before = await canvasPixels(page);
    // data-ready drops at once on a change and comes back only after a frame of the new state.
    const readyRightAfter = await page.evaluate(() => {
      window.spinecast!.goToStep('inject');
      return document.documentElement.getAttribute('data-ready');
    });
    expect(readyRightAfter).toBeNull();
    await waitReady(page);
    const after = await canvasPixels(page);
    expect(changedShare(before, after)).toBeGreaterThan(0.005);
    // Same state again gives the same picture (deterministic rendering).
    await page.evaluate(() => window.spinecast!.goToStep('position'));
    await waitReady(page);
    const again = await canvasPixels(page);
    expect(changedShare(before, again)).toBeLessThan(0.001);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('plays: t advances, the step changes and playback can be paused', async () => {
    const { page } = await openApp(browser, 'procedure=vp&step=dock');
    await page.evaluate(() => window.spinecast!.play());
    await page.waitForFunction(() => window.spinecast!.getState().t > 0.5, undefined, { timeout: 20_000 });
    await page.evaluate(() => window.spinecast!.pause());
    const s = await state(page);
    expect(s.playing).toBe(false);
    expect(s.t).toBeGreaterThan(0.5);
    const t = s.t;
    await page.waitForTimeout(300);
    expect((await state(page)).t).toBe(t);
    await page.context().close();
  });
});
