/**
 * Browser tests run against the production build (`vite build`, done by `npm test` first) served on
 * loopback, in Debian's Chromium with SwiftShader WebGL 2.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_HELP, findChromium, servePreview } from '../../scripts/lib/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!findChromium()) throw new Error(CHROMIUM_HELP);
  if (!existsSync(join(project.config.root, 'dist', 'index.html'))) {
    throw new Error('No build to test: run `npm run build` first (npm test does this for you).');
  }
  const server = await servePreview();
  project.provide('baseUrl', server.url);
  return server.close;
}
