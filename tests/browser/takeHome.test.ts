/**
 * Evidence and harms panel, take-home dialog and printed handout, in real Chromium on a phone-sized
 * page: the panel opens by touch and by keyboard, keeps focus inside and gives it back, shows the
 * sham-controlled trials and the harms with their sources, in English and in German (no English
 * left); the QR code is big enough and scans to the link, which is the app's current address; the
 * handout prints (Chromium's PDF) on exactly one page with the case, and nothing of the app.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { decodeQR } from 'qr/decode.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { PHONE, openApp, waitReady } from './helpers.ts';

const LOCALES = join(import.meta.dirname, '../../src/i18n/locales');
const read = (lang: string) => JSON.parse(readFileSync(join(LOCALES, `${lang}.json`), 'utf8')) as Record<string, string>;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Number of pages in a PDF Chromium wrote: its page objects. */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

async function focusInside(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => !!document.querySelector(sel)?.contains(document.activeElement), selector);
}

/** The dialog is on screen and on top: the element at its close button's centre is that button. */
async function onTop(page: Page, dialog: string): Promise<boolean> {
  return page.locator(`${dialog} .modal__head button`).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.width >= 44 && r.height >= 44 && r.right <= window.innerWidth && r.bottom <= window.innerHeight && (top === el || el.contains(top));
  });
}

describe('evidence panel, take-home dialog and handout', () => {
  let page: Page;
  let errors: string[];
  let external: string[];
  beforeAll(async () => {
    ({ page, errors, external } = await openApp(browser, 'procedure=bkp&level=L2&shape=biconcave&grade=3', PHONE, 90_000));
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('the evidence panel opens by touch at 390 px and shows the sham trials and the harms with their sources', async () => {
    await page.locator('.evidence-open').tap();
    const dialog = page.getByRole('dialog', { name: 'Does it work? What can go wrong?' });
    await dialog.waitFor();
    expect(await onTop(page, '.evidence-dialog')).toBe(true);
    const text = (await dialog.innerText()).replace(/\s+/g, ' ');
    // Sham-controlled trials with their sizes and sources (domain.md §8).
    expect(text).toContain('Vertebroplasty against a sham (a pretend procedure without cement) in 78 patients');
    expect(text).toContain('(Buchbinder 2009, NEJM)');
    expect(text).toContain('in 131 patients, blinded: no clear difference. (INVEST, Kallmes 2009, NEJM)');
    expect(text).toContain('(VERTOS IV 2018)');
    expect(text).toContain('5.2 points higher');
    // Harms, each figure beside its source (the harms list).
    expect(text).toContain('35.7% after kyphoplasty and 43.5% after vertebroplasty');
    expect(text).toContain('(KAVIAR, Dohm 2014)');
    expect(text).toContain('3.5–23% of patients, mostly without symptoms. (Krueger 2009, Eur Spine J 18:1257)');
    expect(text).toContain('(Hulme 2006, Spine 31:1983)');
    expect(text).not.toContain('domain notes');
    expect(text).toContain('about 4.9 minutes');
    expect(text).toContain('a rib in 2 of 30 patients in one study. (Lieberman 2001)');
    expect(text).toMatch(/about 1\.2% of patients\. This is an early, uncertain figure\. \(Garfin 2001\) early, uncertain report/);
    expect(text).toContain('For education only, not medical advice.');
    // Escape closes it and focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('evidence-open'))).toBe(true);
  });

  it('the evidence panel opens by keyboard, in clinical words for educators, and keeps focus inside', async () => {
    await page.evaluate(() => window.spinecast!.set({ mode: 'educator' }));
    await waitReady(page);
    await page.locator('.evidence-open').focus();
    await page.keyboard.press('Enter');
    await page.locator('.evidence-dialog[open]').waitFor();
    expect(await focusInside(page, '.evidence-dialog')).toBe(true);
    expect(await page.locator('.evidence-dialog').innerText()).toContain('VP vs sham, blinded RCT, n = 78: no significant benefit.');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInside(page, '.evidence-dialog')).toBe(true);
    }
    await page.locator('.evidence-dialog .modal__head button').press('Enter');
    await page.locator('.evidence-dialog[open]').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('evidence-open'))).toBe(true);
    await page.evaluate(() => window.spinecast!.set({ mode: 'patient' }));
    await waitReady(page);
  });

  it('take home: the link is the app\'s current address and the QR code, big enough to scan, says exactly that', async () => {
    await page.evaluate(() => window.spinecast!.goToStep('inflate'));
    await waitReady(page);
    await expect.poll(() => page.evaluate(() => location.search)).toContain('step=inflate');
    await page.locator('.take-home-open').tap();
    const dialog = page.getByRole('dialog', { name: 'Take this case home' });
    await dialog.waitFor();
    expect(await onTop(page, '.take-home')).toBe(true);
    const link = await dialog.getByLabel('Link to this case').inputValue();
    expect(link).toBe(await page.evaluate(() => location.href));
    expect(link).toContain('procedure=bkp&level=L2&grade=3&shape=biconcave');
    const qr = dialog.getByRole('img', { name: 'QR code for this link' });
    const box = (await qr.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(180);
    expect(box.width).toBeLessThanOrEqual(390);
    expect(Math.abs(box.width - box.height)).toBeLessThan(1);
    const png = PNG.sync.read(await qr.screenshot());
    expect(decodeQR({ width: png.width, height: png.height, data: new Uint8Array(png.data) })).toBe(link);
  });

  it('the handout prints on exactly one page, with the case and nothing of the app', async () => {
    expect(pdfPages(await page.pdf({ format: 'A4' }))).toBe(1);
    expect(pdfPages(await page.pdf({ format: 'Letter' }))).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const handout = page.locator('.handout');
    expect(await handout.isVisible()).toBe(true);
    expect(await page.locator('canvas').first().isVisible()).toBe(false);
    expect(await page.locator('.take-home').isVisible()).toBe(false);
    const text = (await handout.innerText()).replace(/\s+/g, ' ');
    for (const piece of ['Balloon kyphoplasty (BKP)', 'L2', 'Biconcave (middle collapsed)', 'Grade 3: severe', 'Inflating the balloon. The balloon is slowly filled with X-ray dye.', '(Buchbinder 2009, NEJM)', '35.7% after kyphoplasty', 'For education only, not medical advice.'])
      expect(text).toContain(piece);
    expect(text).toContain(await page.evaluate(() => location.href));
    expect((await handout.getByRole('img', { name: 'QR code for this link' }).boundingBox())!.width).toBeGreaterThan(90);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});

describe('in German', () => {
  it('the panel and the compared handout leave no English, write numbers the German way, and print on one page', async () => {
    const { page, errors } = await openApp(browser, 'lang=de&procedure=compare', PHONE, 90_000);
    await page.locator('.evidence-open').tap();
    const dialog = page.getByRole('dialog', { name: read('de')['evidence.title'] });
    await dialog.waitFor();
    const text = (await dialog.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('{bkp} % nach Kyphoplastie'.replace('{bkp}', '35,7'));
    expect(text).toContain('bei 78 Patienten');
    expect(text).toContain('etwa 4,9 Minuten');
    // No English message text: every English string's words that German does not share are absent.
    const en = read('en');
    const de = read('de');
    const leftovers = Object.entries(en)
      .filter(([key]) => /^(evidence|takeHome|handout|app\.disclaimer)/.test(key))
      .flatMap(([key, value]) => value.split(/\{\w+\}/).map((s) => s.trim()).filter((s) => (s.match(/[A-Za-z]/g) ?? []).length >= 4 && !de[key]!.includes(s)))
      .filter((fragment) => text.includes(fragment));
    expect(leftovers).toEqual([]);
    expect(text).not.toMatch(/\b(the|and|with|patients|sham|blinded|leaks?|early)\b/);
    await page.keyboard.press('Escape');
    await page.locator('.take-home-open').tap();
    await page.locator('.take-home[open]').waitFor();
    expect(pdfPages(await page.pdf({ format: 'A4' }))).toBe(1);
    expect(pdfPages(await page.pdf({ format: 'Letter' }))).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const handout = (await page.locator('.handout').innerText()).replace(/\s+/g, ' ');
    expect(handout).toContain('Vertebroplastie (VP) und Ballon-Kyphoplastie (BKP) im Vergleich');
    expect(handout).not.toMatch(/\b(the|and|with|patients|sham|blinded)\b/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
