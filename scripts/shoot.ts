/**
 * Screenshots of the built app for looking at: `npx tsx scripts/shoot.ts [outDir] [query...]`.
 * Each query (e.g. "procedure=bkp&step=inflate") is shot at desktop and phone sizes.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, servePreview } from './lib/chromium.ts';

const outDir = process.argv[2] ?? '/tmp/spinecast-shots';
const queries = process.argv.slice(3);
if (queries.length === 0) queries.push('');
mkdirSync(outDir, { recursive: true });

const server = await servePreview();
const browser = await launchChromium();
const viewports = [
  { name: 'desktop', width: 1366, height: 820, isMobile: false, hasTouch: false },
  { name: 'phone', width: 390, height: 844, isMobile: true, hasTouch: true },
];
try {
  for (const [i, query] of queries.entries()) {
    for (const vp of viewports) {
      const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, isMobile: vp.isMobile, hasTouch: vp.hasTouch, deviceScaleFactor: 1 });
      const page = await context.newPage();
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[${vp.name}] ${m.type()}: ${m.text()}`); });
      await page.goto(`${server.url}?${query}`);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
      const file = join(outDir, `${String(i).padStart(2, '0')}-${vp.name}.png`);
      await page.screenshot({ path: file });
      console.log(file, query);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
