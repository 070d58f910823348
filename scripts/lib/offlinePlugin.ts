/**
 * Offline and installable (vite build only): writes `sw.js` (scripts/lib/serviceWorker.js with the
 * list of every built file and a version derived from their contents) and `manifest.webmanifest`,
 * and links the manifest from index.html. The page registers the worker itself
 * (src/offline/registerOffline.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

export const SW_FILE = 'sw.js';
const MANIFEST_FILE = 'manifest.webmanifest';
const THEME = '#1b2030';

const MANIFEST = {
  name: 'SpineCast: vertebroplasty and kyphoplasty in 3D',
  short_name: 'SpineCast',
  description: 'An interactive 3D explanation of vertebroplasty and balloon kyphoplasty.',
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: THEME,
  theme_color: THEME,
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
    { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
  ],
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function offline(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'spinecast-offline',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'manifest', href: MANIFEST_FILE }, injectTo: 'head' },
      { tag: 'meta', attrs: { name: 'theme-color', content: THEME }, injectTo: 'head' },
    ],
    // First among the build's closing steps, so later ones (precompression) see sw.js and the manifest.
    closeBundle: {
      order: 'pre',
      sequential: true,
      handler() {
      const outDir = join(config.root, config.build.outDir);
      writeFileSync(join(outDir, MANIFEST_FILE), `${JSON.stringify(MANIFEST, null, 2)}\n`);
      const files = walk(outDir)
        .map((p) => relative(outDir, p).split(sep).join('/'))
        .filter((p) => p !== SW_FILE && !/\.(map|gz|br)$/.test(p) && p !== 'embed.js' && !p.startsWith('posters/'))
        .sort();
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update(readFileSync(join(outDir, f)));
      const version = hash.digest('hex').slice(0, 16);
      const worker = readFileSync(join(import.meta.dirname, 'serviceWorker.js'), 'utf8');
      const head = `const VERSION = ${JSON.stringify(version)};\nconst FILES = ${JSON.stringify(files)};\n`;
      writeFileSync(join(outDir, SW_FILE), head + worker);
      },
    },
  };
}
