/**
 * The app in Spanish, French, German and Portuguese: no English left on screen (default view, the
 * fracture picker, compare results at the end), `<html lang>` and the title set, numbers with a
 * decimal comma, the browser's language as the default, the language picker, the locale files as
 * separate chunks, and layouts that survive strings 40% longer than English (pseudo-locale).
 */
import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { pseudoLocalize } from '../../src/i18n/pseudoLocale.ts';
import { openApp, openResults, waitReady } from './helpers.ts';

const LOCALES = join(import.meta.dirname, '../../src/i18n/locales');
const SHOTS = join(import.meta.dirname, '../../test-results/i18n');
const read = (lang: string) => JSON.parse(readFileSync(join(LOCALES, `${lang}.json`), 'utf8')) as Record<string, string>;
const EN = read('en');
const TABLET_PORTRAIT: BrowserContextOptions = { viewport: { width: 768, height: 1024 }, deviceScaleFactor: 1, hasTouch: true };
const SMALL_DESKTOP: BrowserContextOptions = { viewport: { width: 1024, height: 700 }, deviceScaleFactor: 1 };

/** English words that appear in no translated string: any of them on screen is untranslated text. */
const ENGLISH_WORDS = /\b(the|and|with|your|you|of|step|steps|drag|show|hide|loading|height|cement|leaks?|needle|balloon|done|wedge)\b/i;

/**
 * Pieces of English messages (the text between placeholders) that the translation does not share:
 * if one of these is on screen, a string was left in English.
 */
function englishFragments(lang: string): string[] {
  const translated = read(lang);
  const all = Object.entries(translated).map(([, v]) => v).join('\n');
  const fragments = new Set<string>();
  for (const [key, text] of Object.entries(EN)) {
    if (key.startsWith('@')) continue;
    for (const piece of text.split(/\{\w+\}/)) {
      const f = piece.trim();
      if ((f.match(/[A-Za-z]/g) ?? []).length < 4) continue;
      if (translated[key]?.includes(f) || all.includes(f)) continue;
      fragments.add(f);
    }
  }
  return [...fragments];
}

/**
 * Text a person sees or hears: visible text nodes and the names and values of controls, except the
 * language picker (each language is named in itself there).
 */
async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const skip = (el: Element | null) => !!el?.closest('.language-picker');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || skip(el) || !el.checkVisibility({ visibilityProperty: true })) continue;
      if (el.closest('option') && !el.closest('select')?.checkVisibility()) continue;
      const text = n.textContent?.trim();
      if (text) out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [aria-valuetext], [title], [placeholder], [alt]')) {
      if (skip(el)) continue;
      for (const a of ['aria-label', 'aria-valuetext', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    out.push(document.title);
    return out.join('\n');
  });
}

function englishLeft(text: string, fragments: string[]): string[] {
  const found = fragments.filter((f) => text.includes(f));
  const word = text.match(ENGLISH_WORDS);
  if (word) found.push(`word "${word[0]}" in …${text.slice(Math.max(0, word.index! - 40), word.index! + 40)}…`);
  return found;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Goes to the last step in compare (the results table opens by itself there) and waits for it. */
/** Two panes and two cement simulations: slower than one view on a busy software renderer. */
async function waitReadySlow(page: Page): Promise<void> {
  await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000, state: 'attached' });
}

async function compareAtEnd(page: Page): Promise<string> {
  await page.evaluate(() => window.spinecast!.set({ procedure: 'compare' }));
  await waitReadySlow(page);
  await page.evaluate(() => {
    const { steps } = window.spinecast!.getState();
    window.spinecast!.goToStep(steps[steps.length - 1]!);
  });
  await waitReadySlow(page);
  const table = await openResults(page);
  return (await table.textContent()) ?? '';
}

describe('languages', () => {
  it.each(['es', 'fr', 'de', 'pt'])('%s: no English on screen in the default view, the fracture picker and (es, de) compare results; html lang and title set; decimal comma', async (lang) => {
    const options = lang === 'es' ? TABLET_PORTRAIT : SMALL_DESKTOP;
    const { page, errors, external } = await openApp(browser, `lang=${lang}`, options);
    const fragments = englishFragments(lang);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await page.title()).toBe(read(lang)['app.documentTitle']);
    expect(englishLeft(await screenText(page), fragments), 'default view').toEqual([]);
    if (lang === 'es') await page.screenshot({ path: join(SHOTS, 'es-tablet-portrait.png') });

    await page.locator('.button--case').click();
    await page.locator('.case-panel').waitFor();
    expect(englishLeft(await screenText(page), fragments), 'fracture picker').toEqual([]);
    await page.keyboard.press('Escape');

    // Compare at the end runs two simulations in two panes: in two of the languages (the strings are
    // the same keys in all; tests/i18n checks every language has every key).
    if (lang === 'es' || lang === 'de') {
      const table = await compareAtEnd(page);
      expect(englishLeft(await screenText(page), fragments), 'compare results').toEqual([]);
      // Heights and volumes written with a decimal comma ("30,1 → 31,6 mm"), never a decimal point.
      expect(table).toMatch(/\d,\d\s?mm/);
      expect(table).not.toMatch(/\d\.\d/);
      if (lang === 'de') await page.screenshot({ path: join(SHOTS, 'de-compare-results.png') });
    }

    if (lang !== 'es') {
      // Clinical captions, lecture tools and the expert parameters.
      await page.evaluate(() => window.spinecast!.set({ mode: 'educator' }));
      await waitReadySlow(page);
      await page.locator('.tools__disclosure').click();
      await page.locator('.expert__panel').waitFor();
      expect(englishLeft(await screenText(page), fragments), 'educator mode, expert parameters').toEqual([]);
    }
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it('in English: the check finds English, decimals keep their point; the picker switches the whole page, fetching only that language', async () => {
    const { page, errors } = await openApp(browser, 'lang=en', SMALL_DESKTOP);
    // The check can fail: on the English page it finds many English strings.
    expect(englishLeft(await screenText(page), englishFragments('fr')).length).toBeGreaterThan(5);
    const english = await compareAtEnd(page);
    expect(english).toMatch(/\d\.\d mm/);
    expect(english).not.toMatch(/\d,\d/);

    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const picker = page.getByRole('combobox', { name: 'Language' });
    expect((await picker.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await picker.locator('option').allTextContents()).toEqual(['English', 'Español', 'Français', 'Deutsch', 'Português']);
    await picker.focus();
    await picker.selectOption('fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    expect(await page.title()).toBe(read('fr')['app.documentTitle']);
    expect(englishLeft(await screenText(page), englishFragments('fr'))).toEqual([]);
    // The open results table is rewritten with decimal commas, and focus stays on the picker.
    expect((await page.locator('.results__table').textContent()) ?? '').toMatch(/\d,\d\s?mm/);
    expect(await page.getByRole('combobox', { name: 'Langue' }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(requested.filter((p) => /\/assets\/(es|fr|de|pt)-/.test(p)).map((p) => p.replace(/^.*\/(\w+)-.*$/, '$1'))).toEqual(['fr']);
    await page.waitForFunction(() => window.location.search.includes('lang=fr'));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('without lang, follows the browser language when translated, else English', async () => {
    for (const [locale, expected] of [['de-AT', 'de'], ['ja-JP', 'en']] as const) {
      const { page } = await openApp(browser, '', { ...SMALL_DESKTOP, locale });
      expect(await page.evaluate(() => document.documentElement.lang), locale).toBe(expected);
      expect(await page.locator('.transport .button--play').getAttribute('aria-label'), locale).toBe(read(expected)['transport.play']);
      if (expected === 'en') {
        // Through the command API too; ready means the page already speaks the new language.
        await page.evaluate(() => window.spinecast!.set({ lang: 'pt' }));
        await waitReady(page);
        expect(await page.locator('.transport .button--play').getAttribute('aria-label')).toBe(read('pt')['transport.play']);
        expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['pt', read('pt')['app.documentTitle']]);
      }
      await page.context().close();
    }
  });

  it('English is in the first load (entry and preloaded chunks), each other language in its own chunk', () => {
    const dist = join(import.meta.dirname, '../../dist');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const firstLoad = [...html.matchAll(/(?:src|href)="\.\/assets\/([\w-]+\.js)"/g)].map((m) => m[1]!);
    expect(firstLoad.length).toBeGreaterThan(0);
    const firstCode = firstLoad.map((f) => readFileSync(join(dist, 'assets', f), 'utf8')).join('\n');
    expect(firstCode.includes(EN['app.tagline']!), 'English tagline in the first load').toBe(true);
    const chunks = readdirSync(join(dist, 'assets'));
    for (const lang of ['es', 'fr', 'de', 'pt']) {
      const tagline = read(lang)['app.tagline']!;
      expect(firstCode.includes(tagline), `${lang} tagline in the first load`).toBe(false);
      const chunk = chunks.find((c) => c.startsWith(`${lang}-`) && c.endsWith('.js'));
      expect(chunk, lang).toBeDefined();
      expect(firstLoad, lang).not.toContain(chunk);
      expect(readFileSync(join(dist, 'assets', chunk!), 'utf8').includes(tagline), `${lang} tagline in its chunk`).toBe(true);
    }
  });
});

/** Serves the German chunk as English made 40% longer, so a layout can be checked with it. */
async function withPseudoLocale(page: Page): Promise<void> {
  const body = `export default ${JSON.stringify(pseudoLocalize(EN))};`;
  await page.route(/\/assets\/de-[\w-]+\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body }));
}

/** Controls whose text is cut off or that stick out of the window. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) problems.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    const vw = window.innerWidth;
    for (const el of document.querySelectorAll<HTMLElement>('button, select, label, .caption__title, .caption__text, th, td, .brand__tagline, .field__label')) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      const name = `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      if (r.left < -1 || r.right > vw + 1) problems.push(`${name} outside the window (${Math.round(r.left)}–${Math.round(r.right)})`);
      if (el.scrollWidth > el.clientWidth + 2 && getComputedStyle(el).overflowX !== 'auto') problems.push(`${name} cut off (${el.scrollWidth} > ${el.clientWidth})`);
    }
    return problems;
  });
}

describe('layout with 40% longer strings', () => {
  it('tablet portrait, phone and desktop: nothing cut off or outside the window, in the default view and the fracture picker', async () => {
    const context = await browser.newContext({ ...TABLET_PORTRAIT, hasTouch: true });
    const page = await context.newPage();
    await withPseudoLocale(page);
    await page.goto(`${inject('baseUrl')}?lang=de`);
    await waitReady(page);
    // The pseudo-locale is on screen: accented, lengthened words.
    expect(await page.locator('.brand__name').textContent()).toBe('SpíñéÇástSpíñ');
    for (const [name, viewport] of [
      ['tablet-portrait', { width: 768, height: 1024 }],
      ['phone', { width: 390, height: 844 }],
      ['desktop', { width: 1280, height: 800 }],
    ] as const) {
      await page.setViewportSize(viewport);
      // The 3D canvas follows the window through a resize observer: let it settle.
      await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth + 1, null, { timeout: 5000 }).catch(() => undefined);
      expect(await layoutProblems(page), `${name}, default view`).toEqual([]);
      await page.locator('.button--case').click();
      await page.locator('.case-panel').waitFor();
      expect(await layoutProblems(page), `${name}, fracture picker`).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `pseudo-${name}.png`) });
      await page.keyboard.press('Escape');
      await page.locator('.case-panel').waitFor({ state: 'detached' });
    }
    await context.close();
  });
});
