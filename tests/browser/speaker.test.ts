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

describe('speaker view', () => {
  it('follows next/prev/seek in the projector window and drives it back', async () => {
    const { page, errors } = await openApp(browser, 'procedure=vp&mode=educator', { viewport: { width: 960, height: 600 }, deviceScaleFactor: 1 });
    const [speaker] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Open speaker view' }).click()]);
    const speakerErrors: string[] = [];
    speaker.on('pageerror', (e) => speakerErrors.push(String(e)));
    await speaker.waitForSelector('.speaker[data-link="live"]');
    const speakerStep = () => speaker.locator('.caption').getAttribute('data-step');
    expect(await speakerStep()).toBe('position');
    expect(await speaker.locator('.speaker__next').textContent()).toBe('Next: Numbing');
    // Clinical wording and its source on the speaker's screen.
    expect(await speaker.locator('.caption__meta').textContent()).toContain('Source:');
    // The projector shows only the view and the caption.
    await page.waitForFunction(() => !document.querySelector('.topbar')?.checkVisibility());
    expect(await page.locator('.caption').isVisible()).toBe(true);

    await page.evaluate(() => window.spinecast!.next());
    await speaker.waitForFunction(() => document.querySelector('.caption')?.getAttribute('data-step') === 'anaesthesia');
    await page.evaluate(() => window.spinecast!.goToStep('inject'));
    await speaker.waitForFunction(() => document.querySelector('.caption')?.getAttribute('data-step') === 'inject');
    await page.evaluate(() => window.spinecast!.prev());
    await speaker.waitForFunction(() => document.querySelector('.caption')?.getAttribute('data-step') === 'mix');
    await page.evaluate(() => window.spinecast!.seek(12.5));
    await speaker.waitForFunction(() => Number((document.querySelector('.scrubber__input') as HTMLInputElement).value) === 12.5);

    // Driving back: the speaker's buttons move the projector.
    const before = (await state(page)).stepIndex;
    await speaker.getByRole('button', { name: 'Next step' }).click();
    await page.waitForFunction((i) => window.spinecast!.getState().stepIndex === i + 1, before);
    await speaker.getByRole('button', { name: 'Previous step' }).click();
    await page.waitForFunction((i) => window.spinecast!.getState().stepIndex === i, before);
    await speaker.locator('.step-list').getByRole('button', { name: 'Needle out' }).click();
    await page.waitForFunction(() => window.spinecast!.getState().step === 'withdraw');
    await speaker.getByRole('button', { name: 'Black screen' }).click();
    await page.locator('.blackout').waitFor();
    await speaker.getByRole('button', { name: 'Black screen' }).click();
    await page.locator('.blackout').waitFor({ state: 'detached' });
    await waitReady(page);
    expect(errors).toEqual([]);
    expect(speakerErrors).toEqual([]);
    await page.context().close();
  }, 200_000);
});
