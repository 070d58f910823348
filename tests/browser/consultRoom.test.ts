/**
 * Consult-room layouts: panels opened from the header are never covered, narrow windows reflow with a
 * usable 3D view, tablets in both orientations, one h1, and focus never drops to the page body.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { DESKTOP, PHONE, openApp, openResults, waitReady } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Controls of the open fracture panel that the topmost element at their centre is not. */
async function coveredControls(page: Page): Promise<string[]> {
  const count = await page.locator('.case-panel').locator('select, button').count();
  const covered: string[] = [];
  for (let i = 0; i < count; i++) {
    const control = page.locator('.case-panel').locator('select, button').nth(i);
    // As a user would: bring it into sight within the panel first.
    await control.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
    const hit = await control.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const inside = x >= 0 && y >= 0 && x <= window.innerWidth && y <= window.innerHeight;
      const top = document.elementFromPoint(x, y);
      return inside && top !== null && (top === el || el.contains(top));
    });
    if (!hit) covered.push((await control.textContent()) ?? `#${i}`);
  }
  return covered;
}

async function activeIsBody(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement === null || document.activeElement === document.body);
}

describe('consult-room layouts', () => {
  it('the fracture panel is never covered: every option can be reached at 390 px and at 1280×800', async () => {
    const { page, errors } = await openApp(browser, '', PHONE);
    for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(size);
      await page.locator('.button--case').click();
      expect(await page.locator('.case-panel [role="radio"]').count()).toBe(8);
      expect(await coveredControls(page)).toEqual([]);
      // "Done" reached by keyboard is in sight and on top.
      await page.locator('.case-panel .button--primary').focus();
      const done = await page.locator('.case-panel .button--primary').boundingBox();
      expect(done!.y + done!.height).toBeLessThanOrEqual(size.height);
      await page.locator('.case-panel .button--primary').click();
      expect(await page.locator('.case-panel').count()).toBe(0);
    }
    await page.locator('.button--case').click();
    await page.locator('.case-panel').getByRole('radio', { name: /Crush/ }).click();
    await waitReady(page);
    expect(await page.evaluate(() => window.spinecast!.getState().shape)).toBe('crush');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('320 px reflow (400% zoom) and tablets: no sideways scrolling, a 3D view of usable height', async () => {
    const { page, errors } = await openApp(browser, '', { viewport: { width: 320, height: 256 }, deviceScaleFactor: 1 });
    // At 320×256 the page scrolls to everything below the view: the caption and the transport.
    await page.getByRole('button', { name: 'Next step' }).scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Next step' }).click();
    await waitReady(page);
    expect(await page.locator('.caption').getAttribute('data-step')).toBe('anaesthesia');
    for (const [width, height, minView] of [[320, 256, 220], [320, 640, 300], [768, 1024, 500], [1024, 768, 380]] as const) {
      await page.setViewportSize({ width, height });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // The canvas follows its box after a resize observer fires: poll for it.
      await expect.poll(async () => (await page.locator('canvas').first().boundingBox())!.height, { timeout: 10_000 }).toBeGreaterThanOrEqual(minView);
      expect((await page.locator('canvas').first().boundingBox())!.width).toBeGreaterThanOrEqual(width * 0.7);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('one h1; focus stays on a control at the last step and after dismissing a notice', async () => {
    const { page } = await openApp(browser, 'procedure=vp&step=withdraw&grade=9', DESKTOP);
    expect(await page.locator('h1').count()).toBe(1);
    await page.getByRole('button', { name: 'Next step' }).focus();
    await page.keyboard.press('Enter');
    await waitReady(page);
    expect(await page.locator('.caption').getAttribute('data-step')).toBe('set');
    expect(await activeIsBody(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Next step');
    await page.getByRole('button', { name: 'Dismiss' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.notice').count()).toBe(0);
    expect(await activeIsBody(page)).toBe(false);
    await page.context().close();
  });

  it('compare at the end: the results table is a named, focusable region and its sources can be reached', async () => {
    const { page } = await openApp(browser, 'procedure=compare&step=set', { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 }, 90_000);
    // Too short a view to hold it beside the vertebrae: asked for by its button, by touch or keyboard.
    await openResults(page);
    for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(size);
      const region = page.getByRole('region', { name: 'Measured on this model' });
      expect(await region.getAttribute('tabindex')).toBe('0');
      // Scrolled within the region, the sources' disclosure comes into sight, on top and inside the window.
      const summary = page.locator('.results__sources summary');
      await summary.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
      const sources = await summary.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + Math.min(20, r.width / 2), r.top + r.height / 2);
        return { bottom: r.bottom, onTop: top !== null && el.contains(top) };
      });
      expect(sources.onTop).toBe(true);
      expect(sources.bottom).toBeLessThanOrEqual(size.height);
    }
    await page.context().close();
  });
});
