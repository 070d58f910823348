/**
 * `data-ready="true"` means the requested picture is on screen, and the labels drawn over the 3D view
 * (heights, leaks, anatomy) are part of that picture. They live in React roots of their own that
 * commit after the scene, and the height labels are placed by their measured size, so a page can
 * draw a frame of the state before they are there. What is over each pane is read at the very moment
 * the page says ready, and again once everything has settled: the two must be the same.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { DESKTOP, openPage, waitReady } from './helpers.ts';

/** Each label shown over a pane: its text and where it is (whole pixels). */
type Snapshot = Record<string, string[]>;

declare global {
  interface Window {
    __labelsNow?: () => Snapshot;
    __labelsAtReady?: Snapshot[];
  }
}

/** Installed before the app's own script (a string: a function of this file would carry the compiler's helpers). */
const WATCH = `(() => {
  const snap = () => {
    const out = {};
    for (const pane of document.querySelectorAll('[data-pane]')) {
      if (pane.hidden) continue;
      out[pane.getAttribute('data-pane')] = [...pane.querySelectorAll('.scene-label')]
        .filter((el) => el.getClientRects().length > 0 && el.textContent)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return el.textContent + ' @' + Math.round(r.x) + ',' + Math.round(r.y);
        })
        .sort();
    }
    return out;
  };
  window.__labelsNow = snap;
  window.__labelsAtReady = [];
  // Read as the page says ready: in the same task as the report, before any later frame.
  new MutationObserver(() => {
    if (document.documentElement.getAttribute('data-ready') === 'true') window.__labelsAtReady.push(snap());
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
})()`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const open = (query: string) => openPage(browser, query, DESKTOP, { init: WATCH });

/** What was over the panes when the page last said ready, and what is there a while later. */
async function atReadyAndSettled(page: Page): Promise<{ atReady: Snapshot; settled: Snapshot }> {
  await waitReady(page, 60_000);
  // Frames keep coming while anything is still to place; a second and a half is many of them.
  await page.waitForTimeout(1500);
  return page.evaluate(() => ({ atReady: window.__labelsAtReady!.at(-1)!, settled: window.__labelsNow!() }));
}

describe('ready means the labels are there too', () => {
  it('compare at the injection, then another level: the heights (and any leak) are on screen when the page says ready', async () => {
    const { page, errors } = await open('procedure=compare&level=L1&view=split&step=inject');
    const first = await atReadyAndSettled(page);
    // Both panes measure the body at the injection: three heights each, with their numbers.
    for (const pane of ['vp', 'bkp']) {
      expect(first.settled[pane]!.filter((l) => / mm @/.test(l))).toHaveLength(3);
    }
    expect(first.atReady).toEqual(first.settled);

    await page.evaluate(() => {
      window.__labelsAtReady!.length = 0;
      window.spinecast!.set({ level: 'T12' });
    });
    const second = await atReadyAndSettled(page);
    for (const pane of ['vp', 'bkp']) {
      expect(second.settled[pane]!.filter((l) => / mm @/.test(l))).toHaveLength(3);
    }
    expect(second.atReady).toEqual(second.settled);
    expect(second.settled).not.toEqual(first.settled);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
