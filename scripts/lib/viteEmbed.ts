/**
 * Build steps beside the app's own bundle (used by vite.config.ts):
 *  - `embedScript()`: builds `src/embed/element.ts` on its own into `dist/embed.js` (one classic
 *    script, stable name, no dependencies), with the facade's strings taken from the locale files;
 *  - then precompresses every text-like file of `dist/` to `.gz` and `.br` beside it, for a server
 *    that serves precompressed files (deploy/nginx.conf: gzip_static, brotli where available).
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { build } from 'vite';

const VIRTUAL = 'virtual:spinecast-facade-messages';
const PREFIX = 'embed.facade.';

/** `embed.facade.*` strings of every locale, keyed by language then by the rest of the key. */
export function facadeMessages(root: string): Record<string, Record<string, string>> {
  const dir = join(root, 'src/i18n/locales');
  const out: Record<string, Record<string, string>> = {};
  const pick = (lang: string, entries: [string, unknown][]) => {
    const strings: Record<string, string> = {};
    for (const [key, value] of entries) if (key.startsWith(PREFIX) && typeof value === 'string') strings[key.slice(PREFIX.length)] = value;
    if (Object.keys(strings).length > 0) out[lang] = strings;
  };
  if (existsSync(dir)) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      pick(file.replace(/\.json$/, ''), Object.entries(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>));
    }
  } else {
    // Locales as TypeScript modules: read the English strings' literal lines.
    const source = readFileSync(join(root, 'src/i18n/en.ts'), 'utf8');
    pick('en', [...source.matchAll(/'(embed\.facade\.[\w.]+)':\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => [m[1]!, m[2]!.replace(/\\'/g, "'")]));
  }
  if (!out['en']) throw new Error('No embed.facade.* strings found in the English locale');
  return out;
}

function facadeMessagesModule(root: string): Plugin {
  return {
    name: 'spinecast-facade-messages',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : null),
    load: (id) => (id === `\0${VIRTUAL}` ? `export default ${JSON.stringify(facadeMessages(root))};` : null),
  };
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.glb', '.wasm', '.webmanifest', '.txt', '.xml']);

/** Writes `.gz` and `.br` beside each compressible file where that saves at least 10%. */
export function precompressDir(dir: string): { files: number; gzipBytes: number; brotliBytes: number } {
  let files = 0, gzipBytes = 0, brotliBytes = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (COMPRESSIBLE.has(extname(name)) && statSync(path).size >= 512) {
        const raw = readFileSync(path);
        const gz = gzipSync(raw, { level: 9 });
        const br = brotliCompressSync(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        if (gz.length < raw.length * 0.9) {
          writeFileSync(`${path}.gz`, gz);
          gzipBytes += gz.length;
          files++;
        }
        if (br.length < raw.length * 0.9) {
          writeFileSync(`${path}.br`, br);
          brotliBytes += br.length;
        }
      }
    }
  };
  walk(dir);
  return { files, gzipBytes, brotliBytes };
}

export function embedScript(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  return {
    name: 'spinecast-embed',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        publicDir: false,
        plugins: [facadeMessagesModule(root)],
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          target: 'es2022',
          minify: true,
          sourcemap: false,
          lib: { entry: join(root, 'src/embed/element.ts'), formats: ['iife'], name: 'SpineCastEmbed', fileName: () => 'embed.js' },
        },
      });
      precompressDir(outDir);
    },
  };
}
