/**
 * The picture tells the story: at the key moment (the balloon inflating) the treated vertebra is
 * large in its pane and nothing covers it; the inflation visibly changes the picture; the heights
 * drawn on the bone are the measured ones; compare shows both procedures through the same shot.
 */
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { state } from './helpers.ts';

type Box = { x: number; y: number; width: number; height: number };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Compare mode simulates two cement runs before it is ready: give a loaded machine time. */
const READY_MS = 150_000;

async function open(query: string, width = 1280, height = 800): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}?${query}`);
  await ready(page);
  return page;
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('html[data-ready="true"]', { timeout: READY_MS, state: 'attached' });
}

/** Seeks to the last moment of a step (just before the next one starts). */
async function endOf(page: Page, step: string): Promise<void> {
  const steps = (await state(page)).steps;
  const next = steps[steps.indexOf(step as never) + 1]!;
  await page.evaluate((id) => window.spinecast!.goToStep(id), next);
  await ready(page);
  const t = (await state(page)).t;
  await page.evaluate((at) => window.spinecast!.seek(at), t - 0.01);
  await ready(page);
}

async function startOf(page: Page, step: string): Promise<void> {
  await page.evaluate((id) => window.spinecast!.goToStep(id), step);
  await ready(page);
  const t = (await state(page)).t;
  await page.evaluate((at) => window.spinecast!.seek(at), t + 0.01);
  await ready(page);
}

function intersect(a: Box, b: Box): Box | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const r = Math.min(a.x + a.width, b.x + b.width);
  const btm = Math.min(a.y + a.height, b.y + b.height);
  return r > x && btm > y ? { x, y, width: r - x, height: btm - y } : null;
}

async function vertebraBox(page: Page, pane: 'vp' | 'bkp'): Promise<Box> {
  const box = await page.evaluate((p) => window.__spinecastView?.[p]?.vertebraBox() ?? null, pane);
  expect(box).not.toBeNull();
  return box!;
}

async function paneBox(page: Page, pane: 'vp' | 'bkp'): Promise<Box> {
  return (await page.locator(`[data-pane="${pane}"]`).boundingBox())!;
}

/** Everything drawn over the 3D view: X-ray pictures, titles, buttons, panels, notices. */
async function overlays(page: Page): Promise<{ what: string; box: Box }[]> {
  return page.evaluate(() => {
    const selectors = '.fluoro-frame, .pane__title, .view-options > *, .button--floating, .results, .notices > *, .sim-status, .steps-toggle, .loading';
    return [...document.querySelectorAll<HTMLElement>(selectors)]
      .map((el) => ({ what: el.className, r: el.getBoundingClientRect(), visible: getComputedStyle(el).visibility !== 'hidden' && getComputedStyle(el).display !== 'none' }))
      .filter((o) => o.visible && o.r.width > 0 && o.r.height > 0)
      .map((o) => ({ what: o.what, box: { x: o.r.left, y: o.r.top, width: o.r.width, height: o.r.height } }));
  });
}

async function covering(page: Page, box: Box): Promise<string[]> {
  return (await overlays(page)).filter((o) => intersect(o.box, box)).map((o) => o.what);
}

/** Share of pixels inside `region` (page px) that differ clearly between two page screenshots. */
function changedIn(a: Buffer, b: Buffer, region: Box): number {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  let changed = 0;
  let total = 0;
  for (let y = Math.max(0, Math.floor(region.y)); y < Math.min(pa.height, region.y + region.height); y++) {
    for (let x = Math.max(0, Math.floor(region.x)); x < Math.min(pa.width, region.x + region.width); x++) {
      const i = (y * pa.width + x) * 4;
      const d = Math.abs(pa.data[i]! - pb.data[i]!) + Math.abs(pa.data[i + 1]! - pb.data[i + 1]!) + Math.abs(pa.data[i + 2]! - pb.data[i + 2]!);
      if (d > 40) changed++;
      total++;
    }
  }
  return changed / total;
}

async function heightLabels(page: Page, pane: 'vp' | 'bkp') {
  return page.evaluate((p) => {
    const root = document.querySelector(`[data-pane="${p}"]`)!;
    const out: Record<string, { value: number; shown: boolean; rect: { x: number; y: number; width: number; height: number } }> = {};
    for (const el of root.querySelectorAll<HTMLElement>('[data-measure]')) {
      const r = el.getBoundingClientRect();
      out[el.dataset['measure']!] = { value: Number(el.dataset['value']), shown: el.style.display !== 'none' && r.width > 0, rect: { x: r.x, y: r.y, width: r.width, height: r.height } };
    }
    return out;
  }, pane);
}

/** At the end of compare: each vertebra large and uncovered, its three heights the measured ones, no label over another. */
async function expectEndPanes(page: Page, minShare: number): Promise<void> {
  const s = await state(page);
  for (const p of ['vp', 'bkp'] as const) {
    const pane = await paneBox(page, p);
    const box = intersect(await vertebraBox(page, p), pane)!;
    expect(box.width * box.height).toBeGreaterThan(minShare * pane.width * pane.height);
    await expect.poll(() => covering(page, box), { timeout: 15_000 }).toEqual([]);
    const labels = await heightLabels(page, p);
    const lines = ['anterior', 'middle', 'posterior'] as const;
    for (const k of lines) {
      expect(labels[k]!.shown).toBe(true);
      expect(Math.abs(labels[k]!.value - s.metrics[p]!.heightAfterMm[k])).toBeLessThan(0.1);
    }
    for (const [i, a] of lines.entries()) {
      for (const b of lines.slice(i + 1)) expect(intersect(labels[a]!.rect, labels[b]!.rect), `${p}: ${a} and ${b} labels overlap`).toBeNull();
    }
  }
}

describe('the picture tells the story', () => {
  it('inflating the balloon: the vertebra fills a quarter of its pane, uncovered; the picture changes; the heights drawn are the measured ones', { timeout: 300_000 }, async () => {
    const page = await open('procedure=bkp&level=L1&grade=2&shape=wedge');
    await startOf(page, 'inflate');
    const before = await page.screenshot();
    const metrics = (await state(page)).metrics.bkp!;
    const start = await heightLabels(page, 'bkp');
    await endOf(page, 'inflate');
    const after = await page.screenshot();
    const end = await heightLabels(page, 'bkp');

    const pane = await paneBox(page, 'bkp');
    const box = intersect(await vertebraBox(page, 'bkp'), pane)!;
    expect((box.width * box.height) / (pane.width * pane.height)).toBeGreaterThanOrEqual(0.25);
    expect(await covering(page, box)).toEqual([]);

    // Same shot at both ends of the step: what changes is the balloon and the bone.
    expect(changedIn(before, after, box)).toBeGreaterThan(0.03);

    for (const k of ['anterior', 'middle', 'posterior'] as const) {
      expect(start[k]!.shown).toBe(true);
      expect(end[k]!.shown).toBe(true);
      expect(Math.abs(start[k]!.value - metrics.heightBeforeMm[k])).toBeLessThan(0.1);
      expect(Math.abs(end[k]!.value - metrics.heightAfterMm[k])).toBeLessThan(0.1);
    }
    // The balloon gave height back, and the markers show it.
    expect(end.anterior!.value).toBeGreaterThan(start.anterior!.value + 1);
    await page.context().close();
  });

  it('compare: both panes through the same shot; at the end both show their heights and the results stay clear of both vertebrae', { timeout: 400_000 }, async () => {
    const page = await open('procedure=compare&level=L1&grade=2&shape=wedge');
    await endOf(page, 'inflate');
    const shots = await page.evaluate(() => (['vp', 'bkp'] as const).map((p) => ({ camera: window.__spinecastView![p]!.camera(), shot: window.__spinecastView![p]!.shot() })));
    const [vp, bkp] = shots as [(typeof shots)[0], (typeof shots)[0]];
    for (let i = 0; i < 3; i++) {
      expect(vp.camera.position[i]).toBeCloseTo(bkp.camera.position[i]!, 6);
      expect(vp.camera.direction[i]).toBeCloseTo(bkp.camera.direction[i]!, 6);
    }
    expect(vp.camera.fovDeg).toBe(bkp.camera.fovDeg);
    expect(vp.shot.pxPerMm).toBeCloseTo(bkp.shot.pxPerMm, 6);

    await page.keyboard.press('End');
    await ready(page);
    // A laptop's view (1280×800) has no room for the table beside the vertebrae: it waits to be asked
    // for, and the vertebrae keep their size.
    expect(await page.locator('.results__table').count()).toBe(0);
    await expectEndPanes(page, 0.1);
    // A projector's (1920×1080) has: the table opens by itself, framed clear of both vertebrae.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator('.results__table').waitFor();
    await ready(page);
    await expectEndPanes(page, 0.05);
    await page.context().close();
  });
});
