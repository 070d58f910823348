/**
 * A small static server over dist/ for fault tests. Unlike `vite preview` (which answers a missing
 * file with index.html and status 200) it returns real 404s, and on request it answers chosen files
 * with a 404, with damaged bytes, or drops every connection (the network is down).
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

export type Fault = 'missing' | 'corrupt';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.glb': 'model/gltf-binary',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface FaultServer {
  url: string;
  /** Answers paths ending with `suffix` with the fault, or normally again with null. */
  setFault(suffix: string, fault: Fault | null): void;
  /** Drops every connection while true, like a network that is gone. */
  setDown(down: boolean): void;
  /** Paths requested so far. */
  requests: string[];
  close(): Promise<void>;
}

export async function startFaultServer(root: string): Promise<FaultServer> {
  const faults = new Map<string, Fault>();
  const requests: string[] = [];
  let down = false;
  // The handler answers every request itself, errors included; nothing is left to reject.
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (down) {
      req.socket.destroy();
      return;
    }
    const fault = [...faults].find(([suffix]) => path.endsWith(suffix))?.[1];
    res.setHeader('Cache-Control', 'no-cache');
    if (fault === 'missing') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      if (fault === 'corrupt') {
        // The first bytes kept, the rest scrambled: it arrives, with the right type, and does not parse.
        body = Buffer.from(body);
        for (let i = 12; i < body.length; i++) body[i] = (body[i]! * 31 + i) & 0xff;
      }
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  }
  const server = createServer((req, res) => void serve(req, res));
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    setFault(suffix, fault) {
      if (fault) faults.set(suffix, fault);
      else faults.delete(suffix);
    },
    setDown(value) {
      down = value;
      // Keep-alive connections would otherwise still carry requests.
      if (value) for (const s of sockets) s.destroy();
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
