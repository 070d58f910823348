/**
 * Screenshots GLB meshes from the four reference views with Debian's Chromium.
 * Usage: npx tsx scripts/modelViewer/shoot.ts <out.png> <files comma-separated> [meshes] [zoom] [level index.json]
 * With a level and index.json the vertebra is shown in its own frame, as in the reference pictures.
 * Files are paths relative to the repository root (e.g. public/models/spine/L2.glb).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const [out = '/tmp/anatomy-shots/shot.png', files = 'public/models/spine/L2.glb', meshes = '', zoom = '1', level = '', index = '', exclude = ''] = process.argv.slice(2);
const root = resolve('.');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.glb': 'model/gltf-binary', '.wasm': 'application/wasm' };
// The handler answers every request itself, errors included; nothing is left to reject.
async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  let path = decodeURIComponent(url.pathname);
  if (path === '/') path = '/scripts/modelViewer/viewer.html';
  const file = path.startsWith('/abs/') ? path.slice(4) : join(root, path);
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
}
const server = createServer((req, res) => void serve(req, res));
await new Promise<void>((r) => server.listen(0, r));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
});
const page = await browser.newPage({ viewport: { width: 1600, height: 600 } });
page.on('console', (m) => console.log('page:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
const list = files.split(',').map((f) => (f.startsWith('/') ? `/abs${f}` : `/${f}`)).join(',');
const indexUrl = index.startsWith('/') ? `/abs${index}` : `/${index}`;
const extra = (level ? `&level=${level}&index=${indexUrl}` : '') + (exclude ? `&keepMaterials=1&exclude=${exclude}` : '');
await page.goto(`http://localhost:${port}/?files=${list}&meshes=${meshes}&zoom=${zoom}${extra}`);
await page.waitForFunction(() => (window as unknown as { viewerDone?: boolean }).viewerDone === true, undefined, { timeout: 60_000 });
await page.screenshot({ path: out });
await browser.close();
server.close();
console.log('wrote', out);
