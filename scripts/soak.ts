/**
 * `npm run soak [-- --minutes 30]`: a long scripted run in Chromium, not part of `npm test`. One page
 * switches procedures and levels, seeks and plays (like an educator), then a second page runs the
 * kiosk loop. Every sample reports the JS heap after garbage collection, DOM nodes, WebGL contexts
 * created so far, notices on screen and errors. Exits 1 on a page error or on heap growth over 25%
 * between the first and last quarter of the run.
 */
import type { Page } from 'playwright-core';
import { countWebGLContexts, launchChromium, servePreview } from './lib/chromium.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const minutes = arg('minutes', 30);
const sampleEvery = arg('sample-seconds', 60) * 1000;
const KIOSK_SHARE = 1 / 3;

interface Sample {
  minute: number;
  phase: string;
  heapMB: number;
  domNodes: number;
  contexts: number;
  notices: number;
  switches: number;
  errors: number;
}

const server = await servePreview();
const browser = await launchChromium({ extraArgs: ['--js-flags=--expose-gc'] });
const samples: Sample[] = [];
const errors: string[] = [];
const started = Date.now();
const elapsedMin = () => (Date.now() - started) / 60_000;

async function open(query: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${elapsedMin().toFixed(1)} min: ${String(e)}`));
  await page.addInitScript(countWebGLContexts);
  await page.goto(`${server.url}?${query}`);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 180_000 });
  return page;
}

async function sample(page: Page, phase: string, switches: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  const dom = await page.evaluate(() => ({
    nodes: document.getElementsByTagName('*').length,
    contexts: (window as unknown as { __contexts: number }).__contexts,
    notices: document.querySelectorAll('.notice').length,
  }));
  const s: Sample = { minute: Math.round(elapsedMin() * 10) / 10, phase, heapMB: Math.round((heap.usedSize / 1e6) * 100) / 100, domNodes: dom.nodes, contexts: dom.contexts, notices: dom.notices, switches, errors: errors.length };
  samples.push(s);
  console.log(JSON.stringify(s));
}

const PATCHES: Record<string, unknown>[] = [
  { procedure: 'vp' }, { procedure: 'bkp' }, { procedure: 'compare' }, { level: 'L2' }, { level: 'T12' },
  { view: 'split' }, { view: '3d' }, { grade: 3 }, { grade: 2 }, { level: 'L1' }, { step: 'inject' }, { shape: 'biconcave' }, { shape: 'wedge' },
];

try {
  // Educator phase.
  const educatorEnd = started + minutes * 60_000 * (1 - KIOSK_SHARE);
  let page = await open('procedure=vp&level=L1');
  let switches = 0;
  let nextSample = Date.now();
  while (Date.now() < educatorEnd) {
    if (Date.now() >= nextSample) {
      await sample(page, 'switching', switches);
      nextSample += sampleEvery;
    }
    const patch = PATCHES[switches % PATCHES.length]!;
    await page.evaluate((p) => window.spinecast!.set(p), patch);
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 180_000 }).catch(() => errors.push(`${elapsedMin().toFixed(1)} min: not ready after ${JSON.stringify(patch)}`));
    if (switches % 5 === 0) {
      await page.evaluate(() => window.spinecast!.play());
      await page.waitForTimeout(3000);
      await page.evaluate(() => window.spinecast!.pause());
    }
    switches += 1;
  }
  await sample(page, 'switching', switches);
  await page.context().close();

  // Kiosk phase: nobody touches it.
  page = await open('kiosk=1&procedure=vp');
  const end = started + minutes * 60_000;
  while (Date.now() < end) {
    await sample(page, 'kiosk', 0);
    await page.waitForTimeout(Math.min(sampleEvery, Math.max(0, end - Date.now())));
  }
  await sample(page, 'kiosk', 0);
  await page.context().close();
} finally {
  await browser.close();
  await server.close();
}

const educator = samples.filter((s) => s.phase === 'switching');
const quarter = Math.max(1, Math.floor(educator.length / 4));
const mean = (xs: Sample[]) => xs.reduce((a, s) => a + s.heapMB, 0) / xs.length;
const early = mean(educator.slice(0, quarter));
const late = mean(educator.slice(-quarter));
console.log(`\nSoak: ${minutes} min, ${educator.at(-1)?.switches ?? 0} switches, ${samples.length} samples`);
console.log(`heap after GC: first ${educator[0]?.heapMB} MB, last ${educator.at(-1)?.heapMB} MB (first quarter mean ${early.toFixed(2)}, last quarter mean ${late.toFixed(2)})`);
console.log(`DOM nodes: ${educator[0]?.domNodes} → ${educator.at(-1)?.domNodes}; contexts: ${educator.at(-1)?.contexts}; kiosk heap ${samples.filter((s) => s.phase === 'kiosk').map((s) => s.heapMB).join(', ')} MB`);
console.log(`errors: ${errors.length}${errors.length ? `\n${errors.join('\n')}` : ''}`);
if (errors.length > 0 || late > early * 1.25) process.exit(1);
