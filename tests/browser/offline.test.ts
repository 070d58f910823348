/**
 * After one visit the app works with the network gone, a level never opened included; in kiosk
 * mode it plays on its own, loops through the procedures and hides what a passer-by should not use.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import type { FaultServer } from './faultServer.ts';
import { startFaultServer } from './faultServer.ts';
import { DESKTOP, canvasPixels } from './helpers.ts';

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

const waitReady = (page: Page) => page.waitForSelector('html[data-ready="true"]', { timeout: 90_000, state: 'attached' });

describe('offline after one visit', () => {
  it('reloads with the network gone and opens a level it never showed', async () => {
    server.setDown(false);
    // A fresh context: no service worker from an earlier build.
    const context = await browser.newContext({ ...DESKTOP, viewport: { width: 800, height: 560 }, serviceWorkers: 'allow' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${server.url}?procedure=vp&level=L1`);
    await waitReady(page);
    // The worker installs (and precaches everything) after the first picture.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
    expect(await page.evaluate(async () => (await caches.keys()).length)).toBeGreaterThan(0);
    expect(server.requests.some((p) => p.endsWith('/models/spine/T8.glb'))).toBe(true);

    server.setDown(true);
    const before = server.requests.length;
    await page.reload();
    await waitReady(page);
    expect((await canvasPixels(page)).foreground).toBeGreaterThan(0.05);
    // T8 was precached, never shown.
    await page.evaluate(() => window.spinecast!.set({ level: 'T8', procedure: 'bkp' }));
    await waitReady(page);
    expect(await page.locator('.fault-panel').count()).toBe(0);
    expect(await page.getAttribute('html', 'data-error')).toBeNull();
    expect((await canvasPixels(page)).foreground).toBeGreaterThan(0.05);
    // Nothing the app needs reached the server: only the browser's own checks for a newer worker
    // and manifest, which fail quietly.
    expect(server.requests.slice(before).filter((p) => !/\/(sw\.js|manifest\.webmanifest)$/.test(p))).toEqual([]);
    expect(pageErrors).toEqual([]);
    server.setDown(false);
    await context.close();
  });
});

describe('kiosk', () => {
  it('plays on its own, moves on to the next procedure, and hides copy link and expert settings', async () => {
    server.setDown(false);
    const context = await browser.newContext({ ...DESKTOP, viewport: { width: 800, height: 560 } });
    const page = await context.newPage();
    // Two seconds before the end of vertebroplasty, in educator mode (which has the expert panel).
    await page.goto(`${server.url}?kiosk=1&procedure=vp&mode=educator&step=set`);
    await waitReady(page);
    // Playing on its own; on a slow machine the last step's 6 s may already be over by the time the
    // picture is ready, and the kiosk then holds the end before moving on.
    const first = await page.evaluate(() => window.spinecast!.getState());
    expect(first.playing || first.t >= first.duration - 1e-6, `t=${first.t} of ${first.duration}`).toBe(true);
    expect(await page.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
    expect(await page.locator('.leva-c-kWgxhW, [class*="leva"]').count()).toBe(0);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.waitForFunction(() => window.spinecast!.getState().procedure === 'bkp', undefined, { timeout: 150_000 });
    const s = await page.evaluate(() => window.spinecast!.getState());
    expect(s.playing).toBe(true);
    expect(s.t).toBeLessThan(20);
    expect(new URL(page.url()).searchParams.get('kiosk')).toBe('1');
    await context.close();
  });
});
