/**
 * `<spine-cast>`: SpineCast in a clinic's page with one script tag (shared/product.md § Embedding).
 * Built on its own into `dist/embed.js` (vite.config.ts): no dependencies, no framework.
 *
 * Until activated it is a facade: a poster, a title in the page's language, a play button and a line
 * saying what pressing it loads. Nothing else is fetched: no app bundle, no WebGL, no model. Pressing
 * play (or `autoload`, once near the viewport) swaps in an iframe of the compact player with
 * `origin=<this page's origin>`, and from then on the element speaks the frame's protocol:
 * `ready` (a Promise), the command API as async methods, and the API's events as `spinecast:<event>`
 * DOM events. Attributes are the app's URL parameters; changing one later changes the player.
 */
import type { BridgeEvent, CommandId, CommandMessage, FrameMessage } from './protocol.ts';
import { PROTOCOL_VERSION } from './protocol.ts';
import FACADE_MESSAGES from 'virtual:spinecast-facade-messages';

/** The app's URL parameters (shared/product.md "App state in the URL") an element may carry. */
const PARAMS = ['procedure', 'level', 'grade', 'shape', 'approach', 'step', 't', 'viscosity', 'volume', 'seed', 'view', 'lang', 'mode', 'restoration', 'cleft'];
const PROCEDURES = ['vp', 'bkp', 'compare'];

// Where this script came from is where the app lives.
const scriptUrl =
  (document.currentScript as HTMLScriptElement | null)?.src ||
  [...document.scripts].find((s) => /\/embed\.js([?#]|$)/.test(s.src))?.src ||
  location.href;
const APP_URL = new URL('./', scriptUrl).href;
const APP_ORIGIN = new URL(APP_URL).origin;

const STYLE = `
:host{display:block;position:relative;box-sizing:border-box;width:100%;min-width:280px;aspect-ratio:16/9;min-height:500px;
overflow:hidden;border-radius:12px;background:#1b2030;color:#eef1f7;font:16px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif}
:host([hidden]){display:none}
iframe{display:block;width:100%;height:100%;border:0}
.f{position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:14px;padding:20px;text-align:center;cursor:pointer}
img,.s{position:absolute;inset:0;width:100%;height:100%;object-fit:cover}
.s{background:linear-gradient(rgba(14,17,28,.35),rgba(14,17,28,.82))}
p,button{position:relative;margin:0}
.t{max-width:30ch;font-size:clamp(1.1rem,3.2vw,1.6rem);font-weight:700;text-shadow:0 1px 3px #000}
button{width:88px;height:88px;border:0;border-radius:50%;background:#f0c98a;color:#20180a;cursor:pointer;display:grid;place-items:center;box-shadow:0 6px 24px rgba(0,0,0,.5)}
button:hover{background:#f5d6a3}
button:focus-visible{outline:3px solid #7cc4ff;outline-offset:4px}
.n{max-width:42ch;font-size:.9rem;color:#dde2ee;text-shadow:0 1px 2px #000}`;

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** An error result from the player: `code` says why (shared/product.md). */
export class SpinecastError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SpinecastError';
  }
}

function format(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

class SpineCastElement extends HTMLElement {
  static observedAttributes = [...PARAMS, 'autoload'];

  readonly ready: Promise<void>;
  #root: ShadowRoot;
  #frame: HTMLIFrameElement | null = null;
  #resolveReady: () => void = () => {};
  #isReady = false;
  #pending = new Map<CommandId, Pending>();
  #nextId = 1;
  #observer: IntersectionObserver | null = null;
  #changed = new Set<string>();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.ready = new Promise((resolve) => (this.#resolveReady = resolve));
  }

  connectedCallback(): void {
    window.addEventListener('message', this.#onMessage);
    if (!this.#frame) this.#renderFacade();
    this.#watchAutoload();
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.#onMessage);
    this.#observer?.disconnect();
    this.#observer = null;
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value || !this.isConnected) return;
    if (name === 'autoload') return this.#watchAutoload();
    if (!this.#frame) return this.#renderFacade();
    // Several attributes set in one go reach the player as one set().
    if (this.#changed.size === 0) queueMicrotask(() => this.#applyChanges());
    this.#changed.add(name);
  }

  /** Swaps the facade for the player; `focus` moves keyboard focus into it (a user pressed play). */
  activate(focus = false): void {
    if (this.#frame) return;
    this.#observer?.disconnect();
    const query = new URLSearchParams();
    for (const name of PARAMS) {
      const value = name === 'lang' ? this.#lang(true) : this.getAttribute(name);
      if (value) query.set(name, value);
    }
    query.set('ui', 'compact');
    query.set('origin', location.origin);
    const frame = document.createElement('iframe');
    frame.src = `${APP_URL}?${query}`;
    frame.title = this.#text().title;
    frame.allow = 'fullscreen; clipboard-write';
    frame.referrerPolicy = 'no-referrer';
    this.#frame = frame;
    this.#root.replaceChildren(this.#style(), frame);
    if (focus) frame.focus();
  }

  getState(): Promise<unknown> {
    return this.#call('getState');
  }
  play(): Promise<unknown> {
    return this.#call('play');
  }
  pause(): Promise<unknown> {
    return this.#call('pause');
  }
  seek(t: number): Promise<unknown> {
    return this.#call('seek', t);
  }
  goToStep(id: string): Promise<unknown> {
    return this.#call('goToStep', id);
  }
  next(): Promise<unknown> {
    return this.#call('next');
  }
  prev(): Promise<unknown> {
    return this.#call('prev');
  }
  set(params: Record<string, unknown>): Promise<unknown> {
    return this.#call('set', params);
  }
  capture(options?: Record<string, unknown>): Promise<unknown> {
    return this.#call('capture', options ?? {});
  }
  record(options?: Record<string, unknown>): Promise<unknown> {
    return this.#call('record', options ?? {});
  }

  /** Sends a command once the player is ready (activating it if need be); resolves to its value. */
  async #call(method: string, ...args: unknown[]): Promise<unknown> {
    this.activate();
    await this.ready;
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      const command: CommandMessage = { spinecast: PROTOCOL_VERSION, type: 'command', id, method, args };
      this.#frame?.contentWindow?.postMessage(command, APP_ORIGIN);
    });
  }

  #applyChanges(): void {
    const patch: Record<string, string | null> = {};
    for (const name of this.#changed) {
      const value = name === 'lang' ? this.#lang(true) : this.getAttribute(name);
      // A removed attribute means "back to the default": only the cement volume has a null default.
      if (value !== null) patch[name] = value;
      else if (name === 'volume') patch[name] = null;
    }
    this.#changed.clear();
    if (Object.keys(patch).length > 0) {
      this.set(patch).catch((error: unknown) => this.#emit('error', { code: (error as SpinecastError).code ?? 'failed', message: String((error as Error).message) }));
    }
  }

  #onMessage = (event: MessageEvent): void => {
    if (!this.#frame || event.source !== this.#frame.contentWindow || event.origin !== APP_ORIGIN) return;
    const data = event.data as FrameMessage | null;
    if (!data || typeof data !== 'object' || data.spinecast !== PROTOCOL_VERSION) return;
    if (data.type === 'result') {
      const pending = data.id === null ? undefined : this.#pending.get(data.id);
      if (!pending) return;
      this.#pending.delete(data.id!);
      if (data.ok) pending.resolve(data.value);
      else pending.reject(new SpinecastError(data.error.code, data.error.message));
    } else if (data.type === 'event') {
      if (data.event === 'ready' && !this.#isReady) {
        this.#isReady = true;
        this.#resolveReady();
      }
      this.#emit(data.event, data.payload);
    }
  };

  #emit(event: BridgeEvent, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(`spinecast:${event}`, { detail, bubbles: true, composed: true }));
  }

  #watchAutoload(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    if (this.#frame || !this.hasAttribute('autoload') || !this.isConnected) return;
    if (!('IntersectionObserver' in window)) return this.activate();
    // Like loading="lazy": start shortly before the player scrolls into view.
    this.#observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.activate(), { rootMargin: '300px' });
    this.#observer.observe(this);
  }

  /** The page's language where SpineCast speaks it (`strict`: null when it does not). */
  #lang(strict = false): string | null {
    const tags = [this.getAttribute('lang'), this.closest('[lang]')?.getAttribute('lang'), document.documentElement.lang, navigator.language];
    for (const tag of tags) {
      const primary = tag?.split(/[-_]/)[0]!.toLowerCase();
      if (primary && primary in FACADE_MESSAGES) return primary;
    }
    return strict ? null : 'en';
  }

  #text(): { title: string; play: string; note: string } {
    const m = FACADE_MESSAGES[this.#lang()!] ?? FACADE_MESSAGES['en']!;
    const procedure = this.getAttribute('procedure')?.toLowerCase() ?? '';
    const title = m[`title.${PROCEDURES.includes(procedure) ? procedure : 'vp'}`] ?? '';
    return { title, play: format(m['play'] ?? '', { title }), note: format(m['note'] ?? '', { host: new URL(APP_URL).host }) };
  }

  #style(): HTMLStyleElement {
    const style = document.createElement('style');
    style.textContent = STYLE;
    return style;
  }

  #renderFacade(): void {
    const { title, play, note } = this.#text();
    const procedure = this.getAttribute('procedure')?.toLowerCase() ?? '';
    const facade = document.createElement('div');
    facade.className = 'f';
    facade.setAttribute('part', 'facade');
    const poster = document.createElement('img');
    poster.src = `${APP_URL}posters/${PROCEDURES.includes(procedure) ? procedure : 'vp'}.webp`;
    poster.alt = '';
    poster.loading = 'lazy';
    poster.decoding = 'async';
    const shade = document.createElement('div');
    shade.className = 's';
    const heading = document.createElement('p');
    heading.className = 't';
    heading.textContent = title;
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-label', play);
    button.innerHTML = '<svg viewBox="0 0 24 24" width="44" height="44" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>';
    const line = document.createElement('p');
    line.className = 'n';
    line.textContent = note;
    facade.append(poster, shade, heading, button, line);
    facade.addEventListener('click', () => this.activate(true));
    this.#root.replaceChildren(this.#style(), facade);
  }
}

if (!customElements.get('spine-cast')) customElements.define('spine-cast', SpineCastElement);
