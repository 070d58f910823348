/**
 * The 3D view without a drag: buttons and keys turn, tilt, zoom and reset it; a tap keeps the guided
 * camera; its description follows the step; the X-ray pictures are described; reduced motion cuts
 * between shots; forced colours keep the chosen option and the current step marked.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { DESKTOP, PHONE, canvasPixels, changedShare, openApp, waitReady } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const SMALL = { viewport: { width: 900, height: 640 }, deviceScaleFactor: 1 };

async function seek(page: Page, t: number): Promise<void> {
  await page.evaluate((time) => window.spinecast!.seek(time), t);
  await waitReady(page);
}

/** Pixels changed between early in the "body" step and 40% into it (the shot glides in the first 35%). */
async function changeWithinStep(page: Page): Promise<number> {
  const [start, end] = await page.evaluate(() => {
    const api = window.spinecast!;
    api.goToStep('body');
    const s = api.getState().t;
    api.goToStep('mix');
    return [s, api.getState().t];
  });
  await seek(page, start + 0.02);
  const early = await canvasPixels(page);
  await seek(page, start + (end - start) * 0.4);
  return changedShare(early, await canvasPixels(page));
}

describe('accessible 3D view', () => {
  it('buttons and keys turn, tilt and zoom the view; reset returns to the guided shot; the name follows the step', async () => {
    const { page, errors } = await openApp(browser, 'procedure=vp&step=dock', SMALL);
    const canvas = page.locator('.view-focus').first();
    expect(await canvas.getAttribute('aria-label')).toMatch(/step 3 of 9: Needle on the pedicle\. Seen from behind and the patient's right\./);
    const guided = await canvasPixels(page);
    await page.getByRole('button', { name: 'Turn left' }).click();
    await page.getByRole('button', { name: 'Turn left' }).click();
    await waitReady(page);
    const turned = await canvasPixels(page);
    expect(changedShare(guided, turned)).toBeGreaterThan(0.05);
    expect(await canvas.getAttribute('aria-label')).toMatch(/Seen from behind\./);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await waitReady(page);
    expect(changedShare(turned, await canvasPixels(page))).toBeGreaterThan(0.05);
    await page.getByRole('button', { name: "Back to this step's view" }).click();
    await waitReady(page);
    expect(changedShare(guided, await canvasPixels(page))).toBeLessThan(0.01);
    // Keys while the view has keyboard focus: the arrows tilt and turn it and do not change the step.
    await canvas.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await waitReady(page);
    // Compare without the focus ring, which is drawn over the view's edge.
    const blur = () => canvas.evaluate((el) => (el as HTMLElement).blur());
    await blur();
    expect(changedShare(guided, await canvasPixels(page))).toBeGreaterThan(0.05);
    expect(await page.locator('.caption').getAttribute('data-step')).toBe('dock');
    await canvas.focus();
    await page.keyboard.press('0');
    await waitReady(page);
    await blur();
    expect(changedShare(guided, await canvasPixels(page))).toBeLessThan(0.01);
    // Each X-ray picture is described in words.
    expect(await page.locator('.fluoro-label[data-projection="ap"]').getAttribute('aria-label')).toBe(
      'from the back (AP) X-ray picture: the needle tip resting on the pedicle, the bony ring at the back of the vertebra.',
    );
    await page.getByRole('button', { name: 'Next step' }).click();
    await waitReady(page);
    expect(await canvas.getAttribute('aria-label')).toMatch(/step 4 of 9: Through the pedicle/);
    expect(await page.locator('.fluoro-label[data-projection="lateral"]').getAttribute('aria-label')).toMatch(/toward the back wall of the vertebral body/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a tap on the view keeps the guided camera', async () => {
    const { page } = await openApp(browser, 'procedure=vp&step=pedicle', PHONE);
    const box = (await page.locator('canvas').first().boundingBox())!;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 3);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 3);
    await page.waitForTimeout(300);
    expect(await page.getByRole('button', { name: "Back to this step's view" }).count()).toBe(0);
    await page.context().close();
  });

  it('reduced motion: the camera does not move within a step, and the spinner stands still', async () => {
    const spinnerAnimation = (page: Page) =>
      page.evaluate(() => {
        const el = document.createElement('span');
        el.className = 'sim-status__spinner';
        document.body.append(el);
        const name = getComputedStyle(el).animationName;
        el.remove();
        return name;
      });
    const moving = await openApp(browser, 'procedure=vp', SMALL);
    const normal = await changeWithinStep(moving.page);
    expect(await spinnerAnimation(moving.page)).toBe('spin');
    await moving.page.context().close();
    const calm = await openApp(browser, 'procedure=vp', { ...SMALL, reducedMotion: 'reduce' });
    const reduced = await changeWithinStep(calm.page);
    expect(await spinnerAnimation(calm.page)).toBe('none');
    await calm.page.context().close();
    // Only the needle moves when the camera holds still.
    expect(normal).toBeGreaterThan(0.2);
    expect(reduced).toBeLessThan(0.05);
  });

  it('forced colours: the chosen option and the current step stay marked', async () => {
    const { page } = await openApp(browser, 'procedure=vp&step=pedicle', { ...DESKTOP, forcedColors: 'active' });
    const styles = await page.evaluate(() => {
      const on = document.querySelector('.procedure-switch [aria-checked="true"]')!;
      const off = document.querySelector('.procedure-switch [aria-checked="false"]')!;
      const current = document.querySelector('.step-list__button.is-current')!;
      const other = document.querySelector('.step-list__button:not(.is-current)')!;
      return {
        on: getComputedStyle(on).backgroundColor,
        off: getComputedStyle(off).backgroundColor,
        current: getComputedStyle(current).borderTopWidth,
        other: getComputedStyle(other).borderTopWidth,
      };
    });
    expect(styles.on).not.toBe(styles.off);
    expect(styles.current).toBe('3px');
    expect(styles.other).not.toBe('3px');
    await page.context().close();
  });
});
