/**
 * Real-browser helpers shared by the browser tests, the benchmark and the screenshot script:
 * find Debian's Chromium, launch it headless with SwiftShader WebGL 2, and serve the built app.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, LaunchOptions } from 'playwright-core';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const CHROMIUM_HELP =
  'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y chromium fonts-dejavu-core`) ' +
  'or point CHROMIUM_PATH at a Chromium or Chrome binary.';

export function findChromium(): string | null {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Flags that work as root in a sandbox, with WebGL 2 on the CPU (engineering-notes.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

export async function launchChromium(options: { webgl?: boolean; extraArgs?: string[] } = {}): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_HELP);
  const args = [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])];
  if (options.webgl === false) args.push('--disable-3d-apis');
  const launch: LaunchOptions = { executablePath, headless: true, args };
  return chromium.launch(launch);
}

/** Serves `dist/` (run `vite build` first) on a free loopback port. */
export async function servePreview(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  const address = server.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

/**
 * Counts every canvas that gets a WebGL context into `window.__contexts`: pass to
 * `page.addInitScript` (it runs in the page, so it must stay self-contained).
 */
export function countWebGLContexts(): void {
  const w = window as unknown as { __contexts: number };
  w.__contexts = 0;
  const seen = new WeakSet<HTMLCanvasElement>();
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called later with the canvas as `this`
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    const ctx = (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
    if (ctx && type.startsWith('webgl') && !seen.has(this)) {
      seen.add(this);
      w.__contexts += 1;
    }
    return ctx;
  } as typeof original;
}
