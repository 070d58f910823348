/**
 * Embedding across origins, served for real: the app by nginx with the deploy/ configuration, the
 * example clinic page (examples/clinic.html) by another server on another loopback port.
 * One browser; the clinic page is loaded once and its players are driven through the element's API.
 */
import type { Browser, BrowserContext, Frame, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import type { Served } from '../../scripts/lib/embedHost.ts';
import { serveClinicPage, serveWithNginx } from '../../scripts/lib/embedHost.ts';

interface SpineCastElement extends HTMLElement {
  ready: Promise<void>;
  getState(): Promise<{ procedure: string; level: string; step: string; lang: string; ui: string; playing: boolean }>;
  goToStep(id: string): Promise<unknown>;
  next(): Promise<unknown>;
}

declare global {
  interface Window {
    seen: { player: string; event: string; detail: unknown }[];
    frameMessages: { ok?: boolean; type: string }[];
  }
}

let browser: Browser;
let app: Served;
let host: Served;
let context: BrowserContext;
let page: Page;
const requests: { url: string; before: boolean }[] = [];
const errors: string[] = [];
const responses = new Map<string, Response>();
let activated = false;
let getContextCalls = 0;

function watch(p: Page): void {
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.location().url}: ${m.text()}`);
  });
  p.on('pageerror', (e) => errors.push(String(e)));
}

/** The vertebroplasty player's frame (the app, on the other origin). */
function playerFrame(id = 'player-vp'): Frame {
  const frame = page.frames().find((f) => f.url().startsWith(app.url) && f.url().includes(id === 'player-vp' ? 'procedure=vp' : 'procedure=bkp'));
  if (!frame) throw new Error(`no frame for ${id}`);
  return frame;
}

/** Waits (up to 60 s) for a frame that matches and in which `ready` holds; errors while it navigates are retried. */
async function findFrame(p: Page, match: (f: Frame) => boolean, ready: () => boolean): Promise<Frame> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    for (const f of p.frames().filter(match)) {
      if (await f.evaluate(ready).catch(() => false)) return f;
    }
    await p.waitForTimeout(250);
  }
  throw new Error('no matching frame became ready within 60 s');
}

async function call<T>(id: string, fn: string): Promise<T> {
  return page.evaluate(
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the test's expression, run inside the page
    ([id, fn]) => (new Function('el', `return ${fn}`) as (el: unknown) => Promise<unknown>)(document.getElementById(id)),
    [id, fn] as const,
  ) as Promise<T>;
}

beforeAll(async () => {
  browser = await launchChromium();
  // The clinic's page first, so that only its origin may frame the player (SPINECAST_FRAME_ANCESTORS).
  let appUrl = '';
  host = await serveClinicPage(() => appUrl);
  app = await serveWithNginx({ frameAncestors: host.origin });
  appUrl = app.url;
  context = await browser.newContext({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
  page = await context.newPage();
  watch(page);
  context.on('request', (r) => requests.push({ url: r.url(), before: !activated }));
  context.on('response', (r) => responses.set(r.url(), r));
  // Counts WebGL contexts the clinic's page asks for (the player's frame may, once activated).
  await page.exposeFunction('countGetContext', () => getContextCalls++);
  await context.addInitScript(() => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called later with the canvas as `this`
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (/webgl/.test(type) && window.top === window) void (window as unknown as { countGetContext?: () => void }).countGetContext?.();
      return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof original;
  });
  await page.goto(host.url);
  await page.evaluate(() => {
    window.seen = [];
    window.frameMessages = [];
    for (const player of document.querySelectorAll('spine-cast')) {
      for (const event of ['ready', 'stepchange', 'statechange', 'error', 'leak']) {
        player.addEventListener(`spinecast:${event}`, (e) => window.seen.push({ player: player.id, event, detail: (e as CustomEvent).detail }));
      }
    }
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await host?.close();
  await app?.close();
});

describe('embedding on a clinic page (another origin, nginx)', () => {
  it('shows a light facade: poster, title, named play button; no app, no model, no WebGL before activation', async () => {
    const play = page.locator('#player-vp').getByRole('button', { name: 'Play the interactive 3D explanation: How vertebroplasty treats a spinal fracture' });
    await play.waitFor();
    await page.locator('#player-bkp').getByText('How balloon kyphoplasty treats a spinal fracture').waitFor();
    expect(await page.locator('#player-vp').getByText(`Loads an interactive 3D view from ${new URL(app.url).host}.`).count()).toBe(1);
    await page.waitForFunction(() => [...document.querySelectorAll('spine-cast')].every((p) => p.shadowRoot?.querySelector('img')?.complete));
    const fromApp = requests.filter((r) => r.url.startsWith(app.origin)).map((r) => new URL(r.url).pathname).sort();
    expect(fromApp).toEqual(['/embed.js', '/posters/bkp.webp', '/posters/vp.webp']);
    expect(await page.locator('iframe').count()).toBe(0);
    expect(getContextCalls).toBe(0);
    const box = await page.locator('#player-vp').boundingBox();
    expect(box!.width / box!.height).toBeCloseTo(16 / 9, 1);

    // Served by nginx: precompressed, cached by kind, strict headers.
    const embed = responses.get(`${app.url}embed.js`)!;
    const headers = await embed.allHeaders();
    expect(headers['content-type']).toBe('application/javascript');
    expect(['gzip', 'br']).toContain(headers['content-encoding']);
    expect(headers['cache-control']).toBe('public, max-age=600, must-revalidate');
    const br = await fetch(`${app.url}embed.js`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    const glb = await fetch(`${app.url}models/spine/L1.glb`, { method: 'HEAD' });
    expect(glb.headers.get('content-type')).toBe('model/gltf-binary');
    expect((await fetch(`${app.url}nothing-here.js`)).status).toBe(404);
  });

  it('activates into a ready compact player whose state follows the attributes', async () => {
    activated = true;
    await page.locator('#player-vp').getByRole('button', { name: /Play the interactive 3D explanation/ }).click();
    await page.evaluate(() => (document.getElementById('player-vp') as unknown as SpineCastElement).ready);
    const state = await call<Awaited<ReturnType<SpineCastElement['getState']>>>('player-vp', 'el.getState()');
    expect(state).toMatchObject({ procedure: 'vp', level: 'L1', grade: 2, lang: 'en', ui: 'compact', step: 'position' });
    expect(await page.evaluate(() => window.seen.filter((s) => s.event === 'ready').map((s) => s.player))).toEqual(['player-vp']);

    const frame = playerFrame();
    const src = new URL(frame.url());
    expect(src.searchParams.get('origin')).toBe(host.origin);
    expect(src.searchParams.get('ui')).toBe('compact');
    await frame.getByRole('link', { name: 'Open the full view in a new tab' }).waitFor();
    expect(await frame.locator('.brand').count()).toBe(0);
    const doc = await responses.get(frame.url())!.allHeaders();
    expect(doc['content-security-policy']).toContain(`frame-ancestors ${host.origin}`);
    expect(doc['content-security-policy']).not.toMatch(/'unsafe-eval'|'unsafe-inline'[^;]*script|script-src[^;]*'unsafe-inline'/);
    expect(['gzip', 'br']).toContain(doc['content-encoding']);
    const asset = [...responses.keys()].find((u) => u.startsWith(`${app.url}assets/`) && u.endsWith('.js'))!;
    expect((await responses.get(asset)!.allHeaders())['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('round-trips commands and delivers events as DOM events; page buttons drive it', async () => {
    expect(await call('player-vp', "el.goToStep('inject')")).toBe(true);
    expect((await call<{ step: string }>('player-vp', 'el.getState()')).step).toBe('inject');
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.waitForFunction(() => window.seen.some((s) => s.event === 'stepchange' && (s.detail as { step: string }).step === 'withdraw'));
    expect(await page.evaluate(() => window.seen.some((s) => s.event === 'stepchange' && (s.detail as { step: string }).step === 'inject'))).toBe(true);
    expect(await page.locator('#log-vp').textContent()).toMatch(/Now showing step \d+/);
    const refused = await page.evaluate(() =>
      (document.getElementById('player-vp') as unknown as SpineCastElement).goToStep('inflate').then(
        () => 'resolved',
        (e: Error & { code: string }) => `${e.name}:${e.code}`,
      ),
    );
    expect(refused).toBe('SpinecastError:unknown-step');
  });

  it('follows attribute changes after load: level and language', async () => {
    await page.evaluate(() => document.getElementById('player-vp')!.setAttribute('level', 'T12'));
    await page.waitForFunction(() => window.seen.some((s) => s.event === 'statechange' && (s.detail as { state: { level: string } }).state.level === 'T12'));
    await page.getByRole('button', { name: 'Español' }).click();
    await page.waitForFunction(() => window.seen.some((s) => s.event === 'statechange' && (s.detail as { state: { lang: string } }).state.lang === 'es'));
    expect(await call('player-vp', 'el.getState()')).toMatchObject({ level: 'T12', lang: 'es', step: 'withdraw' });
    await playerFrame().getByRole('link', { name: 'Abrir la vista completa en una pestaña nueva' }).waitFor();
    // The other player is still a facade: its title follows the language at once.
    await page.locator('#player-bkp').getByText('Cómo trata la cifoplastia con balón una fractura vertebral').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await playerFrame().getByRole('link', { name: 'Open the full view in a new tab' }).waitFor();
  });

  it('ignores commands from a window that is not its parent, or from the wrong origin', async () => {
    // A sibling frame on the clinic's own origin posts straight to the player.
    await page.evaluate(() => {
      const sibling = document.createElement('iframe');
      sibling.srcdoc = `<script>
        const player = parent.document.getElementById('player-vp').shadowRoot.querySelector('iframe').contentWindow;
        player.postMessage({ spinecast: 1, type: 'command', id: 'sibling', method: 'goToStep', args: ['set'] }, '*');
      </script>`;
      document.body.append(sibling);
    });
    // A frame of the player told another origin: the clinic's commands do not count there.
    await page.evaluate((appUrl) => {
      const frame = document.createElement('iframe');
      frame.id = 'wrong-origin';
      frame.style.cssText = 'width:360px;height:420px';
      frame.src = `${appUrl}?procedure=bkp&ui=compact&origin=${encodeURIComponent('http://127.0.0.1:9')}`;
      document.body.append(frame);
      window.addEventListener('message', (e: MessageEvent<{ ok?: boolean; type: string }>) => {
        if (e.source === frame.contentWindow) window.frameMessages.push(e.data);
      });
    }, app.url);
    // Its API (and so its bridge) is up; drawing is not needed (Chromium throttles frames off screen).
    // The frame is looked up by its address once it has navigated: the handle taken while it still
    // showed about:blank can belong to a document that is replaced when the app's origin loads.
    const wrong = await findFrame(page, (f) => f.url().includes(`origin=${encodeURIComponent('http://127.0.0.1:9')}`), () => window.spinecast !== undefined);
    await page.evaluate(() => {
      const target = (document.getElementById('wrong-origin') as HTMLIFrameElement).contentWindow!;
      target.postMessage({ spinecast: 1, type: 'command', id: 'w', method: 'goToStep', args: ['inject'] }, '*');
    });
    await page.waitForTimeout(800);
    expect((await call<{ step: string }>('player-vp', 'el.getState()')).step).not.toBe('set');
    expect(await wrong.evaluate(() => window.spinecast!.getState().step)).toBe('position');
    expect(await page.evaluate(() => window.frameMessages)).toEqual([]);
  });

  it('answers 500 malformed messages with error results and keeps answering', async () => {
    const outcome = await page.evaluate(async () => {
      const frame = document.getElementById('player-vp')!.shadowRoot!.querySelector('iframe')!;
      const results: { ok: boolean; id: unknown; error?: { code: string } }[] = [];
      const listen = (e: MessageEvent<(typeof results)[number] & { type?: string }>) => {
        if (e.source === frame.contentWindow && e.data?.type === 'result' && typeof e.data.id === 'string' && e.data.id.startsWith('junk')) results.push(e.data);
      };
      window.addEventListener('message', listen);
      const junk = [
        (i: number) => ({ spinecast: 1, type: 'command', id: `junk${i}`, method: 'explode' }),
        (i: number) => ({ spinecast: 1, type: 'command', id: `junk${i}`, method: 'seek', args: ['later'] }),
        (i: number) => ({ spinecast: 1, type: 'command', id: `junk${i}`, method: 'set', args: [{ level: { deep: [1, 2] } }] }),
        (i: number) => ({ spinecast: 9, type: 'command', id: `junk${i}`, method: 'play' }),
        (i: number) => ({ spinecast: 1, type: 'nonsense', id: `junk${i}` }),
        () => 'not even an object',
        () => ({ spinecast: 1, type: 'command', method: 'play' }),
      ];
      const origin = new URL(frame.src).origin;
      for (let i = 0; i < 500; i++) frame.contentWindow!.postMessage(junk[i % junk.length]!(i), origin);
      await new Promise((r) => setTimeout(r, 1500));
      window.removeEventListener('message', listen);
      return results;
    });
    expect(outcome.length).toBeGreaterThan(50);
    expect(outcome.every((r) => r.ok === false)).toBe(true);
    expect(new Set(outcome.map((r) => r.error!.code))).toEqual(new Set(['unknown-method', 'bad-args', 'unsupported-version', 'bad-message', 'rate-limited']));
    const after = await call<{ step: string; level: string }>('player-vp', 'el.getState()');
    expect(after).toMatchObject({ step: 'withdraw', level: 'T12' });
    expect(await call('player-vp', "el.goToStep('mix')")).toBe(true);
  });

  it('opens the full view in a new tab with the same state, where the Embed dialog gives the snippets', async () => {
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      playerFrame().getByRole('link', { name: 'Open the full view in a new tab' }).click(),
    ]);
    watch(popup);
    await popup.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 60_000 });
    const url = new URL(popup.url());
    expect(url.origin).toBe(app.origin);
    expect(url.searchParams.get('ui')).toBeNull();
    expect(url.searchParams.get('origin')).toBeNull();
    expect(await popup.evaluate(() => window.spinecast!.getState())).toMatchObject({ procedure: 'vp', level: 'T12', step: 'mix', ui: 'full' });
    await popup.getByRole('button', { name: 'Embed this view on a website' }).click();
    const dialog = popup.getByRole('dialog', { name: 'Embed on your website' });
    await dialog.waitFor();
    const element = await dialog.locator('[data-snippet="element"]').inputValue();
    expect(element).toContain(`<script src="${app.url}embed.js" async></script>`);
    expect(element).toMatch(/<spine-cast procedure="vp" level="T12" [^>]*step="mix"/);
    expect(await dialog.locator('[data-snippet="iframe"]').inputValue()).toContain('ui=compact');
    await popup.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Embed this view on a website');
    await popup.close();
  });

  it('made no request to a third origin and logged no console error', () => {
    const origins = new Set(requests.filter((r) => !r.url.startsWith('data:') && !r.url.startsWith('about:')).map((r) => new URL(r.url).origin));
    expect([...origins].sort()).toEqual([app.origin, host.origin].sort());
    expect(errors).toEqual([]);
  });
});

describe('embedded where WebGL is not available', () => {
  it('shows the steps and captions in the frame, never a blank box', async () => {
    const ctx = await browser.newContext({ viewport: { width: 420, height: 800 }, deviceScaleFactor: 1 });
    await ctx.addInitScript(() => {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called later with the canvas as `this`
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return /webgl/.test(type) ? null : (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    const p = await ctx.newPage();
    const seen: string[] = [];
    p.on('console', (m) => m.type() === 'error' && seen.push(m.text()));
    await p.goto(host.url);
    await p.locator('#player-bkp').getByRole('button', { name: /Play the interactive 3D explanation/ }).click();
    await p.evaluate(() => (document.getElementById('player-bkp') as unknown as SpineCastElement).ready);
    const frame = p.frames().find((f) => f.url().includes('procedure=bkp'))!;
    await frame.getByRole('heading', { name: 'The 3D view cannot be shown on this device' }).waitFor();
    await p.getByRole('button', { name: 'Show the balloon' }).click();
    await frame.locator('.caption[data-step="inflate"]').waitFor();
    expect(await frame.locator('.caption__text').textContent()).toMatch(/balloon/i);
    expect(seen).toEqual([]);
    await ctx.close();
  });
});
