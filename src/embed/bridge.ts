/**
 * The framed app's side of the embedding protocol (./protocol.ts): commands from the embedding page
 * are mapped onto `window.spinecast`, and its events onto messages back.
 *
 * Trust: a command counts only when it comes from `window.parent` AND from an allowed origin: the
 * `origin` URL parameter the embedding element passes, or the deploy-time allowlist
 * (`embed-origins.json`, README § Self-hosting). Replies and events go to that origin only.
 * Everything else is ignored without a word. From the right sender, anything malformed gets a
 * `result` with `ok: false` saying why; nothing it sends can throw here or flood the player:
 * commands are rate-limited and at most one slow command (capture, record) runs at a time.
 */
import type { BridgeEvent, BridgeMethod, CommandId, ErrorInfo, FrameMessage } from './protocol.ts';
import { BRIDGE_EVENTS, BRIDGE_METHODS, PROTOCOL_VERSION } from './protocol.ts';

/** What the bridge needs of `window.spinecast`; capture and record may be missing. */
export interface BridgeApi {
  on(event: BridgeEvent, fn: (payload: unknown) => void): () => void;
  [method: string]: unknown;
}

/** The parts of a window the bridge touches, so tests can hand it a fake. */
export interface MessageTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface BridgeOptions {
  api: BridgeApi;
  /** Where messages arrive (the frame's own window). */
  self: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** The embedding page: the only window whose commands count, and the only one posted to. */
  parent: MessageTarget;
  /** The `origin` URL parameter, already validated (parseCaseQuery), or null. */
  origin: string | null;
  /** The deploy-time allowlist of embedding origins, or null when none is configured. */
  allowlist: readonly string[] | null;
  /** The embedding page's origin when the browser tells it (`location.ancestorOrigins[0]`). */
  ancestorOrigin: string | null;
  /** True when the app was already ready before the bridge started (the allowlist came later). */
  alreadyReady?: () => boolean;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
}

/** Commands allowed per second on average, and in one burst: ample for any UI, small for a flood. */
const RATE_PER_S = 60;
const BURST = 120;
const MAX_ID_LENGTH = 64;
const MAX_ARGS = 4;
const MAX_SET_KEYS = 24;
const MAX_STRING = 200;
/** capture/record: bigger pictures than this are refused, not attempted. */
const MAX_PIXELS_SIDE = 4096;

class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues?: unknown[],
  ) {
    super(message);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function isMethod(value: unknown): value is BridgeMethod {
  return typeof value === 'string' && (BRIDGE_METHODS as readonly string[]).includes(value);
}

/** Checks a command's arguments before anything runs; throws a CommandError saying what is wrong. */
function checkArgs(method: BridgeMethod, args: unknown[]): unknown[] {
  switch (method) {
    case 'getState':
    case 'play':
    case 'pause':
    case 'next':
    case 'prev':
      return [];
    case 'seek': {
      const t = args[0];
      if (typeof t !== 'number' || !Number.isFinite(t)) throw new CommandError('bad-args', 'seek needs a number of seconds');
      return [t];
    }
    case 'goToStep': {
      const id = args[0];
      if (typeof id !== 'string' || id.length > MAX_STRING) throw new CommandError('bad-args', 'goToStep needs a step id');
      return [id];
    }
    case 'set': {
      const params = args[0];
      if (!isPlainObject(params)) throw new CommandError('bad-args', 'set needs an object of parameters');
      const entries = Object.entries(params);
      if (entries.length > MAX_SET_KEYS) throw new CommandError('bad-args', `set takes at most ${MAX_SET_KEYS} parameters`);
      for (const [key, value] of entries) {
        const ok =
          value === null ||
          typeof value === 'boolean' ||
          (typeof value === 'number' && Number.isFinite(value)) ||
          (typeof value === 'string' && value.length <= MAX_STRING);
        if (!ok || key.length > MAX_STRING) throw new CommandError('bad-args', `set: '${key.slice(0, 40)}' needs a short string or a number`);
      }
      return [Object.fromEntries(entries)];
    }
    case 'capture':
    case 'record': {
      const options = args[0] ?? {};
      if (!isPlainObject(options)) throw new CommandError('bad-args', `${method} needs an object of options`);
      for (const key of ['width', 'height'] as const) {
        const v = options[key];
        if (v !== undefined && (typeof v !== 'number' || !(v >= 1 && v <= MAX_PIXELS_SIDE))) {
          throw new CommandError('bad-args', `${method}: ${key} must be a number of pixels from 1 to ${MAX_PIXELS_SIDE}`);
        }
      }
      return [{ ...options }];
    }
  }
}

function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof CommandError) return error.issues ? { code: error.code, message: error.message, issues: error.issues } : { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'failed', message: message.slice(0, 500) };
}

export interface Bridge {
  /** Where events and replies go now, or null while it is not known (or never allowed). */
  target(): string | null;
  stop(): void;
}

export function startBridge(options: BridgeOptions): Bridge {
  const { api, self, parent } = options;
  const now = options.now ?? (() => Date.now());
  const allowed = new Set<string>(
    options.origin !== null
      ? options.allowlist === null || options.allowlist.includes(options.origin)
        ? [options.origin]
        : []
      : (options.allowlist ?? []),
  );
  // Post only where the embedding page is known to live: when the browser names the parent's
  // origin, it must be allowed (else posting would fail, and nothing from it will be accepted);
  // otherwise a single allowed origin is the target, or the first that sends a valid command.
  let target: string | null = null;
  if (options.ancestorOrigin !== null) target = allowed.has(options.ancestorOrigin) ? options.ancestorOrigin : null;
  else if (allowed.size === 1) target = [...allowed][0]!;
  let readyPending = options.alreadyReady?.() ?? false;

  let tokens = BURST;
  let refilledAt = now();
  let slowInFlight = false;

  function post(message: FrameMessage): void {
    if (target === null) return;
    try {
      parent.postMessage(message, target);
    } catch (error) {
      // A value that cannot be cloned: say so instead of the value.
      if (message.type === 'result' && message.ok) {
        post({ spinecast: PROTOCOL_VERSION, type: 'result', id: message.id, ok: false, error: { code: 'not-cloneable', message: errorInfo(error).message } });
      }
    }
  }

  function reply(id: CommandId | null, outcome: { value: unknown } | { error: ErrorInfo }): void {
    if ('error' in outcome) post({ spinecast: PROTOCOL_VERSION, type: 'result', id, ok: false, error: outcome.error });
    else post({ spinecast: PROTOCOL_VERSION, type: 'result', id, ok: true, value: outcome.value });
  }

  function takeToken(): boolean {
    const t = now();
    tokens = Math.min(BURST, tokens + ((t - refilledAt) / 1000) * RATE_PER_S);
    refilledAt = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  }

  function run(method: BridgeMethod, args: unknown[]): unknown {
    const fn = api[method];
    if (typeof fn !== 'function') throw new CommandError('unknown-method', `This player has no '${method}'`);
    const result: unknown = (fn as (...a: unknown[]) => unknown).apply(api, args);
    if (method === 'goToStep' && result === false) throw new CommandError('unknown-step', `No step '${String(args[0])}' in this procedure`);
    if (method === 'set' && Array.isArray(result) && result.length > 0) {
      const list = result as { param?: unknown; value?: unknown }[];
      throw new CommandError('bad-params', `Ignored: ${list.map((i) => `${String(i.param)}=${String(i.value)}`).join(', ')}; the rest was applied`, list);
    }
    return method === 'set' ? [] : result;
  }

  function onMessage(event: MessageEvent): void {
    if (event.source !== (parent as unknown) || !allowed.has(event.origin)) return;
    const data: unknown = event.data;
    // Messages of other scripts on the page are not ours to answer.
    if (!isPlainObject(data) || !('spinecast' in data)) return;
    if (target === null && options.ancestorOrigin === null) target = event.origin;
    if (readyPending) {
      readyPending = false;
      post({ spinecast: PROTOCOL_VERSION, type: 'event', event: 'ready', payload: { state: (api['getState'] as () => unknown)() } });
    }
    const rawId = data['id'];
    const id: CommandId | null =
      (typeof rawId === 'string' && rawId.length <= MAX_ID_LENGTH) || (typeof rawId === 'number' && Number.isFinite(rawId)) ? rawId : null;
    if (!takeToken()) return reply(id, { error: { code: 'rate-limited', message: `More than ${RATE_PER_S} commands a second; this one was dropped` } });
    if (data['spinecast'] !== PROTOCOL_VERSION) {
      return reply(id, { error: { code: 'unsupported-version', message: `This player speaks version ${PROTOCOL_VERSION} of the protocol` } });
    }
    if (data['type'] !== 'command') return reply(id, { error: { code: 'bad-message', message: "Only messages of type 'command' are accepted" } });
    if (id === null) return reply(null, { error: { code: 'bad-id', message: `A command needs an id: a number or a string of at most ${MAX_ID_LENGTH} characters` } });
    const method = data['method'];
    if (!isMethod(method)) {
      return reply(id, { error: { code: 'unknown-method', message: `Unknown method; known: ${BRIDGE_METHODS.join(', ')}` } });
    }
    const rawArgs = data['args'] ?? [];
    if (!Array.isArray(rawArgs) || rawArgs.length > MAX_ARGS) return reply(id, { error: { code: 'bad-args', message: 'args must be an array of at most 4 values' } });
    let args: unknown[];
    try {
      args = checkArgs(method, rawArgs);
    } catch (error) {
      return reply(id, { error: errorInfo(error) });
    }
    const slow = method === 'capture' || method === 'record';
    if (slow && slowInFlight) return reply(id, { error: { code: 'busy', message: `A ${method} is already running` } });
    let result: unknown;
    try {
      result = run(method, args);
    } catch (error) {
      return reply(id, { error: errorInfo(error) });
    }
    if (result instanceof Promise) {
      if (slow) slowInFlight = true;
      result.then(
        (value: unknown) => reply(id, { value }),
        (error: unknown) => reply(id, { error: errorInfo(error) }),
      ).finally(() => {
        if (slow) slowInFlight = false;
      });
    } else reply(id, { value: result ?? null });
  }

  const offs = BRIDGE_EVENTS.map((name) =>
    api.on(name, (payload) => {
      // Ready before anyone to tell: told as soon as the embedding page is known.
      if (name === 'ready' && target === null) {
        readyPending = true;
        return;
      }
      post({ spinecast: PROTOCOL_VERSION, type: 'event', event: name, payload });
    }),
  );
  if (readyPending && target !== null) {
    readyPending = false;
    post({ spinecast: PROTOCOL_VERSION, type: 'event', event: 'ready', payload: { state: (api['getState'] as () => unknown)() } });
  }
  self.addEventListener('message', onMessage);

  return {
    target: () => target,
    stop() {
      self.removeEventListener('message', onMessage);
      for (const off of offs) off();
    },
  };
}

/**
 * Reads the deploy-time allowlist: a JSON array of origins at `embed-origins.json` beside the app.
 * Missing, unreadable or not a list of origins: no allowlist.
 */
export async function loadAllowlist(url: string, parseOrigin: (raw: string) => string | null): Promise<string[] | null> {
  try {
    const response = await fetch(url, { credentials: 'omit', cache: 'no-cache' });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return null;
    const list: unknown = await response.json();
    if (!Array.isArray(list)) return null;
    const origins = list.filter((o): o is string => typeof o === 'string').map(parseOrigin).filter((o): o is string => o !== null);
    return origins.length > 0 ? origins : null;
  } catch {
    return null;
  }
}
