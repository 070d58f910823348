/** Shared steps of the browser tests: open the app, watch the console and the network, read pixels. */
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { inject } from 'vitest';
import type { SpinecastApi, SpinecastState } from '../../src/state/commandApi.ts';

export interface OpenedApp {
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  /** Uncaught page errors only (a test that provokes console errors on purpose reads these). */
  pageErrors: string[];
  /** Requests that left the app's origin. */
  external: string[];
}

declare global {
  interface Window {
    spinecast?: SpinecastApi;
  }
}

// Service workers are blocked unless a test asks for them: each test sees the build under test, never a cached one.
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1, serviceWorkers: 'block' };
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, serviceWorkers: 'block' };

export interface OpenPageOptions {
  /** The page's URL without the query; the built app served for the tests by default. */
  url?: string;
  /** A script run before the app's own (a string: it is not rewritten by the test's bundler). */
  init?: string;
}

/** Opens the app at `query` without waiting for readiness; watches the console and the network. */
export async function openPage(browser: Browser, query = '', options: BrowserContextOptions = DESKTOP, { url = inject('baseUrl'), init }: OpenPageOptions = {}): Promise<OpenedApp> {
  const origin = new URL(url).origin;
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  const pageErrors: string[] = [];
  const external: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => {
    errors.push(String(e));
    pageErrors.push(String(e));
  });
  page.on('request', (r) => {
    const requested = r.url();
    if (!requested.startsWith('data:') && !requested.startsWith('blob:') && new URL(requested).origin !== origin) external.push(requested);
  });
  // Requests the page's Content-Security-Policy blocked never reach the network: count them too.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP blocked ${e.blockedURI} (${e.violatedDirective})`);
    });
  });
  if (init) await page.addInitScript(init);
  await page.goto(`${url}${query ? `?${query}` : ''}`);
  return { page, errors, pageErrors, external };
}

/** Opens the app at `query` and waits until it says ready. */
export async function openApp(browser: Browser, query = '', options: BrowserContextOptions = DESKTOP, readyTimeoutMs = 30_000): Promise<OpenedApp> {
  const opened = await openPage(browser, query, options);
  await waitReady(opened.page, readyTimeoutMs);
  return opened;
}

/** Waits for `<html data-ready="true">`: the requested state has been drawn. */
export async function waitReady(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForSelector('html[data-ready="true"]', { timeout: timeoutMs, state: 'attached' });
}

export async function state(page: Page): Promise<SpinecastState> {
  return page.evaluate(() => window.spinecast!.getState());
}

export async function captionStep(page: Page): Promise<string | null> {
  return page.locator('.caption').getAttribute('data-step');
}

export interface PixelStats {
  width: number;
  height: number;
  /** Share of pixels that differ clearly from the background colour. */
  foreground: number;
  distinctColours: number;
  data: Buffer;
}

/** Screenshot of the 3D canvas, decoded. */
export async function canvasPixels(page: Page, index = 0): Promise<PixelStats> {
  const png = PNG.sync.read(await page.locator('canvas').nth(index).screenshot());
  const { width, height, data } = png;
  const bg = [data[0]!, data[1]!, data[2]!];
  let foreground = 0;
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i]!, g = data[i + 1]!, b = data[i + 2]!;
    if (Math.abs(r - bg[0]!) + Math.abs(g - bg[1]!) + Math.abs(b - bg[2]!) > 30) foreground++;
    colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
  }
  return { width, height, foreground: foreground / (width * height), distinctColours: colours.size, data };
}

/** Share of pixels that changed clearly between two same-size screenshots. */
export function changedShare(a: PixelStats, b: PixelStats): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!);
    if (d > 30) changed++;
  }
  return changed / (a.width * a.height);
}

/**
 * The results table, opened: it opens by itself at the end only where the view has room for it
 * beside the vertebrae (ResultsPanel's ROOMY_VIEW_PX); elsewhere its button opens it.
 */
export async function openResults(page: Page): Promise<Locator> {
  const toggle = page.locator('.results__toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const table = page.locator('.results__table');
  await table.waitFor();
  return table;
}
