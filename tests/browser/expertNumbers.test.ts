/**
 * The expert panel's number fields in German: values written with a decimal comma, "3,5" and "3.5"
 * both read, out-of-range values kept in range with a message, arrow keys stepping, the slider beside
 * the field working by keyboard and touch, and axe-core clean with the panel open. One page for all.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { openApp, state } from './helpers.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const DE = JSON.parse(readFileSync(new URL('../../src/i18n/locales/de.json', import.meta.url), 'utf8')) as Record<string, string>;
const SMALL_TOUCH = { viewport: { width: 960, height: 600 }, deviceScaleFactor: 1, hasTouch: true, bypassCSP: true };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until the store holds `value` for `key` (each field writes through the store's verbs). */
async function settles(page: Page, key: 'volume' | 'rate' | 'seed', value: number): Promise<void> {
  await page.waitForFunction(([k, v]) => window.spinecast!.getState()[k] === v, [key, value] as const, { timeout: 20_000 });
}

async function typeInto(field: Locator, text: string): Promise<void> {
  await field.fill(text);
  await field.press('Enter');
}

describe('expert panel numbers in German', () => {
  it('shows a decimal comma, reads "3,5" and "3.7", keeps values in range, steps with arrows and the slider', async () => {
    const { page, errors } = await openApp(browser, 'lang=de&mode=educator&procedure=vp', SMALL_TOUCH, 90_000);
    await page.getByRole('button', { name: DE['debug.title'] }).click();
    await page.locator('.expert__panel').waitFor();

    const volume = page.getByRole('spinbutton', { name: DE['debug.volume'] });
    const slider = page.getByRole('slider', { name: DE['debug.volume'] });
    const rate = page.getByRole('spinbutton', { name: DE['debug.rate'] });
    const seed = page.getByRole('spinbutton', { name: DE['debug.seed'] });

    // The values on screen: a decimal comma, the unit beside the value, never a decimal point.
    const planned = (await state(page)).volume;
    expect(await volume.inputValue()).toMatch(/^\d+,\d$/);
    expect(Number((await volume.inputValue()).replace(',', '.'))).toBeCloseTo(planned, 1);
    expect(await rate.inputValue()).toBe('1,00');
    expect(await seed.inputValue()).toBe('1');
    expect(await volume.locator('..').textContent()).toContain('ml');
    for (const field of [volume, slider, rate, seed]) expect((await field.boundingBox())!.height, await field.getAttribute('type') ?? '').toBeGreaterThanOrEqual(44);

    // Typed the German way, and the English way.
    await typeInto(volume, '3,5');
    await settles(page, 'volume', 3.5);
    expect(await volume.inputValue()).toBe('3,5');
    expect(await volume.getAttribute('aria-valuetext')).toBe('3,5 ml');
    // The address bar follows after a short pause (urlSync.ts).
    await page.waitForFunction(() => new URLSearchParams(location.search).get('volume') === '3.5', undefined, { timeout: 5_000 });
    await typeInto(volume, '3.7');
    await settles(page, 'volume', 3.7);
    expect(await volume.inputValue()).toBe('3,7');

    // Arrow keys step by the step (0.1 mL).
    await volume.press('ArrowUp');
    await settles(page, 'volume', 3.8);
    expect(await volume.inputValue()).toBe('3,8');

    // Out of range: kept at the maximum, and the field says so.
    await typeInto(volume, '25');
    await settles(page, 'volume', 10);
    expect(await volume.inputValue()).toBe('10,0');
    const message = page.locator(`#${await volume.getAttribute('aria-describedby')}`);
    expect(await message.textContent()).toBe(DE['debug.number.kept']!.replace('{min}', '0,5').replace('{max}', '10'));

    // Not a number: the value stays, with a message.
    await typeInto(volume, 'viel');
    expect(await volume.inputValue()).toBe('10,0');
    expect(await message.textContent()).toContain('„viel“');
    expect((await state(page)).volume).toBe(10);

    // The slider: keys, then a tap near its start.
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await settles(page, 'volume', 9.9);
    expect(await volume.inputValue()).toBe('9,9');
    const box = (await slider.boundingBox())!;
    await page.touchscreen.tap(box.x + 3, box.y + box.height / 2);
    await page.waitForFunction(() => window.spinecast!.getState().volume < 1.5, undefined, { timeout: 20_000 });
    expect(await volume.inputValue()).toMatch(/^[01],\d$/);

    // Playback speed steps by 0.25 and is written "1,25"; the seed takes whole numbers from 0.
    await rate.press('ArrowUp');
    await settles(page, 'rate', 1.25);
    expect(await rate.inputValue()).toBe('1,25');
    await typeInto(seed, '-4');
    await settles(page, 'seed', 0);
    expect(await seed.inputValue()).toBe('0');
    const seedMessage = page.locator(`#${await seed.getAttribute('aria-describedby')}`);
    expect(await seedMessage.textContent()).toBe(DE['debug.number.keptMin']!.replace('{min}', '0'));
    // A value set elsewhere (the API, the URL) retires what the field said about the old one.
    await page.evaluate(() => window.spinecast!.set({ seed: 7 }));
    await expect.poll(() => seed.inputValue()).toBe('7');
    expect(await seedMessage.textContent()).toBe('');

    // A language switched with the panel open: the same fields, now in English with a decimal point.
    await page.evaluate(() => window.spinecast!.set({ volume: 4.5, lang: 'en' }));
    const english = page.getByRole('spinbutton', { name: 'Cement volume (mL)' });
    await english.waitFor();
    await page.waitForFunction(() => document.querySelectorAll<HTMLInputElement>('.expert input[role="spinbutton"]')[1]?.value === '4.5', undefined, { timeout: 10_000 });
    expect(await english.getAttribute('aria-valuetext')).toBe('4.5 mL');
    expect(await page.getByRole('spinbutton', { name: 'Playback speed (×)' }).inputValue()).toBe('1.25');
    await page.evaluate(() => window.spinecast!.set({ lang: 'de' }));
    await page.waitForFunction(() => document.querySelectorAll<HTMLInputElement>('.expert input[role="spinbutton"]')[1]?.value === '4,5', undefined, { timeout: 10_000 });

    // axe-core with the panel open and a message showing (WCAG 2.2 AA and best practice).
    await typeInto(seed, '-1');
    await expect.poll(() => seedMessage.textContent()).not.toBe('');
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      });
      return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
