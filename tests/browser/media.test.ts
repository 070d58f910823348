import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { openApp, state, waitReady } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Small window: the pictures are drawn at their own size, whatever the window. */
const SMALL = { viewport: { width: 960, height: 600 }, deviceScaleFactor: 1 };

/** Share of pixels in a region clearly unlike the app's background (#1b2030), and their colours. */
function content(png: PNG, x0: number, x1: number, y0: number, y1: number): { share: number; colours: number } {
  let fg = 0;
  const colours = new Set<number>();
  for (let y = y0; y < y1; y += 2) {
    for (let x = x0; x < x1; x += 2) {
      const i = (y * png.width + x) * 4;
      const r = png.data[i]!, g = png.data[i + 1]!, b = png.data[i + 2]!;
      if (Math.abs(r - 0x1b) + Math.abs(g - 0x20) + Math.abs(b - 0x30) > 40) fg++;
      colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
    }
  }
  return { share: fg / (((x1 - x0) / 2) * ((y1 - y0) / 2)), colours: colours.size };
}

describe('pictures and clips', () => {
  it('capture() gives a 1920×1080 PNG of both compare panes, and record() a clip that plays for 4 s', async () => {
    const { page, errors } = await openApp(browser, 'procedure=vp&step=pedicle&mode=educator', SMALL);
    // Compare draws two panes and simulates two cement cases: give a loaded machine time.
    await page.evaluate(() => window.spinecast!.set({ procedure: 'compare' }));
    await page.waitForSelector('html[data-ready="true"]', { timeout: 100_000, state: 'attached' });
    const bytes = await page.evaluate(async () => {
      const blob = await window.spinecast!.capture({ width: 1920, height: 1080, caption: true });
      return { type: blob.type, data: Array.from(new Uint8Array(await blob.arrayBuffer())) };
    });
    expect(bytes.type).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(bytes.data));
    expect([png.width, png.height]).toEqual([1920, 1080]);
    // Each pane (left and right half, above the caption) shows anatomy, not an empty background.
    for (const [x0, x1] of [[0, 958], [962, 1920]] as const) {
      const half = content(png, x0, x1, 0, 700);
      expect(half.share).toBeGreaterThan(0.15);
      expect(half.colours).toBeGreaterThan(60);
    }
    // Drawing it left the screen as it was: still ready, same state.
    expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBe('true');
    expect((await state(page)).step).toBe('pedicle');

    await page.evaluate(() => window.spinecast!.set({ procedure: 'vp' }));
    await waitReady(page);
    const before = await state(page);
    const clip = await page.evaluate(async () => {
      const progress: number[] = [];
      const blob = await window.spinecast!.record({ from: 0, to: 4, fps: 10, width: 320, height: 180, onProgress: (p) => progress.push(p) });
      const video = document.createElement('video');
      video.src = URL.createObjectURL(blob);
      await new Promise((resolve, reject) => {
        video.onloadedmetadata = resolve;
        video.onerror = () => reject(new Error('the clip does not load'));
      });
      return { type: blob.type, duration: video.duration, width: video.videoWidth, height: video.videoHeight, progress };
    });
    expect(clip.type).toBe('video/webm');
    expect(clip.duration).toBeCloseTo(4, 2);
    expect([clip.width, clip.height]).toEqual([320, 180]);
    expect(clip.progress).toHaveLength(40);
    expect(clip.progress.at(-1)).toBe(1);
    await waitReady(page);
    expect((await state(page)).t).toBe(before.t);

    // Cancelling stops the recording with a 'cancelled' error, and bad sizes are refused.
    const outcomes = await page.evaluate(async () => {
      const controller = new AbortController();
      const cancelled = await window
        .spinecast!.record({ from: 0, to: 4, fps: 10, width: 320, height: 180, signal: controller.signal, onProgress: () => controller.abort() })
        .then(() => 'finished', (e: { code?: string }) => e.code);
      const bad = await window.spinecast!.capture({ width: 0, height: 1080 }).then(() => 'drawn', (e: { code?: string }) => e.code);
      return { cancelled, bad };
    });
    expect(outcomes).toEqual({ cancelled: 'cancelled', bad: 'bad-args' });
    expect(errors).toEqual([]);
    await page.context().close();
    // Compare's two simulations and 41 drawn frames take minutes on a loaded 2-core machine.
  }, 400_000);
});
