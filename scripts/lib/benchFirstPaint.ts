/**
 * First-paint figures for `npm run bench` (run after its build):
 *  - JS before the first paint: gzip bytes of the entry chunk and the chunks it imports statically,
 *    read from dist/ (the 3D view's chunk and its own imports are preloaded, not run, before it);
 *  - first contentful paint, cold, with the CPU slowed 4× (CDP `Emulation.setCPUThrottlingRate`,
 *    roughly Lighthouse's mobile preset), median of several loads, and whether the page's text was on
 *    screen before the 3D view's code ran (the `spinecast:scene-code` mark in src/scene/SceneHost.tsx).
 * `npx tsx scripts/lib/benchFirstPaint.ts URL...` prints the paint figures for already-served builds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';

/** Files (relative to `dist/`) a chunk pulls in with static imports, itself included. */
export function staticClosure(dist: string, file: string, into = new Set<string>()): Set<string> {
  if (into.has(file)) return into;
  into.add(file);
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  const source = readFileSync(join(dist, file), 'utf8');
  // `import{a as b}from"./x.js"` and `import"./x.js"`; dynamic `import(` never matches.
  for (const m of source.matchAll(/\bimport\s*(?:[\w$\s{},*]+?\s*from\s*)?["']\.\/([\w.-]+\.js)["']/g)) staticClosure(dist, dir + m[1]!, into);
  return into;
}

/** Gzip KB of the JS that runs before the first paint: the page's entry script and its static imports. */
export function firstPaintJsKB(dist: string): { kb: number; files: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="\.?\/?([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('dist/index.html has no module script');
  const files = [...staticClosure(dist, entry)];
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
  return { kb: bytes / 1000, files };
}

export interface PaintFigures {
  /** Median first contentful paint, ms from navigation start. */
  fcpMs: number;
  /** Median time the 3D view's code started to run, ms (NaN if the mark never came). */
  sceneCodeMs: number;
  /** Loads in which the text was painted before the 3D view's code ran. */
  paintedFirst: number;
  runs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureFirstPaint(url: string, runs = 5, browser?: Browser): Promise<PaintFigures> {
  const own = browser ?? (await launchChromium());
  const fcp: number[] = [];
  const scene: number[] = [];
  let paintedFirst = 0;
  try {
    for (let i = 0; i < runs; i++) {
      // A fresh context each time: nothing cached, no service worker.
      const context = await own.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(url);
      const t = await page.waitForFunction(
        () => {
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          const code = performance.getEntriesByName('spinecast:scene-code')[0];
          // A build without the mark (older ones) ran its 3D code before anything: count the text.
          const ready = document.documentElement.getAttribute('data-ready') === 'true';
          return paint && (code || ready) ? { fcp: paint.startTime, scene: code ? code.startTime : Number.NaN } : null;
        },
        undefined,
        { timeout: 120_000, polling: 100 },
      );
      const { fcp: f, scene: s } = (await t.jsonValue())!;
      fcp.push(f);
      if (Number.isFinite(s)) scene.push(s);
      if (f < s) paintedFirst++;
      await context.close();
    }
  } finally {
    if (!browser) await own.close();
  }
  return { fcpMs: median(fcp), sceneCodeMs: scene.length > 0 ? median(scene) : Number.NaN, paintedFirst, runs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const url of process.argv.slice(2)) console.log(url, await measureFirstPaint(url, 5));
}
