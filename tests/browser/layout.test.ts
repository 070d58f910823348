import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { DESKTOP, PHONE, canvasPixels, changedShare, openApp, state, waitReady } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Visible controls that are too small to touch, have no accessible name, or stick out of the window. */
async function auditControls(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>('button, input, select, [role="radio"], a[href]');
    for (const el of controls) {
      // A checkbox's touch target is its whole label row.
      const target = el instanceof HTMLInputElement && el.type === 'checkbox' && el.labels?.[0] ? el.labels[0] : el;
      const box = target.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      if (el.closest('[class^="leva"], [class*=" leva"]')) continue;
      const labelled = el.getAttribute('aria-labelledby');
      const name = (
        el.getAttribute('aria-label') ??
        (labelled ? document.getElementById(labelled)?.textContent : null) ??
        ((el as HTMLInputElement).labels?.[0]?.textContent || null) ??
        el.textContent ??
        ''
      ).trim();
      const id = `${el.tagName.toLowerCase()}.${el.className}`;
      if (!name) problems.push(`${id}: no accessible name`);
      if (box.height < 44 || (box.width < 44 && el.tagName !== 'INPUT')) problems.push(`${id} "${name}": ${Math.round(box.width)}x${Math.round(box.height)} px`);
      if (box.right > window.innerWidth + 1 || box.left < -1) problems.push(`${id} "${name}": outside the window`);
    }
    return problems;
  });
}

/**
 * Buttons, selects and pane names (and, with `labels`, the 3D scene's labels) that lie over an X-ray
 * picture; `pictures` must be on screen.
 */
async function overPictures(page: Page, pictures: number, labels = false): Promise<string[]> {
  const boxes = (selector: string) =>
    page.locator(selector).evaluateAll((els: Element[]) =>
      els
        .map((el): { what: string; r: DOMRect; seen: boolean } => ({ what: `${el.className} "${el.textContent ?? ''}"`, r: el.getBoundingClientRect(), seen: getComputedStyle(el).visibility !== 'hidden' }))
        .filter((o) => o.seen && o.r.width > 0 && o.r.height > 0)
        .map((o) => ({ what: o.what, x: o.r.left, y: o.r.top, width: o.r.width, height: o.r.height })),
    );
  const frames = await boxes('.fluoro-frame');
  expect(frames).toHaveLength(pictures);
  const controls = await boxes(`.stage button, .stage select, .pane__title${labels ? ', .scene-label' : ''}`);
  return controls.filter((c) => frames.some((p) => c.x < p.x + p.width && p.x < c.x + c.width && c.y < p.y + p.height && p.y < c.y + c.height)).map((c) => c.what);
}

describe('layout and accessibility', () => {
  it('desktop: every control is named, at least 44 px, inside the window', async () => {
    const { page } = await openApp(browser, 'mode=educator', DESKTOP);
    expect(await auditControls(page)).toEqual([]);
    await page.getByRole('button', { name: /Fracture: L1/ }).click();
    expect(await auditControls(page)).toEqual([]);
    await page.getByRole('combobox', { name: 'Vertebra' }).selectOption('T8');
    await page.getByRole('radio', { name: /Grade 3/ }).click();
    await page.getByRole('radio', { name: /Biconcave/ }).click();
    await waitReady(page);
    expect(await state(page)).toMatchObject({ level: 'T8', grade: 3, shape: 'biconcave' });
    await page.keyboard.press('Escape');
    expect(await page.locator('.case-panel').count()).toBe(0);
    await page.context().close();
  });

  it('the 3D view keeps one size through every step of both procedures; the caption reserving it is read out once', async () => {
    // Each change of the view's height reallocates the canvas: a long task and a jump in the picture.
    // The caption box is as tall as the tallest caption of the procedure group, whatever came before.
    const { page, errors } = await openApp(browser, 'procedure=vp', { ...DESKTOP, viewport: { width: 1280, height: 640 } });
    const seen: string[] = [];
    for (const procedure of ['vp', 'bkp'] as const) {
      await page.evaluate((p) => window.spinecast!.set({ procedure: p }), procedure);
      for (const step of (await state(page)).steps) {
        const view = await page.evaluate(async (id) => {
          window.spinecast!.goToStep(id);
          await new Promise(requestAnimationFrame);
          const box = document.querySelector('.stage__view')!.getBoundingClientRect();
          return `${box.width}x${box.height}`;
        }, step);
        seen.push(`${procedure}/${step} ${view}`);
      }
    }
    const sizes = new Set(seen.map((s) => s.split(' ')[1]!));
    expect(sizes.size, seen.join(', ')).toBe(1);
    expect(Number([...sizes][0]!.split('x')[1])).toBeGreaterThan(200);
    // Only the caption shown is in the accessibility tree, once.
    await page.evaluate(() => window.spinecast!.goToStep('inject'));
    await expect.poll(() => page.locator('.caption').getAttribute('data-step')).toBe('inject');
    const read = await page.locator('.caption').ariaSnapshot();
    expect(read).toContain('Filling the cavity');
    expect(read).not.toMatch(/Positioning|Inflating|Drilling|Injecting/);
    expect(await page.locator('.caption__title, .caption__text').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('phone (390 px): no sideways scrolling, controls fit and are big enough, steps open as a drawer', async () => {
    const { page, errors } = await openApp(browser, '', PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await auditControls(page)).toEqual([]);
    const pixels = await canvasPixels(page);
    expect(pixels.height).toBeGreaterThan(250);
    expect(pixels.foreground).toBeGreaterThan(0.05);
    // The turn, tilt and zoom buttons fold behind one button, so they do not cover the view.
    const turnLeft = page.getByRole('button', { name: 'Turn left' });
    expect(await turnLeft.isVisible()).toBe(false);
    const fold = page.locator('.camera-controls__toggle');
    await fold.tap();
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    expect(await turnLeft.isVisible()).toBe(true);
    await fold.tap();
    expect(await page.locator('.step-list').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show steps' }).tap();
    await page.locator('.step-list').getByRole('button', { name: 'Through the pedicle' }).tap();
    await waitReady(page);
    expect((await state(page)).step).toBe('pedicle');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('phone: nothing covers the X-ray pictures; the longest caption leaves the view its height and the page scrolls to the rest', async () => {
    const { page, errors } = await openApp(browser, 'procedure=bkp&step=dock&view=split&lang=es', PHONE, 60_000);
    expect(await overPictures(page, 2)).toEqual([]);
    // The step list's button is in the transport row, and opens the list.
    await page.locator('.transport .steps-toggle').tap();
    expect(await page.locator('.step-list').isVisible()).toBe(true);
    await page.context().close();

    // The longest wording there is (German, the educator's two-part compare step) on a phone.
    const long = await openApp(browser, 'procedure=compare&step=inject&mode=educator&lang=de', PHONE, 60_000);
    const view = (await long.page.locator('.stage').boundingBox())!;
    expect(view.height).toBeGreaterThanOrEqual(220);
    expect(await long.page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(844);
    // Everything below is reached by scrolling the page.
    const play = long.page.getByRole('button', { name: 'Abspielen' });
    await play.scrollIntoViewIfNeeded();
    const box = (await play.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await play.tap();
    expect(await long.page.evaluate(() => window.spinecast!.getState().playing)).toBe(true);
    expect([...errors, ...long.errors]).toEqual([]);
    await long.page.context().close();
  });

  it('the pane names, the view\'s buttons and the 3D labels stay off the X-ray pictures: compare on a laptop and a phone, and the X-ray view', async () => {
    const seen: Record<string, string[]> = {};
    for (const [size, options] of [['laptop', { ...DESKTOP, viewport: { width: 1280, height: 760 } }], ['phone', PHONE]] as const) {
      const { page, errors } = await openApp(browser, 'procedure=compare&level=L1&step=inject&view=split&lang=fr', options, 60_000);
      seen[`${size} split`] = await overPictures(page, 4);
      if (size === 'phone') {
        // One procedure's X-ray view, the pair across the phone's width.
        await page.evaluate(() => window.spinecast!.set({ procedure: 'vp', view: 'fluoro' }));
        await waitReady(page, 60_000);
        seen[`${size} X-ray`] = await overPictures(page, 2, true);
      } else {
        await page.evaluate(() => window.spinecast!.set({ view: 'fluoro' }));
        await waitReady(page, 60_000);
        seen[`${size} X-ray`] = await overPictures(page, 4, true);
        await page.evaluate(() => window.spinecast!.set({ view: '3d' }));
        await waitReady(page, 60_000);
        seen[`${size} 3D`] = await overPictures(page, 4);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    }
    expect(seen).toEqual({ 'laptop split': [], 'laptop X-ray': [], 'laptop 3D': [], 'phone split': [], 'phone X-ray': [] });

    // A short laptop view with the educator's long caption: no button over a height label.
    const short = await openApp(browser, 'procedure=compare&level=L1&step=inject&view=split&mode=educator&lang=fr', { ...DESKTOP, viewport: { width: 1280, height: 720 } }, 60_000);
    const coveredLabels = await short.page.evaluate(() => {
      const box = (el: Element) => el.getBoundingClientRect();
      const labels = [...document.querySelectorAll('.scene-label--measure')].filter((el) => getComputedStyle(el).visibility !== 'hidden' && box(el).width > 0);
      const buttons = [...document.querySelectorAll('.stage button')].filter((el) => box(el).width > 0);
      return labels
        .filter((l) => buttons.some((b) => box(l).left < box(b).right && box(b).left < box(l).right && box(l).top < box(b).bottom && box(b).top < box(l).bottom))
        .map((l) => l.textContent);
    });
    expect(coveredLabels).toEqual([]);
    expect(short.errors).toEqual([]);
    await short.page.context().close();
  });

  it('labels and tissue layers can be turned on and off', async () => {
    const { page, errors } = await openApp(browser, 'level=L2', DESKTOP);
    // The height markers' labels are in the page but hidden until a step measures.
    expect(await page.locator('.scene-label:visible').count()).toBe(0);
    const before = await canvasPixels(page);
    await page.getByRole('button', { name: 'Show: view and layers' }).click();
    await page.getByLabel('Labels').check();
    await page.locator('.scene-label.is-target').waitFor();
    expect(await page.locator('.scene-label.is-target').textContent()).toBe('L2 (broken)');
    expect(await page.locator('.scene-label', { hasText: 'Pedicle' }).count()).toBe(1);
    await page.getByLabel('Skin and muscle').check();
    await waitReady(page);
    const withSkin = await canvasPixels(page);
    expect(changedShare(before, withSkin)).toBeGreaterThan(0.01);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('radio groups are one tab stop and move with the arrow keys', async () => {
    const { page } = await openApp(browser, 'procedure=vp', DESKTOP);
    await page.getByRole('radio', { name: 'Vertebroplasty' }).focus();
    await page.keyboard.press('ArrowRight');
    await waitReady(page);
    expect((await state(page)).procedure).toBe('bkp');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Kyphoplasty');
    // Arrow keys inside the group did not also move the step.
    expect((await state(page)).step).toBe('position');
    await page.context().close();
  });
});
