/**
 * Embedding figures for `npm run bench` (run after the build it does):
 *  - embed.js, gzip: what every clinic page pays for the element;
 *  - the facade: every byte fetched from SpineCast by the example clinic page before a player is
 *    activated (embed.js and the two posters, as served by nginx with the deploy/ configuration);
 *  - activation to ready: from the press on play to the `spinecast:ready` DOM event, cold; and the
 *    same against the compact player opened directly at the same size in the same run (the frame,
 *    the bridge and the element should cost little; the ratio holds on a busy machine, the time not).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from './chromium.ts';
import { serveClinicPage, serveWithNginx } from './embedHost.ts';

interface Row {
  name: string;
  value: number;
  unit: string;
  budget?: number;
}

const ROOT = join(import.meta.dirname, '..', '..');

export async function benchEmbed(): Promise<Row[]> {
  const budgets = JSON.parse(readFileSync(join(ROOT, 'bench/budgets.json'), 'utf8')) as Record<string, number>;
  const rows: Row[] = [];
  const embedGzip = gzipSync(readFileSync(join(ROOT, 'dist/embed.js')), { level: 9 }).length;
  rows.push({ name: 'embed.js (gzip)', value: embedGzip / 1000, unit: 'KB', budget: budgets['embedJsGzipKB'] });

  const app = await serveWithNginx();
  const host = await serveClinicPage(app.url);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const fromApp: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      if (request.url().startsWith(app.origin)) fromApp.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
    });
    await page.goto(host.url);
    await page.waitForFunction(() => [...document.querySelectorAll('spine-cast')].every((p) => p.shadowRoot?.querySelector('img')?.complete));
    await page.waitForLoadState('networkidle');
    const facadeBytes = (await Promise.all(fromApp)).reduce((a, b) => a + b, 0);
    rows.push({ name: 'facade: bytes from SpineCast before play (2 players)', value: facadeBytes / 1000, unit: 'KB', budget: budgets['facadeKB'] });
    rows.push({ name: 'facade: requests to SpineCast before play', value: fromApp.length, unit: '' });

    const ms = await page.evaluate(async () => {
      const player = document.getElementById('player-vp')!;
      const ready = new Promise<number>((resolve) => player.addEventListener('spinecast:ready', () => resolve(performance.now())));
      const button = player.shadowRoot!.querySelector('button')!;
      const t0 = performance.now();
      button.click();
      return (await ready) - t0;
    });
    const size = await page.locator('#player-vp').boundingBox();
    rows.push({ name: 'activation to ready (cold, SwiftShader)', value: Math.round(ms), unit: 'ms', budget: budgets['activationToReadyMs'] });
    await context.close();

    const direct = await browser.newContext({ viewport: { width: Math.round(size!.width), height: Math.round(size!.height) }, deviceScaleFactor: 1 });
    const alone = await direct.newPage();
    const t0 = Date.now();
    await alone.goto(`${app.url}?procedure=vp&level=L1&grade=2&ui=compact`);
    await alone.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
    const directMs = Date.now() - t0;
    await direct.close();
    rows.push({ name: 'the same player opened directly, to ready', value: directMs, unit: 'ms' });
    rows.push({ name: 'activation to ready ÷ opened directly', value: ms / directMs, unit: '×', budget: budgets['activationToReadyRatio'] });
  } finally {
    await browser.close();
    await host.close();
    await app.close();
  }
  return rows;
}
