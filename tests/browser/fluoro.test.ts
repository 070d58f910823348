import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import type { Vec3 } from '../../src/domain/anatomy/vec.ts';
import { add, cross, normalize, scale, sub } from '../../src/domain/anatomy/vec.ts';
import { NEEDLE_OD_MM, gaugeFor } from '../../src/domain/procedures/trajectory.ts';
import { openApp, state, waitReady } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Shot {
  width: number;
  height: number;
  grey(x: number, y: number): number;
}

async function pageShot(page: Page): Promise<Shot> {
  const png = PNG.sync.read(await page.screenshot());
  return {
    width: png.width,
    height: png.height,
    grey: (x, y) => {
      const i = (Math.round(y) * png.width + Math.round(x)) * 4;
      return (png.data[i]! + png.data[i + 1]! + png.data[i + 2]!) / 3;
    },
  };
}

async function seekTo(page: Page, t: number): Promise<void> {
  await page.evaluate((time) => window.spinecast!.seek(time), t);
  await waitReady(page);
}

function project(page: Page, projection: 'ap' | 'lateral', p: Vec3): Promise<[number, number]> {
  return page.evaluate(([pr, point]) => window.__spinecastFluoro!.vp!.project(pr, point), [projection, p] as const);
}

describe('simulated fluoroscopy', () => {
  it('attenuation of simple closed shapes matches their analytic thickness within 2%', async () => {
    const { page } = await openApp(browser, 'procedure=vp&view=fluoro');
    for (const [shape, size] of [['sphere', 20], ['sphere', 8], ['box', 15], ['box', 30]] as const) {
      const value = await page.evaluate(([sh, sz]) => window.__spinecastFluoro!.vp!.measure(sh, sz), [shape, size] as const);
      expect(Math.abs(value - size) / size, `${shape} ${size} mm gave ${value}`).toBeLessThan(0.02);
    }
    await page.context().close();
  });

  it('the needle end projected from 3D is found in the AP and lateral images within 3 px', async () => {
    const { page, errors } = await openApp(browser, 'procedure=vp&view=fluoro&step=body');
    const start = (await state(page)).t;
    expect((await state(page)).level).toBe('L1');
    // Two moments while the needle advances through the body: the tip moves by several millimetres.
    await seekTo(page, start + 1.5);
    const before = await pageShot(page);
    const tipBefore = (await page.evaluate(() => window.__spinecastFluoro!.vp!.tips()))[0]!;
    await seekTo(page, start + 4.5);
    const after = await pageShot(page);
    const tipAfter = (await page.evaluate(() => window.__spinecastFluoro!.vp!.tips()))[0]!;
    // The needle is a steel tube ending square at its tip: on an image its end reaches past the tip
    // by the projection of the end's rim, a disc of the needle's radius across its path (about 4 px
    // on the AP image, where the beam looks along the needle at a slant, about 1 px on the lateral).
    const axis = normalize(sub(tipAfter, tipBefore));
    const across = normalize(cross(axis, Math.abs(axis[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0]));
    const across2 = cross(axis, across);
    const radius = NEEDLE_OD_MM[gaugeFor('L1')] / 2;
    const rim: Vec3[] = Array.from({ length: 36 }, (_, k) => {
      const a = (k / 36) * 2 * Math.PI;
      return add(tipAfter, add(scale(across, radius * Math.cos(a)), scale(across2, radius * Math.sin(a))));
    });
    for (const projection of ['ap', 'lateral'] as const) {
      const [x0, y0] = await project(page, projection, tipBefore);
      const [x1, y1] = await project(page, projection, tipAfter);
      const dx = x1 - x0;
      const dy = y1 - y0;
      const len = Math.hypot(dx, dy);
      expect(len).toBeGreaterThan(4);
      const along = (x: number, y: number) => ((x - x0) * dx + (y - y0) * dy) / len;
      const aside = (x: number, y: number) => ((x - x0) * dy - (y - y0) * dx) / len;
      // How far the drawn end should reach along the path: the farthest point of the rim.
      let reachExpected = len;
      for (const p of rim) reachExpected = Math.max(reachExpected, along(...(await project(page, projection, p))));
      // The newly dark pixels are the needle's advance: the farthest of them along the path is how far
      // it reaches, and their mean offset across the path is where its axis lies (symmetric about it).
      // A pixel counts when the mean darkening of it and its eight neighbours is 25 grey levels or
      // more: the needle darkens the bone under it by 40 or more, while the images' noise moves such
      // a mean by 10 at most, so neither one noisy pixel nor how grey the bone is decides.
      const drop = (x: number, y: number) => {
        let sum = 0;
        for (let j = -1; j <= 1; j++) for (let i = -1; i <= 1; i++) sum += before.grey(x + i, y + j) - after.grey(x + i, y + j);
        return sum / 9;
      };
      let reach = Number.NaN;
      let offset = 0;
      let count = 0;
      for (let y = Math.floor(Math.min(y0, y1) - 12); y <= Math.max(y0, y1) + 12; y++) {
        for (let x = Math.floor(Math.min(x0, x1) - 12); x <= Math.max(x0, x1) + 12; x++) {
          if (drop(x, y) < 25) continue;
          reach = count === 0 ? along(x, y) : Math.max(reach, along(x, y));
          offset += aside(x, y);
          count++;
        }
      }
      const miss = Math.hypot(reach - reachExpected, offset / count);
      const where = `${projection}: reaches ${reach.toFixed(1)} px along the path (expected ${reachExpected.toFixed(1)}, tip at ${len.toFixed(1)}), ${(offset / count).toFixed(1)} px aside`;
      expect(miss, where).toBeLessThanOrEqual(3);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the cement shows and grows on the lateral image as injection goes on', async () => {
    const { page } = await openApp(browser, 'procedure=vp&view=fluoro&step=inject&seed=3');
    const start = (await state(page)).t;
    const centre = await page.evaluate(() => {
      const lm = window.spinecast!.getState();
      return lm.level;
    });
    expect(centre).toBe('L1');
    const body = await page.evaluate(() => window.__spinecastFluoro!.vp!.tips()[0]!);
    const counts: number[] = [];
    for (const dt of [0.2, 5, 11.5]) {
      await seekTo(page, start + dt);
      const shot = await pageShot(page);
      const [cx, cy] = await project(page, 'lateral', body);
      let dark = 0;
      for (let y = cy - 45; y <= cy + 45; y++) for (let x = cx - 45; x <= cx + 45; x++) if (shot.grey(x, y) < 40) dark++;
      counts.push(dark);
    }
    expect(counts[1]!).toBeGreaterThan(counts[0]! * 1.3 + 50);
    expect(counts[2]!).toBeGreaterThan(counts[1]!);
    await page.context().close();
  });

  it('marks the safety-rule moment: medial pedicle wall on AP, posterior wall on the lateral', async () => {
    const { page } = await openApp(browser, 'procedure=vp&view=fluoro&step=pedicle');
    expect(await page.locator('[data-guide="medial-wall"]').count()).toBe(1);
    expect(await page.locator('[data-guide="posterior-wall"]').count()).toBe(1);
    await page.evaluate(() => window.spinecast!.goToStep('dock'));
    await waitReady(page);
    expect(await page.locator('[data-guide]').count()).toBe(0);
    expect(await page.locator('.fluoro-label[data-projection="ap"]').textContent()).toBe("AP, bull's-eye");
    await page.context().close();
  });

  it('switches the display convention: dense bright or dense dark', async () => {
    const { page } = await openApp(browser, 'procedure=vp&view=fluoro&step=mix');
    const dark = await pageShot(page);
    await page.getByRole('button', { name: 'Show: view and layers' }).click();
    await page.getByLabel('X-ray: bone bright (radiograph style)').check();
    await waitReady(page);
    const bright = await pageShot(page);
    const tip = (await page.evaluate(() => window.__spinecastFluoro!.vp!.tips()))[0]!;
    const [x, y] = await project(page, 'lateral', tip);
    // Near the needle tip: dark on the monitor convention, bright on the radiograph convention.
    expect(dark.grey(x - 2, y)).toBeLessThan(80);
    expect(bright.grey(x - 2, y)).toBeGreaterThan(170);
    await page.context().close();
  });
});
