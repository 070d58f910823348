/**
 * `npx tsx scripts/icons.ts`: draws the app icons (public/icons/icon-192.png, icon-512.png) from
 * public/icons/icon.svg in Chromium, so the installable app's PNG icons never drift from the SVG.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/chromium.ts';

const DIR = join(import.meta.dirname, '../public/icons');
const svg = readFileSync(join(DIR, 'icon.svg'), 'utf8');
const browser = await launchChromium();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: join(DIR, `icon-${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
