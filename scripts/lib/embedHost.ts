/**
 * Two origins on loopback for the embedding tests, the benchmark and the screenshots: the built app
 * served by nginx with the deploy/ configuration, and a clinic's page (examples/clinic.html) served
 * from another port, pointing its `<script src>` at the app.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConnection, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
/** Where examples/clinic.html expects SpineCast; replaced by the real address when served here. */
const EXAMPLE_APP_URL = 'http://127.0.0.1:8080/';
const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx'];

export const NGINX_HELP =
  'No nginx found. Install it (Debian/Ubuntu: `sudo apt-get install -y nginx-light libnginx-mod-http-brotli-static`) or point NGINX_PATH at one.';

export function findNginx(): string | null {
  const fromEnv = process.env['NGINX_PATH'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return NGINX_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nothing listens on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Served {
  url: string;
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves dist/ with nginx and the deploy/ configuration (rendered by deploy/render.sh).
 * `frameAncestors`: SPINECAST_FRAME_ANCESTORS (also writes dist/embed-origins.json; removed on close).
 */
export async function serveWithNginx(options: { frameAncestors?: string } = {}): Promise<Served> {
  const nginx = findNginx();
  if (!nginx) throw new Error(NGINX_HELP);
  if (!existsSync(join(ROOT, 'dist/index.html'))) throw new Error('No build: run `vite build` first.');
  const port = await freePort();
  const out = mkdtempSync(join(tmpdir(), 'spinecast-nginx-'));
  execFileSync(join(ROOT, 'deploy/render.sh'), [out], {
    env: {
      ...process.env,
      SPINECAST_ROOT: join(ROOT, 'dist'),
      SPINECAST_LISTEN: `127.0.0.1:${port}`,
      SPINECAST_FRAME_ANCESTORS: options.frameAncestors ?? '*',
    },
    stdio: 'pipe',
  });
  // Started as root, nginx's workers would run as nobody, who may not read a checkout in a private
  // folder (a fresh clone in a 0700 temporary directory answers 404): keep them as this user.
  const globals = process.getuid?.() === 0 ? 'daemon off; user root;' : 'daemon off;';
  const child = spawn(nginx, ['-p', out, '-c', join(out, 'nginx.conf'), '-g', globals], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    await waitForPort(port);
  } catch {
    child.kill();
    throw new Error(`nginx did not start: ${stderr}`);
  }
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    origin: new URL(url).origin,
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(out, { recursive: true, force: true });
      rmSync(join(ROOT, 'dist/embed-origins.json'), { force: true });
    },
  };
}

/**
 * Serves examples/clinic.html (at `/`) on its own port, its embed script pointed at `appUrl`
 * (a function when the app's address is known only after this server has started).
 */
export async function serveClinicPage(appUrl: string | (() => string)): Promise<Served> {
  const source = readFileSync(join(ROOT, 'examples/clinic.html'), 'utf8');
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url?.startsWith('/?')) {
      const html = source.replaceAll(EXAMPLE_APP_URL, typeof appUrl === 'function' ? appUrl() : appUrl);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  return { url, origin: new URL(url).origin, close: () => new Promise((r) => server.close(() => r())) };
}
