/**
 * Screenshots of the example clinic page (examples/clinic.html) with its two players, for looking at:
 * `npx tsx scripts/shootEmbed.ts [outDir]`. At 1280 and 390 px wide, before and after the
 * vertebroplasty player is activated. Serves the build (run `vite build` first) with nginx.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/chromium.ts';
import { serveClinicPage, serveWithNginx } from './lib/embedHost.ts';

const outDir = process.argv[2] ?? '/tmp/spinecast-embed-shots';
mkdirSync(outDir, { recursive: true });
const app = await serveWithNginx();
const host = await serveClinicPage(app.url);
const browser = await launchChromium();
try {
  for (const vp of [
    { name: 'desktop', width: 1280, height: 900, isMobile: false },
    { name: 'phone', width: 390, height: 844, isMobile: true },
  ]) {
    const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, isMobile: vp.isMobile, hasTouch: vp.isMobile, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log(`[${vp.name}] console error: ${m.text()}`));
    await page.goto(host.url);
    const player = page.locator('#player-vp');
    await player.getByRole('button', { name: /Play the interactive 3D explanation/ }).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('spine-cast')].every((p) => p.shadowRoot?.querySelector('img')?.complete));
    await page.screenshot({ path: join(outDir, `clinic-${vp.width}-before.png`), fullPage: true });
    await page.evaluate(() => {
      (window as unknown as { ready: Promise<void> }).ready = new Promise((r) => document.querySelector('#player-vp')!.addEventListener('spinecast:ready', () => r()));
    });
    await player.getByRole('button', { name: /Play the interactive 3D explanation/ }).click();
    await page.evaluate(() => (window as unknown as { ready: Promise<void> }).ready);
    await player.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outDir, `clinic-${vp.width}-after.png`), fullPage: vp.width > 400 });
    console.log(join(outDir, `clinic-${vp.width}-{before,after}.png`));
    await context.close();
  }
} finally {
  await browser.close();
  await host.close();
  await app.close();
}
