/**
 * Faults a clinic network produces: a damaged model, a missing index, a lost graphics context. Each
 * must give a clear message, no page error, no false `data-ready`, and recovery once the cause is gone.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import type { FaultServer } from './faultServer.ts';
import { startFaultServer } from './faultServer.ts';
import { DESKTOP, canvasPixels, changedShare, openPage } from './helpers.ts';

let browser: Browser;
let server: FaultServer;
beforeAll(async () => {
  browser = await launchChromium();
  server = await startFaultServer(join(import.meta.dirname, '../../dist'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Collects the API's 'error' events from the moment the app installs it (a string: see helpers.openPage). */
const COLLECT_ERRORS = `(() => {
  window.__errors = [];
  Object.defineProperty(window, 'spinecast', {
    configurable: true,
    get: () => window.__api,
    set(api) {
      window.__api = api;
      api.on('error', (p) => window.__errors.push(p));
    },
  });
})()`;

/** Opens the app without waiting for readiness; the failed fetches log console errors on purpose, so only page errors count. */
const open = (query: string) => openPage(browser, query, DESKTOP, { url: server.url, init: COLLECT_ERRORS });

/** The machine may be busy: allow longer than the shared helper does. */
const waitReady = (page: Page) => page.waitForSelector('html[data-ready="true"]', { timeout: 90_000, state: 'attached' });

const errorCodes = (page: Page) => page.evaluate(() => (window as unknown as { __errors: { code: string }[] }).__errors.map((e) => e.code));
const ready = (page: Page) => page.getAttribute('html', 'data-ready');

describe('a damaged or missing file', () => {
  it('a damaged model: message, no false readiness, then the picture once the file is back and Retry is pressed', async () => {
    server.setFault('/models/spine/L2.glb', 'corrupt');
    const { page, pageErrors } = await open('procedure=vp&level=L1');
    await page.locator('.fault-panel').waitFor({ timeout: 30_000 });
    expect(await page.getAttribute('.fault-panel', 'data-fault')).toBe('model-load');
    expect(await page.getAttribute('html', 'data-error')).toContain('model-load');
    expect(await ready(page)).toBeNull();
    expect(await errorCodes(page)).toContain('model-load');
    // Still not ready after the retries of the first round have run out.
    await page.waitForTimeout(1500);
    expect(await ready(page)).toBeNull();

    server.setFault('/models/spine/L2.glb', null);
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitReady(page);
    expect(await page.locator('.fault-panel').count()).toBe(0);
    expect(await page.getAttribute('html', 'data-error')).toBeNull();
    expect((await canvasPixels(page)).foreground).toBeGreaterThan(0.05);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('a missing index: message, then the picture on its own once the file is back', async () => {
    server.setFault('/models/spine/index.json', 'missing');
    const { page, pageErrors } = await open('procedure=bkp&level=L2');
    await page.locator('.fault-panel[data-fault="index-load"]').waitFor({ timeout: 30_000 });
    expect(await ready(page)).toBeNull();
    expect(await errorCodes(page)).toContain('index-load');
    // The steps still work without the 3D view.
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.locator('.caption').getAttribute('data-step')).not.toBe('prep');
    expect(await ready(page)).toBeNull();

    server.setFault('/models/spine/index.json', null);
    await waitReady(page);
    expect(await page.locator('.fault-panel').count()).toBe(0);
    expect((await canvasPixels(page)).foreground).toBeGreaterThan(0.05);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});

/** Loses (or restores) the WebGL context of every canvas on the page. */
async function contexts(page: Page, action: 'lose' | 'restore'): Promise<void> {
  await page.evaluate((what) => {
    const w = window as unknown as { __lose?: WEBGL_lose_context[] };
    if (what === 'lose') {
      w.__lose = [...document.querySelectorAll('canvas')]
        .filter((c) => c.offsetParent !== null)
        .map((c) => c.getContext('webgl2')!.getExtension('WEBGL_lose_context')!);
      for (const e of w.__lose) e.loseContext();
    } else for (const e of w.__lose ?? []) e.restoreContext();
  }, action);
}

describe('a lost graphics context', () => {
  it('compare with the X-ray pair: both panes and both X-ray pictures come back without input', async () => {
    const { page, pageErrors } = await open('procedure=compare&level=L1&view=split&step=inject');
    await waitReady(page);
    // Notices over the panes would count as changed pixels: keep them out of the pictures.
    await page.addStyleTag({ content: '.notices { display: none !important; }' });
    const before = [await canvasPixels(page, 0), await canvasPixels(page, 1)];
    await contexts(page, 'lose');
    await page.locator('[data-notice="notice.contextLost"]').waitFor({ state: 'attached' });
    expect(await ready(page)).toBeNull();
    expect(await page.getAttribute('html', 'data-error')).toBe('webgl-lost');
    expect(await errorCodes(page)).toContain('webgl-lost');

    await contexts(page, 'restore');
    await waitReady(page);
    expect(await page.getAttribute('html', 'data-error')).toBeNull();
    for (const i of [0, 1]) {
      const after = await canvasPixels(page, i);
      // The same state, drawn again in full: 3D view and both X-ray pictures.
      expect(changedShare(before[i]!, after)).toBeLessThan(0.01);
    }
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
