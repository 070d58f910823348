/**
 * `npm run bench`: prints the numbers the budgets in bench/budgets.json hold us to.
 *  - initial JS: gzip bytes of the entry chunk and its modulepreloads (what a first visit downloads);
 *  - JS before the first paint and the first contentful paint under a 4× slower CPU
 *    (scripts/lib/benchFirstPaint.ts): the 3D view's chunk is fetched at once but runs after it;
 *  - in Chromium (SwiftShader) on the default view while playing: draw calls, triangles, and
 *    main-thread JS milliseconds per frame (CDP ScriptDuration over the frames drawn).
 * `--write-readme` also puts the figures into README.md between the bench markers.
 * Exits 1 when a figure is over its budget.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchEmbed } from './lib/benchEmbed.ts';
import { benchModels } from './lib/benchModels.ts';
import { benchSimulation } from './lib/benchSim.ts';
import { launchChromium, servePreview } from './lib/chromium.ts';
import { firstPaintJsKB, measureFirstPaint } from './lib/benchFirstPaint.ts';

const ROOT = join(import.meta.dirname, '..');
const budgets = JSON.parse(readFileSync(join(ROOT, 'bench/budgets.json'), 'utf8')) as Record<string, number>;

interface Row {
  name: string;
  value: number;
  unit: string;
  budget?: number;
}
const rows: Row[] = [];

execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });

// Initial JS: the entry module and every chunk it preloads.
const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
const initial = new Set<string>();
for (const m of html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+\.js)"/g)) {
  initial.add((m[1] ?? m[2])!);
}
let initialGzip = 0;
for (const file of initial) initialGzip += gzipSync(readFileSync(join(ROOT, 'dist', file)), { level: 9 }).length;
rows.push({ name: 'initial JS (gzip)', value: initialGzip / 1000, unit: 'KB', budget: budgets['initialJsGzipKB'] });
// What runs before the first paint: the entry and its static imports (the 3D view is only preloaded).
rows.push({ name: 'JS before first paint (gzip)', value: firstPaintJsKB(join(ROOT, 'dist')).kb, unit: 'KB', budget: budgets['firstPaintJsGzipKB'] });

// Rendering cost of the default view, and of the X-ray pictures on top of it.
async function measure(page: import('playwright-core').Page, cdp: import('playwright-core').CDPSession) {
  const metric = async (name: string) =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  await page.evaluate(() => {
    window.spinecast!.goToStep('dock');
    window.spinecast!.play();
  });
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    window.__spinecastRenderStats!.peakCalls = 0;
    window.__spinecastRenderStats!.peakTriangles = 0;
  });
  const f0 = await page.evaluate(() => window.__spinecastRenderStats!.frames);
  const g0 = await page.evaluate(() => (window as unknown as { __glMs: number }).__glMs);
  const s0 = await metric('ScriptDuration');
  await page.waitForTimeout(4000);
  const s1 = await metric('ScriptDuration');
  const g1 = await page.evaluate(() => (window as unknown as { __glMs: number }).__glMs);
  const stats = await page.evaluate(() => ({ ...window.__spinecastRenderStats! }));
  await page.evaluate(() => window.spinecast!.pause());
  const frames = stats.frames - f0;
  // Script time less the time spent inside WebGL calls: on a software rasteriser those calls block
  // while the GPU process catches up, which says nothing about our JavaScript.
  const n = Math.max(1, frames);
  return { calls: stats.peakCalls, triangles: stats.peakTriangles, jsMs: (s1 - s0 - (g1 - g0)) / n, glMs: (g1 - g0) / n, frames };
}

/**
 * Compare mode while the cement goes in (both panes posed, remeshed and drawn every frame):
 * main-thread JS per frame, as `measure` counts it, the time of one cement remesh (in the worker) and
 * the page's main-thread time for one (copying the worker's triangles in).
 */
async function measureCompare(page: import('playwright-core').Page, cdp: import('playwright-core').CDPSession) {
  const metric = async (name: string) =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  await page.evaluate(() => window.spinecast!.set({ procedure: 'compare' }));
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
  // Measured once the step's picture and both cement simulations are in, so the window holds
  // playback only (not the simulations' start).
  await page.evaluate(() => window.spinecast!.goToStep('inject'));
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
  await page.evaluate(() => window.spinecast!.play());
  await page.waitForTimeout(1500);
  const before = await page.evaluate(() => ({ frames: window.__spinecastRenderStats!.frames, gl: (window as unknown as { __glMs: number }).__glMs, remesh: { ...window.__spinecastRemesh! } }));
  const s0 = await metric('ScriptDuration');
  await page.waitForTimeout(4000);
  const s1 = await metric('ScriptDuration');
  const after = await page.evaluate(() => ({ frames: window.__spinecastRenderStats!.frames, gl: (window as unknown as { __glMs: number }).__glMs, remesh: { ...window.__spinecastRemesh! } }));
  await page.evaluate(() => window.spinecast!.pause());
  const frames = Math.max(1, after.frames - before.frames);
  const remeshes = after.remesh.count - before.remesh.count;
  return {
    jsMs: (s1 - s0 - (after.gl - before.gl)) / frames,
    remeshMs: remeshes > 0 ? (after.remesh.ms - before.remesh.ms) / remeshes : Number.NaN,
    remeshMainMs: remeshes > 0 ? (after.remesh.mainMs - before.remesh.mainMs) / remeshes : Number.NaN,
    remeshes,
    frames,
  };
}

/**
 * Procedure and level switches as a user makes them: the longest main-thread task (Long Tasks API)
 * between the switch and `data-ready`, and the time from the switch to `data-ready`.
 */
async function measureSwitches(page: import('playwright-core').Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const switches: Record<string, string>[] = [
    { procedure: 'bkp' }, { procedure: 'compare' }, { level: 'L2' }, { procedure: 'vp' }, { level: 'T12' }, { procedure: 'bkp' },
    { level: 'L1' }, { procedure: 'vp' },
  ];
  const readyMs: number[] = [];
  let longest = 0;
  for (const patch of switches) {
    await page.evaluate(() => void ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
    const t0 = Date.now();
    await page.evaluate((p) => window.spinecast!.set(p), patch);
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
    readyMs.push(Date.now() - t0);
    await page.waitForTimeout(300);
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    longest = Math.max(longest, ...tasks, 0);
  }
  readyMs.sort((a, b) => a - b);
  return { longestTaskMs: longest, medianReadyMs: readyMs[Math.floor(readyMs.length / 2)]! };
}

const server = await servePreview();
const browser = await launchChromium();
try {
  const paint = await measureFirstPaint(server.url, 5, browser);
  rows.push({ name: 'first contentful paint, cold, CPU 4× slower (median of 5)', value: paint.fcpMs, unit: 'ms' });
  rows.push({ name: '3D code starts after that paint (loads out of 5)', value: paint.paintedFirst, unit: '' });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  const page = await context.newPage();
  // Time spent inside WebGL calls, to tell our JavaScript from waiting on the (software) GPU.
  await page.addInitScript(() => {
    const w = window as unknown as { __glMs: number };
    w.__glMs = 0;
    const proto = WebGL2RenderingContext.prototype as unknown as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, name);
      if (!d || typeof d.value !== 'function' || name === 'constructor') continue;
      const original = d.value as (...args: unknown[]) => unknown;
      proto[name] = function (this: unknown, ...args: unknown[]) {
        const t0 = performance.now();
        try {
          return original.apply(this, args);
        } finally {
          w.__glMs += performance.now() - t0;
        }
      };
    }
  });
  await page.goto(`${server.url}?step=dock`);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const withXray = await measure(page, cdp);
  await page.getByRole('button', { name: 'Show: view and layers' }).click();
  await page.getByLabel('X-ray pictures').uncheck();
  await page.keyboard.press('Escape');
  const without = await measure(page, cdp);
  rows.push({ name: 'draw calls (default view)', value: withXray.calls, unit: '', budget: budgets['drawCalls'] });
  rows.push({ name: 'triangles (default view)', value: withXray.triangles, unit: '', budget: budgets['triangles'] });
  rows.push({ name: 'main-thread JS per frame', value: withXray.jsMs, unit: 'ms', budget: budgets['jsMsPerFrame'] });
  rows.push({ name: 'X-ray pair: extra draw calls', value: withXray.calls - without.calls, unit: '' });
  rows.push({ name: 'X-ray pair: extra JS per frame', value: withXray.jsMs - without.jsMs, unit: 'ms' });
  rows.push({ name: 'time inside WebGL calls per frame (SwiftShader, reference only)', value: withXray.glMs, unit: 'ms' });
  rows.push({ name: 'frames in 4 s (SwiftShader, for reference only)', value: withXray.frames, unit: '' });
  const compare = await measureCompare(page, cdp);
  rows.push({ name: 'compare mode, injecting: main-thread JS per frame', value: compare.jsMs, unit: 'ms', budget: budgets['jsMsPerFrame'] });
  rows.push({ name: 'cement remesh, mean time of one, in the worker', value: compare.remeshMs, unit: 'ms' });
  rows.push({ name: 'cement remesh, main-thread time of one', value: compare.remeshMainMs, unit: 'ms' });
  rows.push({ name: 'cement remeshes in 4 s of compare playback (both panes)', value: compare.remeshes, unit: '' });
  await page.evaluate(() => window.spinecast!.set({ procedure: 'vp' }));
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
  // Clip for slides: 10 s at 30 fps, 1280×720, drawn frame by frame (record() of the command API).
  await page.evaluate(() => window.spinecast!.seek(0));
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 60_000 });
  const clip = await page.evaluate(async () => {
    const t0 = performance.now();
    const blob = await window.spinecast!.record({ from: 0, to: 10, fps: 30, width: 1280, height: 720 });
    return { ms: performance.now() - t0, bytes: blob.size };
  });
  rows.push({ name: 'record 10 s at 30 fps, 1280×720 (SwiftShader)', value: clip.ms / 1000, unit: 's' });
  rows.push({ name: 'that clip, WebM size', value: clip.bytes / 1e6, unit: 'MB' });
  const switching = await measureSwitches(page);
  rows.push({ name: 'longest main-thread task on a switch', value: switching.longestTaskMs, unit: 'ms', budget: budgets['switchLongTaskMs'] });
  rows.push({ name: 'switch to ready (median)', value: switching.medianReadyMs, unit: 'ms', budget: budgets['switchToReadyMs'] });
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

// Node-side figures: the models, the cement simulation and the embedding.
rows.push(...(await benchModels()), ...benchSimulation(), ...(await benchEmbed()));

const fmt = (r: Row) => `${Number.isInteger(r.value) ? r.value : r.value.toFixed(2)}${r.unit ? ` ${r.unit}` : ''}`;
let over = 0;
const lines = ['| measure | value | budget |', '|---|---|---|'];
for (const r of rows) {
  const bad = r.budget !== undefined && r.value > r.budget;
  if (bad) over++;
  lines.push(`| ${r.name} | ${fmt(r)} | ${r.budget === undefined ? '–' : `≤ ${r.budget}${r.unit ? ` ${r.unit}` : ''}${bad ? ' **OVER**' : ''}`} |`);
}
const table = lines.join('\n');
console.log(`\n${table}\n`);

if (process.argv.includes('--write-readme')) {
  const readmePath = join(ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const block = `<!-- bench:start -->\n${table}\n<!-- bench:end -->`;
  writeFileSync(readmePath, readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
  console.log('README.md updated.');
}
if (over > 0) {
  console.error(`${over} figure(s) over budget.`);
  process.exit(1);
}
