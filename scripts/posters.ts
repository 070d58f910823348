/**
 * `npm run posters`: the embed facade's posters, one per procedure, in `public/posters/<procedure>.webp`.
 * Screenshots the built app's 3D view in Chromium at a telling moment of each procedure (X-ray
 * pictures and floating controls hidden), then has the same browser encode a small WebP.
 * Run `vite build` first (this script does it unless given --no-build). Commit the images.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, servePreview } from './lib/chromium.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'public/posters');
/** Poster size: sharp enough for a 640 px wide player, small enough to cost little before play. */
const WIDTH = 800;
const HEIGHT = 450;
const QUALITY = 0.72;

/** The moment each poster shows: the cement going in (VP), the balloon opening (BKP), both side by side. */
const SHOTS = [
  { procedure: 'vp', query: 'procedure=vp&step=inject&t=70' },
  { procedure: 'bkp', query: 'procedure=bkp&step=inflate' },
  { procedure: 'compare', query: 'procedure=compare&step=inject' },
];

if (!process.argv.includes('--no-build')) {
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
}
mkdirSync(OUT, { recursive: true });
const server = await servePreview();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT + 260 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  for (const shot of SHOTS) {
    await page.goto(`${server.url}?${shot.query}&ui=compact&lang=en`);
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 60_000 });
    // The X-ray pair off, then every floating control hidden: the poster is the 3D view alone.
    await page.getByRole('button', { name: 'Show: view and layers' }).click();
    await page.getByLabel('X-ray pictures').uncheck();
    await page.keyboard.press('Escape');
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 60_000 });
    await page.addStyleTag({ content: '.view-options, .notices, .sim-status, .results, .loading, .scene-label-host { display: none !important; }' });
    await page.waitForTimeout(300);
    const png = await page.locator('.stage__view').screenshot();
    const webp = await page.evaluate(
      async ({ base64, width, height, quality }) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
        const canvas = new OffscreenCanvas(width, height);
        const ctx = canvas.getContext('2d')!;
        // Cover: fill the poster's 16:9 from the middle of the view.
        const scale = Math.max(width / bitmap.width, height / bitmap.height);
        const w = bitmap.width * scale;
        const h = bitmap.height * scale;
        ctx.drawImage(bitmap, (width - w) / 2, (height - h) / 2, w, h);
        const blob = await canvas.convertToBlob({ type: 'image/webp', quality });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        for (const b of bytes) binary += String.fromCharCode(b);
        return btoa(binary);
      },
      { base64: png.toString('base64'), width: WIDTH, height: HEIGHT, quality: QUALITY },
    );
    const file = join(OUT, `${shot.procedure}.webp`);
    writeFileSync(file, Buffer.from(webp, 'base64'));
    console.log(`${file}: ${Math.round(Buffer.from(webp, 'base64').length / 1024)} KB`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
