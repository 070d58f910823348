import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { canvasPixels, changedShare, openApp, openResults, state, waitReady } from './helpers.ts';

/** Screenshots of the key steps land here, to be looked at (not compared). */
const SHOTS = 'test-results/steps';

let browser: Browser;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the procedures on the anatomy', () => {
  it('every step of both procedures draws a different picture as the instruments move', { timeout: 180_000 }, async () => {
    for (const procedure of ['vp', 'bkp'] as const) {
      // A smaller window keeps this many software-rendered frames quick.
      const { page, errors } = await openApp(browser, `procedure=${procedure}`, { viewport: { width: 720, height: 450 }, deviceScaleFactor: 1 });
      const steps = (await state(page)).steps;
      let previous = await canvasPixels(page);
      let changes = 0;
      for (const id of steps.slice(1)) {
        await page.evaluate((s) => window.spinecast!.goToStep(s), id);
        await waitReady(page);
        // Mid-step is where things move; seek into it.
        await page.evaluate(() => window.spinecast!.seek(window.spinecast!.getState().t + 2.5));
        await waitReady(page);
        const now = await canvasPixels(page);
        if (changedShare(previous, now) > 0.002) changes++;
        if (['dock', 'inflate', 'inject', 'set'].includes(id)) await page.screenshot({ path: `${SHOTS}/${procedure}-${id}.png` });
        previous = now;
      }
      // Most steps visibly change the scene (camera moves, instruments, balloon, cement).
      expect(changes).toBeGreaterThanOrEqual(steps.length - 3);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('compare: both panes, metrics for both procedures from the geometry, and the results table', async () => {
    const { page, errors } = await openApp(browser, 'procedure=compare&level=L1&grade=2&shape=wedge');
    expect(await page.locator('canvas').count()).toBe(2);
    const s = await state(page);
    const vp = s.metrics.vp!;
    const bkp = s.metrics.bkp!;
    // Vertebroplasty: only the small reduction from lying prone (about 1–2°, Ding 2020; pooled 1.7°),
    // never exactly none, and well short of kyphoplasty's.
    expect(vp.heightAfterMm.anterior).toBeGreaterThan(vp.heightBeforeMm.anterior);
    expect(vp.wedgeBeforeDeg - vp.wedgeAfterDeg).toBeGreaterThan(0.8);
    expect(vp.wedgeBeforeDeg - vp.wedgeAfterDeg).toBeLessThan(2.5);
    expect(vp.heightAfterMm.anterior).toBeLessThan(bkp.heightAfterMm.anterior - 1);
    expect(bkp.heightAfterMm.anterior).toBeGreaterThan(bkp.heightBeforeMm.anterior + 2);
    expect(bkp.wedgeAfterDeg).toBeLessThan(bkp.wedgeBeforeDeg - 3);
    expect(bkp.heightBeforeMm).toEqual(vp.heightBeforeMm);
    // Closed while playing; at the end of this laptop-sized view it waits to be asked for.
    expect(await page.locator('.results__table').count()).toBe(0);
    await page.keyboard.press('End');
    await waitReady(page);
    expect(await page.locator('.results__table').count()).toBe(0);
    const table = await openResults(page);
    // One row per procedure (a short strip under both vertebrae), one column per measure.
    expect(await table.locator('th[scope="row"]').allTextContents()).toEqual(['Vertebroplasty', 'Kyphoplasty']);
    expect(await table.locator('th[scope="col"]').allTextContents()).toContain('Wedge angle');
    const bkpRow = await table.locator('tbody tr').nth(1).textContent();
    expect(bkpRow).toContain(`${bkp.wedgeBeforeDeg.toFixed(1)} → ${bkp.wedgeAfterDeg.toFixed(1)}°`);
    await page.screenshot({ path: `${SHOTS}/compare-end.png` });
    // A different case gives different numbers (computed, not typed in).
    await page.evaluate(() => window.spinecast!.set({ grade: 3 }));
    await waitReady(page);
    expect((await state(page)).metrics.vp!.heightBeforeMm.anterior).toBeLessThan(vp.heightBeforeMm.anterior - 1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("compare: turning one view turns the other, and 'back to this step's view' reframes both", async () => {
    // Two panes, two simulations and the cement: allow a busy machine a minute to draw it.
    const { page } = await openApp(browser, 'procedure=compare&step=inject', undefined, 60_000);
    const canvases = page.locator('canvas');
    const before = [await canvasPixels(page, 0), await canvasPixels(page, 1)];
    const box = (await canvases.nth(0).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    await page.getByRole('button', { name: "Back to this step's view" }).waitFor();
    // Both panes moved: the dragged one and the linked one (on a busy machine the linked pane may
    // draw a few frames later, so each is looked at until it shows the move, for up to 15 s).
    const poll = { timeout: 15_000, interval: 300 };
    for (const i of [0, 1]) await expect.poll(async () => changedShare(before[i]!, await canvasPixels(page, i)), poll).toBeGreaterThan(0.02);
    await page.getByRole('button', { name: "Back to this step's view" }).click();
    await waitReady(page);
    for (const i of [0, 1]) await expect.poll(async () => changedShare(before[i]!, await canvasPixels(page, i)), poll).toBeLessThan(0.01);
    await page.context().close();
  });
});
