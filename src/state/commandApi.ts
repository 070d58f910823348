/**
 * `window.spinecast`: the one command API of shared/product.md. The app's own buttons and keys call
 * these same functions, so tests and embedding hosts drive exactly what users drive.
 */
import type { CaseParams, Procedure } from '../domain/caseParams.ts';
import { plannedVolumeMl } from '../domain/cement/plannedVolume.ts';
import type { QueryIssue } from '../domain/parseCaseQuery.ts';
import { QUERY_KEYS, parseCaseQuery } from '../domain/parseCaseQuery.ts';
import type { StepId } from '../domain/procedures/plans.ts';
import { totalDuration } from '../domain/procedures/timeline.ts';
import { shownProcedures } from '../domain/procedures/timelinePlan.ts';
import { createEmitter } from './emitter.ts';
import type { AppStore, NoticeSource } from './store.ts';
import { selectPlan, selectStep, shorten } from './store.ts';

/** Measured differences for one procedure (filled in by the anatomy and simulation layers). */
export interface ProcedureMetrics {
  heightBeforeMm: { anterior: number; middle: number; posterior: number };
  heightAfterMm: { anterior: number; middle: number; posterior: number };
  wedgeBeforeDeg: number;
  wedgeAfterDeg: number;
  cementVolumeMl: number;
  leaks: { type: string; volumeMl: number }[];
}

export interface SpinecastState {
  procedure: Procedure;
  level: CaseParams['level'];
  grade: CaseParams['grade'];
  shape: CaseParams['shape'];
  approach: CaseParams['approach'];
  viscosity: CaseParams['viscosity'];
  /** Planned cement volume, mL (the fractured level's default unless one was chosen, cement/plannedVolume.ts). */
  volume: number;
  seed: number;
  /** The kyphoplasty case shown: population mean (default), responder or none (restoration.ts). */
  restoration: CaseParams['restoration'];
  /** Whether the fracture holds an intravertebral cleft. */
  cleft: boolean;
  view: CaseParams['view'];
  mode: CaseParams['mode'];
  lang: CaseParams['lang'];
  ui: CaseParams['ui'];
  step: StepId;
  stepIndex: number;
  steps: StepId[];
  /** Seconds into the procedure, and the procedure's length on screen. */
  t: number;
  duration: number;
  playing: boolean;
  rate: number;
  metrics: Partial<Record<'vp' | 'bkp', ProcedureMetrics>>;
}

export type SpinecastEvents = {
  ready: { state: SpinecastState };
  stepchange: { step: StepId; stepIndex: number; procedure: Procedure };
  leak: { procedure: 'vp' | 'bkp'; type: string; volumeMl: number; t: number };
  error: { code: string; message: string; issues?: QueryIssue[] };
  /** A discrete change: case, step, play/pause, speed, or the position while paused (not every frame). */
  statechange: { state: SpinecastState };
};

/** Every event `on()` accepts; the record makes the compiler ask for a new event here. */
const EVENTS: Record<keyof SpinecastEvents, true> = { ready: true, stepchange: true, leak: true, error: true, statechange: true };
const EVENT_NAMES = Object.keys(EVENTS) as (keyof SpinecastEvents)[];

export interface SpinecastApi {
  getState: () => SpinecastState;
  play: () => void;
  pause: () => void;
  seek: (t: number) => void;
  goToStep: (id: string) => boolean;
  next: () => void;
  prev: () => void;
  set: (params: Record<string, unknown>) => QueryIssue[];
  on: <K extends keyof SpinecastEvents>(event: K, fn: (payload: SpinecastEvents[K]) => void) => () => void;
  /** A PNG of what is shown, drawn at `width` × `height` (default 1920 × 1080), independent of the window. */
  capture: (options?: CaptureOptions) => Promise<Blob>;
  /** A WebM clip of t from `from` to `to`, drawn frame by frame at `fps`. */
  record: (options?: RecordOptions) => Promise<Blob>;
}

/** Pictures and clips, supplied by the app (they need the scene); loaded on first use. */
export interface MediaProvider {
  capture: (options?: CaptureOptions) => Promise<Blob>;
  record: (options?: RecordOptions) => Promise<Blob>;
}

export interface CaptureOptions {
  /** Picture size in pixels, independent of the window (default 1920 × 1080). */
  width?: number;
  height?: number;
  /** Draw the caption and its source line under the view. */
  caption?: boolean;
}

export interface RecordOptions extends CaptureOptions {
  /** Seconds into the procedure (default: the start, and its end). */
  from?: number;
  to?: number;
  /** Frames per second of the clip (default 30). */
  fps?: number;
  /** Called after each frame with the share done, 0–1. */
  onProgress?: (done: number) => void;
  /** Aborting stops the recording; the promise then rejects with code 'cancelled'. */
  signal?: AbortSignal;
}

export type MetricsProvider = (procedure: 'vp' | 'bkp', params: CaseParams) => ProcedureMetrics | null;

/** Longest argument text quoted back in an 'error' event, characters. */
const MAX_QUOTED = 80;

/** A readable, short description of any value; never throws (getters, Proxies, null prototypes). */
export function describe(value: unknown): string {
  try {
    if (typeof value === 'string') return shorten(value, MAX_QUOTED);
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === undefined || value === null) {
      return String(value);
    }
    if (typeof value === 'symbol') return shorten(value.toString(), MAX_QUOTED);
    if (typeof value === 'function') return 'a function';
    return Array.isArray(value) ? 'an array' : 'an object';
  } catch {
    return 'an unreadable value';
  }
}

/** A parameter value as the URL would carry it, or null where it cannot be one. */
function asQueryValue(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return null;
}

/** The own enumerable string-keyed entries of a patch, each read on its own so one bad getter spoils only itself. */
function readPatch(patch: object): { entries: [string, unknown][]; unreadable: QueryIssue[] } {
  const entries: [string, unknown][] = [];
  const unreadable: QueryIssue[] = [];
  for (const key of Object.keys(patch)) {
    try {
      entries.push([key, (patch as Record<string, unknown>)[key]]);
    } catch {
      unreadable.push({ param: key, value: 'an unreadable value', reason: 'invalid' });
    }
  }
  return { entries, unreadable };
}

export function createCommandApi(store: AppStore, options: { metrics?: MetricsProvider; media?: MediaProvider } = {}) {
  const events = createEmitter<SpinecastEvents>();
  let metricsProvider = options.metrics ?? null;

  function getState(): SpinecastState {
    const s = store.getState();
    const plan = selectPlan(s);
    const metrics: SpinecastState['metrics'] = {};
    if (metricsProvider) {
      for (const p of shownProcedures(s.params.procedure)) {
        const m = metricsProvider(p, s.params);
        if (m) metrics[p] = m;
      }
    }
    return {
      ...s.params,
      // The first procedure shown (vertebroplasty in compare); metrics give each one's own.
      volume: plannedVolumeMl(shownProcedures(s.params.procedure)[0]!, s.params),
      step: plan.steps[s.stepIndex]!.id,
      stepIndex: s.stepIndex,
      steps: plan.steps.map((st) => st.id),
      t: Math.round(s.t * 1000) / 1000,
      duration: totalDuration(plan),
      playing: s.playing,
      rate: s.rate,
      metrics,
    };
  }

  function reportError(code: string, message: string, issues?: QueryIssue[]): void {
    events.emit('error', issues ? { code, message, issues } : { code, message });
  }

  /** Runs a command; whatever goes wrong inside is reported as an 'error' event, never thrown. */
  function guard<T>(name: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      let message = 'unknown failure';
      try {
        message = error instanceof Error ? error.message : describe(error);
      } catch {
        // An error whose message cannot be read: keep the generic text.
      }
      reportError('bad-call', `${name}() failed: ${shorten(message, MAX_QUOTED)}`);
      return fallback;
    }
  }

  /** The API as seen by one kind of caller; ignored settings are worded for that source. */
  function makeApi(source: NoticeSource): SpinecastApi {
    function set(patch: unknown): QueryIssue[] {
      if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
        reportError('bad-params', `set() needs an object of parameters, got ${describe(patch)}`);
        return [{ param: '', value: describe(patch), reason: 'invalid' }];
      }
      const { entries, unreadable } = readPatch(patch);
      // `origin` names the embedding page; it is read once from the frame's URL, never changed.
      const given = entries.filter(([k, v]) => v !== undefined && k !== 'origin' && k !== 'kiosk');
      const fixedGiven = entries.filter(([k]) => k === 'origin' || k === 'kiosk');
      const current = store.getState().params;
      const merged = new Map<string, string>();
      for (const key of QUERY_KEYS) {
        const value = current[key as keyof CaseParams];
        if (value !== null && value !== undefined) merged.set(key, String(value));
      }
      merged.delete('step');
      merged.delete('t');
      const typeIssues: QueryIssue[] = [...unreadable];
      const clearVolume = given.some(([k, v]) => k === 'volume' && v === null);
      for (const [k, v] of given) {
        const text = v === null ? '' : asQueryValue(v);
        if (text === null) typeIssues.push({ param: k, value: describe(v), reason: 'invalid' });
        else merged.set(k, text);
      }
      if (clearVolume) merged.delete('volume');
      const parsed = parseCaseQuery(merged);
      const givenKeys = new Set(given.filter(([k]) => !typeIssues.some((i) => i.param === k)).map(([k]) => k));
      const issues = [
        ...typeIssues,
        ...parsed.issues.filter((i) => givenKeys.has(i.param)).map((i) => ({ ...i, value: shorten(i.value, MAX_QUOTED) })),
      ];
      // How the page was opened (kiosk, embedding origin) is not changed from a script.
      for (const [k, v] of fixedGiven) issues.push({ param: k, value: describe(v), reason: 'unknown-param' });
      const next: Partial<CaseParams> = {};
      for (const key of Object.keys(parsed.params) as (keyof CaseParams)[]) {
        if (givenKeys.has(key) && !issues.some((i) => i.param === key)) {
          (next as Record<string, unknown>)[key] = parsed.params[key];
        }
      }
      if (clearVolume) next.volume = null;
      if (Object.keys(next).length > 0) store.getState().setParams(next);
      if (parsed.step !== null && givenKeys.has('step')) store.getState().goToStep(parsed.step);
      if (parsed.t !== null && givenKeys.has('t')) store.getState().seek(parsed.t);
      if (issues.length > 0) {
        store.getState().notify({ kind: 'query', source, issues });
        const listed = issues.slice(0, 5).map((i) => `${shorten(i.param)}=${shorten(i.value)}`).join(', ');
        reportError('bad-params', `Ignored: ${listed}${issues.length > 5 ? ` and ${issues.length - 5} more` : ''}`, issues);
      }
      return issues;
    }

    return {
      getState: () => guard('getState', null as unknown as SpinecastState, getState),
      play: () => guard('play', undefined, () => store.getState().play()),
      pause: () => guard('pause', undefined, () => store.getState().pause()),
      seek: (t: unknown) =>
        guard('seek', undefined, () => {
          const n = typeof t === 'number' ? t : typeof t === 'string' && t.trim() !== '' ? Number(t) : Number.NaN;
          if (!Number.isFinite(n)) {
            reportError('bad-time', `seek() needs a number of seconds, got ${describe(t)}`);
            return;
          }
          store.getState().seek(n);
        }),
      goToStep: (id: unknown) =>
        guard('goToStep', false, () => {
          const ok = typeof id === 'string' && store.getState().goToStep(id as StepId);
          if (!ok) reportError('unknown-step', `No step '${describe(id)}' in this procedure`);
          return ok;
        }),
      next: () => guard('next', undefined, () => store.getState().next()),
      prev: () => guard('prev', undefined, () => store.getState().prev()),
      set: (patch: unknown) => guard('set', [{ param: '', value: describe(patch), reason: 'invalid' }], () => set(patch)),
      on: (event: unknown, fn: unknown) =>
        guard('on', () => undefined, () => {
          if (typeof event !== 'string' || !EVENT_NAMES.includes(event as keyof SpinecastEvents) || typeof fn !== 'function') {
            reportError('bad-listener', `on() needs one of ${EVENT_NAMES.join(', ')} and a function, got ${describe(event)}`);
            return () => undefined;
          }
          return events.on(event as keyof SpinecastEvents, fn as never);
        }),
      capture: (o) => media('capture', o),
      record: (o) => media('record', o),
    };
  }

  const api = makeApi('api');

  /** Runs a media command; failures reject and are reported as `error` events (a cancel is not a failure). */
  async function media<K extends keyof MediaProvider>(method: K, o: Parameters<MediaProvider[K]>[0]): Promise<Blob> {
    try {
      if (!options.media) throw Object.assign(new Error(`${method}() is not available here`), { code: 'unsupported' });
      if (o !== undefined && (o === null || typeof o !== 'object')) throw Object.assign(new Error(`${method}() needs an object of options`), { code: 'bad-args' });
      return await options.media[method](o);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const message = error instanceof Error ? error.message : String(error);
      if (code !== 'cancelled') reportError(typeof code === 'string' ? code : 'failed', message);
      throw error;
    }
  }

  // Step changes are observed on the store, so they fire however the step changed.
  let lastKey = '';
  store.subscribe((s) => {
    const key = `${s.params.procedure}:${s.stepIndex}`;
    if (key === lastKey) return;
    lastKey = key;
    const step = selectStep(s).id;
    events.emit('stepchange', { step, stepIndex: s.stepIndex, procedure: s.params.procedure });
  });
  {
    const s = store.getState();
    lastKey = `${s.params.procedure}:${s.stepIndex}`;
  }

  // State changes, coalesced: several store updates in one task give one event.
  let statePending = false;
  store.subscribe((s, prev) => {
    const discrete = s.params !== prev.params || s.stepIndex !== prev.stepIndex || s.playing !== prev.playing || s.rate !== prev.rate;
    const scrubbed = !s.playing && s.t !== prev.t;
    if ((!discrete && !scrubbed) || statePending) return;
    statePending = true;
    queueMicrotask(() => {
      statePending = false;
      events.emit('statechange', { state: getState() });
    });
  });

  return {
    api,
    /** The same API for another caller (the embed bridge passes 'embed'), so notices name the source. */
    apiFor: makeApi,
    events,
    setMetricsProvider(provider: MetricsProvider | null) {
      metricsProvider = provider;
    },
  };
}
