import type { Browser } from 'playwright-core';
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

describe('state in the URL', () => {
  it('applies a good link', async () => {
    const { page, errors } = await openApp(browser, 'procedure=bkp&level=T12&grade=3&shape=crush&step=inflate&mode=educator');
    expect(await state(page)).toMatchObject({ procedure: 'bkp', level: 'T12', grade: 3, shape: 'crush', step: 'inflate', mode: 'educator' });
    expect(await page.locator('.notice').count()).toBe(0);
    expect(await page.locator('.caption__title').textContent()).toBe('Inflating the balloon');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('names every bad value in a dismissible notice and uses the defaults', async () => {
    const { page, errors } = await openApp(browser, 'procedure=surgery&level=L9&grade=7&t=-4&volume=lots&shape=wedge&colour=red');
    const notice = page.locator('.notice[data-notice="query"]');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    for (const bad of ['procedure=surgery', 'level=L9', 'grade=7', 't=-4', 'volume=lots', 'colour=red']) expect(text).toContain(bad);
    expect(text).not.toContain('shape=wedge');
    expect(await state(page)).toMatchObject({ procedure: 'vp', level: 'L1', grade: 2, shape: 'wedge', t: 0 });
    expect(await page.locator('canvas').count()).toBe(1);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.locator('.notice').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps the address bar in sync and copies a link that reproduces the view', async () => {
    const { page } = await openApp(browser, '');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate(() => window.spinecast!.set({ procedure: 'bkp', level: 'L3', grade: 1, step: 'deflate' }));
    await page.waitForFunction(() => location.search.includes('step=deflate'));
    const search = new URLSearchParams(await page.evaluate(() => location.search));
    expect(Object.fromEntries(search)).toMatchObject({ procedure: 'bkp', level: 'L3', grade: '1', step: 'deflate' });

    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied').first().waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const expected = await state(page);

    const second = await page.context().newPage();
    await second.goto(copied);
    await waitReady(second);
    const reopened = await second.evaluate(() => window.spinecast!.getState());
    expect({ ...reopened, playing: false }).toEqual({ ...expected, playing: false });
    await page.context().close();
  });
});
