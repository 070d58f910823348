import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { captionStep, openApp, state, waitReady } from './helpers.ts';

describe('without WebGL', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium({ webgl: false });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('says so clearly, and the steps and captions still work', async () => {
    const { page, errors, external } = await openApp(browser, 'procedure=bkp');
    expect(await page.getAttribute('html', 'data-webgl')).toBe('false');
    expect(await page.locator('canvas').count()).toBe(0);
    await page.getByRole('heading', { name: 'The 3D view cannot be shown on this device' }).waitFor();
    await page.locator('.step-list').getByRole('button', { name: 'Inflating the balloon' }).click();
    await waitReady(page);
    expect(await captionStep(page)).toBe('inflate');
    await page.keyboard.press('PageDown');
    await waitReady(page);
    expect((await state(page)).step).toBe('deflate');
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});

describe('when the WebGL context is lost', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('pauses with a message, then recovers when the context is restored', async () => {
    const { page } = await openApp(browser, 'procedure=vp');
    await page.evaluate(() => window.spinecast!.play());
    await page.evaluate(() => {
      const gl = document.querySelector('canvas')!.getContext('webgl2')!;
      const ext = gl.getExtension('WEBGL_lose_context')!;
      (window as unknown as { loseExt: WEBGL_lose_context }).loseExt = ext;
      ext.loseContext();
    });
    await page.locator('[data-notice="notice.contextLost"]').waitFor();
    expect((await state(page)).playing).toBe(false);
    expect(await page.getAttribute('html', 'data-webgl')).toBe('lost');

    await page.evaluate(() => (window as unknown as { loseExt: WEBGL_lose_context }).loseExt.restoreContext());
    await page.locator('[data-notice="notice.contextRestored"]').waitFor();
    expect(await page.locator('[data-notice="notice.contextLost"]').count()).toBe(0);
    expect(await page.getAttribute('html', 'data-webgl')).toBe('true');
    await page.evaluate(() => window.spinecast!.goToStep('inject'));
    await waitReady(page);
    expect((await state(page)).step).toBe('inject');
    await page.context().close();
  });
});

describe('when a model file is missing', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a clear message instead of the 3D view, is not "ready", and the rest keeps working', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/models/spine/L1.glb', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await page.goto(`${inject('baseUrl')}?procedure=vp&level=L1`);
    await page.getByRole('heading', { name: 'The 3D spine could not be loaded' }).waitFor({ timeout: 60_000 });
    expect(await page.getAttribute('html', 'data-ready')).toBeNull();
    expect(await page.getAttribute('html', 'data-error')).toBe('model-load');
    await page.locator('.step-list').getByRole('button', { name: 'Injecting cement' }).click();
    await expect.poll(() => captionStep(page)).toBe('inject');
    expect(await page.getAttribute('html', 'data-ready')).toBeNull();
    await context.close();
  });
});
