import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { openApp, state, waitReady } from './helpers.ts';

/** Small, to keep the software renderer quick; still the desktop layout. */
const SMALL = { viewport: { width: 960, height: 600 }, deviceScaleFactor: 1 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function stepIndex(page: Page): Promise<number> {
  await waitReady(page);
  return (await state(page)).stepIndex;
}

/** Mean brightness (0–255) of the page as shown, sampled at a quarter of its size. */
async function pageBrightness(page: Page): Promise<number> {
  const png = PNG.sync.read(await page.screenshot({ scale: 'css', clip: { x: 0, y: 0, width: 960, height: 600 }, animations: 'disabled' }));
  let sum = 0;
  for (let i = 0; i < png.data.length; i += 4) sum += png.data[i]! + png.data[i + 1]! + png.data[i + 2]!;
  return sum / (png.data.length / 4) / 3;
}

describe('presenter mode', () => {
  it('F, B and ".", H and ? do what they say, and the clicker keys step in every state', async () => {
    const { page, errors } = await openApp(browser, 'procedure=vp&mode=educator', SMALL);
    await page.locator('.caption').click();
    const fullscreen = () => page.evaluate(() => document.fullscreenElement !== null);

    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null);
    await page.keyboard.press('PageDown');
    expect(await stepIndex(page)).toBe(1);
    await page.keyboard.press('F');
    await page.waitForFunction(() => document.fullscreenElement === null);
    expect(await fullscreen()).toBe(false);

    const lit = await pageBrightness(page);
    expect(lit).toBeGreaterThan(20);
    await page.keyboard.press('b');
    expect(await pageBrightness(page)).toBeLessThan(1);
    await page.keyboard.press('PageDown');
    expect(await stepIndex(page)).toBe(2);
    expect(await pageBrightness(page)).toBeLessThan(1);
    await page.keyboard.press('b');
    expect(await pageBrightness(page)).toBeGreaterThan(20);
    await page.keyboard.press('.');
    expect(await pageBrightness(page)).toBeLessThan(1);
    await page.keyboard.press('PageUp');
    expect(await stepIndex(page)).toBe(1);
    await page.keyboard.press('.');
    expect(await page.locator('.blackout').count()).toBe(0);

    // H: only the view and a caption big enough for the back of a hall.
    const captionSize = () => page.locator('.caption__text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const normalSize = await captionSize();
    await page.keyboard.press('h');
    for (const chrome of ['.topbar', '.step-list', '.transport', '.tools']) expect(await page.locator(chrome).isVisible()).toBe(false);
    expect(await page.locator('.caption__text').isVisible()).toBe(true);
    expect(await captionSize()).toBeGreaterThanOrEqual(normalSize * 1.4);
    // The view takes the whole width once the side column is gone.
    await page.waitForFunction(() => document.querySelector('canvas')!.clientWidth >= 950);
    await page.keyboard.press('ArrowRight');
    expect(await stepIndex(page)).toBe(2);
    await page.keyboard.press('ArrowLeft');
    expect(await stepIndex(page)).toBe(1);
    await page.keyboard.press('H');
    expect(await page.locator('.topbar').isVisible()).toBe(true);

    // ?: the key list, over which the clicker still steps; Escape closes it.
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Presenter keys' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Black screen on or off');
    await page.keyboard.press('PageDown');
    expect(await stepIndex(page)).toBe(2);
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: number[], b: number[]): number {
  const lum = (c: number[]) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('educator mode by keyboard', () => {
  it('every Tab stop is visible and shows focus; the expert panel is reached and operated by keyboard', async () => {
    const { page, errors } = await openApp(browser, 'procedure=vp&mode=educator', SMALL);
    // Closed, the expert panel has no controls in the page to tab into.
    expect(await page.locator('.expert input, .expert select').count()).toBe(0);
    await page.getByRole('button', { name: 'Expert parameters' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.expert select').first().waitFor();

    await page.locator('body').focus();
    const stops: { name: string; problem: string | null; id: string }[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        el.scrollIntoView({ block: 'nearest' });
        const box = el.getBoundingClientRect();
        const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
        const name = `${el.tagName.toLowerCase()} ${label} ${el.tagName === 'SELECT' ? '' : (el.textContent ?? '').trim().slice(0, 30)}`;
        let problem: string | null = null;
        if (box.width < 2 || box.height < 2) problem = 'no size';
        else if (box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) problem = 'outside the window';
        for (let n: HTMLElement | null = el; n && !problem; n = n.parentElement) {
          const style = getComputedStyle(n);
          if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) < 0.5) problem = `hidden by ${n.className}`;
        }
        const focus = getComputedStyle(el);
        if (!problem && focus.outlineStyle === 'none' && focus.boxShadow === 'none') problem = 'no focus ring';
        return { name, problem, id: el.outerHTML.slice(0, 60) };
      });
      if (!stop) continue;
      if (stops.length > 0 && stop.id === stops[0]!.id) break;
      stops.push(stop);
    }
    expect(stops.filter((s) => s.problem).map((s) => `${s.name}: ${s.problem}`)).toEqual([]);
    const names = stops.map((s) => s.name).join('\n');
    expect(names).toContain('Cement viscosity');

    // Operated by keyboard: the viscosity and volume follow keys typed into the panel.
    await page.getByLabel('Cement viscosity').focus();
    await page.keyboard.press('ArrowDown');
    await waitReady(page);
    expect((await state(page)).viscosity).toBe('high');
    const volume = page.getByRole('spinbutton', { name: 'Cement volume (mL)' });
    await volume.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('6');
    await page.keyboard.press('Enter');
    await waitReady(page);
    expect((await state(page)).volume).toBe(6);
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => window.spinecast!.getState().volume > 6);

    // Text in the lecture tools and the panel: at least 4.5:1 against what it sits on.
    const pairs = await page.evaluate(() => {
      const out: { text: string; fg: number[]; bg: number[] }[] = [];
      const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      for (const el of document.querySelectorAll<HTMLElement>('.tools *, .expert *')) {
        const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
        if (!own || el.getClientRects().length === 0) continue;
        let bg = [0, 0, 0, 0];
        for (let n: HTMLElement | null = el; n; n = n.parentElement) {
          const c = parse(getComputedStyle(n).backgroundColor);
          if (c.length === 3 || (c[3] ?? 0) > 0.9) {
            bg = c;
            break;
          }
        }
        out.push({ text: el.textContent.trim().slice(0, 30), fg: parse(getComputedStyle(el).color), bg });
      }
      return out;
    });
    expect(pairs.length).toBeGreaterThan(10);
    const low = pairs.filter((p) => contrast(p.fg.slice(0, 3), p.bg.slice(0, 3)) < 4.5).map((p) => p.text);
    expect(low).toEqual([]);

    // Closing the panel takes its controls out of the page again.
    await page.getByRole('button', { name: 'Expert parameters' }).click();
    expect(await page.locator('.expert input, .expert select').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
