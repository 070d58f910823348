/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { embedScript } from './scripts/lib/viteEmbed.ts';
import { offline } from './scripts/lib/offlinePlugin.ts';
import { noscriptInEveryLanguage } from './scripts/lib/noscriptPlugin.ts';
import { scenePreload } from './scripts/lib/scenePreload.ts';

/**
 * The built app may only talk to its own origin (product.md: no trackers, no external requests).
 * 'wasm-unsafe-eval' lets the meshopt decoder compile its embedded WASM. Added to the build only:
 * the dev server's hot-reload preamble is an inline script.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' data: blob:",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'spinecast-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

// One config for the app, its build and its tests.
// Unit tests run in node; browser tests drive Debian's Chromium through playwright-core
// against a production build served by `vite preview` (see tests/browser/globalSetup.ts).
export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), noscriptInEveryLanguage(), offline(), scenePreload(), embedScript()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1600,
    // The speaker view is a page of its own: DOM only, no three.js.
    rollupOptions: { input: { main: 'index.html', speaker: 'speaker.html' } },
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: false },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/browser/**'],
          environment: 'node',
          // Monte-Carlo calibration and model regeneration files run for minutes on a loaded 2-core
          // machine; a timeout that holds there, yet still ends a test that hangs.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Two files at a time: much of a browser test is waiting (model fetch, the cement worker,
          // a frame), so two Chromiums share the two cores better than one does.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
