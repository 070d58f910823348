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
import type { AppStore } from './store.ts';
import { selectPlan } from './store.ts';

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

export interface SpinecastApi {
  getState(): SpinecastState;
  play(): void;
  pause(): void;
  seek(t: number): void;
  goToStep(id: string): boolean;
  next(): void;
  prev(): void;
  set(params: Record<string, unknown>): QueryIssue[];
  on<K extends keyof SpinecastEvents>(event: K, fn: (payload: SpinecastEvents[K]) => void): () => void;
  /** A PNG of what is shown, drawn at `width` × `height` (default 1920 × 1080), independent of the window. */
  capture(options?: CaptureOptions): Promise<Blob>;
  /** A WebM clip of t from `from` to `to`, drawn frame by frame at `fps`. */
  record(options?: RecordOptions): Promise<Blob>;
}

/** Pictures and clips, supplied by the app (they need the scene); loaded on first use. */
export interface MediaProvider {
  capture(options?: CaptureOptions): Promise<Blob>;
  record(options?: RecordOptions): Promise<Blob>;
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

  const api: SpinecastApi = {
    getState,
    play: () => store.getState().play(),
    pause: () => store.getState().pause(),
    seek(t) {
      const n = Number(t);
      if (!Number.isFinite(n)) {
        reportError('bad-time', `seek() needs a number of seconds, got ${String(t)}`);
        return;
      }
      store.getState().seek(n);
    },
    goToStep(id) {
      const ok = typeof id === 'string' && store.getState().goToStep(id as StepId);
      if (!ok) reportError('unknown-step', `No step '${String(id)}' in this procedure`);
      return ok;
    },
    next: () => store.getState().next(),
    prev: () => store.getState().prev(),
    set(patch) {
      if (patch === null || typeof patch !== 'object') {
        reportError('bad-params', 'set() needs an object of parameters');
        return [];
      }
      const current = store.getState().params;
      // `origin` names the embedding page; it is read once from the frame's URL, never changed.
      const given = Object.entries(patch).filter(([k, v]) => v !== undefined && k !== 'origin');
      const merged = new Map<string, string>();
      for (const key of QUERY_KEYS) {
        const value = current[key as keyof CaseParams];
        if (value !== null && value !== undefined) merged.set(key, String(value));
      }
      merged.delete('step');
      merged.delete('t');
      for (const [k, v] of given) merged.set(k, v === null ? '' : String(v));
      if (patch.volume === null) merged.delete('volume');
      const parsed = parseCaseQuery(merged);
      const givenKeys = new Set(given.map(([k]) => k));
      const issues = parsed.issues.filter((i) => givenKeys.has(i.param));
      if ('origin' in patch) issues.push({ param: 'origin', value: String(patch.origin), reason: 'unknown-param' });
      const next: Partial<CaseParams> = {};
      for (const key of Object.keys(parsed.params) as (keyof CaseParams)[]) {
        if (givenKeys.has(key) && !issues.some((i) => i.param === key)) {
          (next as Record<string, unknown>)[key] = parsed.params[key];
        }
      }
      if (patch.volume === null) next.volume = null;
      if (Object.keys(next).length > 0) store.getState().setParams(next);
      if (parsed.step !== null && givenKeys.has('step')) store.getState().goToStep(parsed.step);
      if (parsed.t !== null && givenKeys.has('t')) store.getState().seek(parsed.t);
      if (issues.length > 0) {
        store.getState().notify({ kind: 'query', issues });
        reportError('bad-params', `Ignored: ${issues.map((i) => `${i.param}=${i.value}`).join(', ')}`, issues);
      }
      return issues;
    },
    on(event, fn) {
      return events.on(event, fn);
    },
    capture: (o) => media('capture', o),
    record: (o) => media('record', o),
  };

  /** Runs a media command; failures reject and are reported as `error` events (a cancel is not a failure). */
  async function media<K extends keyof MediaProvider>(method: K, o: Parameters<MediaProvider[K]>[0]): Promise<Blob> {
    try {
      if (!options.media) throw Object.assign(new Error(`${method}() is not available here`), { code: 'unsupported' });
      if (o !== undefined && (o === null || typeof o !== 'object')) throw Object.assign(new Error(`${method}() needs an object of options`), { code: 'bad-args' });
      return await options.media[method](o as RecordOptions);
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
    const step = selectPlan(s).steps[s.stepIndex]!.id;
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
    events,
    setMetricsProvider(provider: MetricsProvider | null) {
      metricsProvider = provider;
    },
  };
}

export type CommandApi = ReturnType<typeof createCommandApi>;
