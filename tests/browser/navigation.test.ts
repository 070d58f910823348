import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { captionStep, openApp, state, waitReady } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function currentListStep(page: Page): Promise<string | null> {
  return page.locator('.step-list [aria-current="step"]').getAttribute('data-step');
}

async function expectStep(page: Page, id: string): Promise<void> {
  await waitReady(page);
  expect((await state(page)).step).toBe(id);
  expect(await captionStep(page)).toBe(id);
  expect(await currentListStep(page)).toBe(id);
}

describe('moving through the steps', () => {
  it('by keyboard: PageDown/PageUp (clickers), arrows, Home/End and Space', async () => {
    const { page, errors } = await openApp(browser, 'procedure=vp');
    const steps = (await state(page)).steps;
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    for (const id of steps.slice(1)) {
      await page.keyboard.press('PageDown');
      await expectStep(page, id);
    }
    await page.keyboard.press('PageUp');
    await expectStep(page, steps.at(-2)!);
    await page.keyboard.press('Home');
    await expectStep(page, steps[0]!);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, steps[1]!);
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, steps[0]!);
    await page.keyboard.press('End');
    await waitReady(page);
    expect((await state(page)).t).toBe((await state(page)).duration);
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    expect((await state(page)).playing).toBe(true);
    await page.keyboard.press('Space');
    expect((await state(page)).playing).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('by keyboard in compare, through every step of both procedures', async () => {
    // Compare's steps are vertebroplasty's and kyphoplasty's together, the balloon steps included.
    for (const procedure of ['compare']) {
      // Two panes at every step: a smaller window keeps the software renderer's frames short.
      const { page, errors } = await openApp(browser, `procedure=${procedure}`, { viewport: { width: 960, height: 600 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
      const steps = (await state(page)).steps;
      expect(steps).toEqual(expect.arrayContaining(['drill', 'inflate', 'deflate', 'inject', 'withdraw']));
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      for (const id of steps.slice(1)) {
        await page.keyboard.press('ArrowRight');
        await expectStep(page, id);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('by window.spinecast, with stepchange events and the scrubber value text', async () => {
    const { page } = await openApp(browser, 'procedure=vp');
    await page.evaluate(() => {
      (window as unknown as { seen: string[] }).seen = [];
      window.spinecast!.on('stepchange', (e) => (window as unknown as { seen: string[] }).seen.push(e.step));
    });
    await page.evaluate(() => window.spinecast!.goToStep('body'));
    await expectStep(page, 'body');
    expect(await page.locator('.scrubber__input').getAttribute('aria-valuetext')).toBe('Step 5 of 9: Into the vertebral body');
    await page.evaluate(() => window.spinecast!.next());
    await expectStep(page, 'mix');
    await page.evaluate(() => window.spinecast!.prev());
    await expectStep(page, 'body');
    const injectStart = await page.evaluate(() => {
      window.spinecast!.goToStep('inject');
      return window.spinecast!.getState().t;
    });
    await page.evaluate((t) => window.spinecast!.seek(t + 1), injectStart);
    await expectStep(page, 'inject');
    await page.evaluate(() => window.spinecast!.set({ procedure: 'bkp' }));
    await expectStep(page, 'inject');
    expect(await page.locator('.step-list__heading').textContent()).toBe('Balloon kyphoplasty (BKP)');
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['body', 'mix', 'body', 'inject', 'inject']);
    await page.context().close();
  });

  it('by the on-screen buttons and the step list', async () => {
    const { page } = await openApp(browser, 'procedure=vp');
    await page.getByRole('button', { name: 'Next step' }).click();
    await expectStep(page, 'anaesthesia');
    await page.getByRole('button', { name: 'Previous step' }).click();
    await expectStep(page, 'position');
    await page.locator('.step-list').getByRole('button', { name: 'Injecting cement' }).click();
    await expectStep(page, 'inject');
    await page.getByRole('radio', { name: 'Kyphoplasty' }).click();
    await expectStep(page, 'inject');
    expect((await state(page)).procedure).toBe('bkp');
    await page.getByRole('button', { name: 'Play' }).click();
    expect((await state(page)).playing).toBe(true);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect((await state(page)).playing).toBe(false);
    await page.context().close();
  });

  it('switching to the educator mode shows clinical wording and the expert panel, loaded on demand', async () => {
    const { page } = await openApp(browser, 'step=pedicle');
    const plain = await page.locator('.caption__text').textContent();
    const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
    const before = await scripts();
    await page.getByRole('radio', { name: 'Educator' }).click();
    await waitReady(page);
    const clinical = await page.locator('.caption__text').textContent();
    expect(clinical).not.toBe(plain);
    expect(clinical).toContain('medial pedicle wall');
    await page.getByText('Expert parameters').waitFor();
    expect((await scripts()).length).toBeGreaterThan(before.length);
    await page.context().close();
  });
});
