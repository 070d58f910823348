/**
 * The app's state in the address bar: read once on load, then kept in sync (replaceState, so the
 * back button is not flooded). `buildShareUrl` gives the link the "copy link" control copies.
 */
import type { CaseParams } from '../domain/caseParams.ts';
import { DEFAULT_CASE, langFromBrowser } from '../domain/caseParams.ts';
import type { ParsedQuery } from '../domain/parseCaseQuery.ts';
import { parseCaseQuery } from '../domain/parseCaseQuery.ts';
import { stepStartTimes } from '../domain/procedures/timeline.ts';
import type { AppState, AppStore } from './store.ts';
import { selectPlan } from './store.ts';

/** Reads the address bar's query; without a usable `lang`, the browser's language when translated. */
export function readQuery(search: string, browserLanguages: readonly string[] = []): ParsedQuery {
  const defaults = { ...DEFAULT_CASE, lang: langFromBrowser(browserLanguages) };
  return parseCaseQuery(new URLSearchParams(search).entries(), defaults);
}

/** Fields always written, so a shared link names the patient's case even when it is the default. */
const ALWAYS: readonly (keyof CaseParams)[] = ['procedure', 'level', 'grade', 'shape'];

export function queryFor(state: AppState): URLSearchParams {
  const q = new URLSearchParams();
  const p = state.params;
  for (const key of Object.keys(p) as (keyof CaseParams)[]) {
    const value = p[key];
    if (value === null) continue;
    if (ALWAYS.includes(key) || value !== DEFAULT_CASE[key]) q.set(key, String(value));
  }
  const plan = selectPlan(state);
  const step = plan.steps[state.stepIndex];
  if (step) q.set('step', step.id);
  const start = stepStartTimes(plan)[state.stepIndex] ?? 0;
  if (Math.abs(state.t - start) > 0.05) q.set('t', (Math.round(state.t * 10) / 10).toString());
  return q;
}

export function buildShareUrl(state: AppState, location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}?${queryFor(state).toString()}`;
}

/** The full app showing this state: what the compact player's "open full view" opens. */
export function buildFullViewUrl(state: AppState, location: { origin: string; pathname: string }): string {
  const q = queryFor(state);
  q.delete('ui');
  return `${location.origin}${location.pathname}?${q.toString()}`;
}

/** Keeps the address bar in step with the store. Returns a function that stops it. */
export function syncUrl(store: AppStore, history: History, location: Location): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // The embedding page's origin is not state, but a reload inside the frame must keep it.
  const origin = new URLSearchParams(location.search).get('origin');
  // Kiosk mode is how the screen was set up, not state: a reload must keep it too.
  const kiosk = new URLSearchParams(location.search).get('kiosk');
  function write(): void {
    timer = null;
    const q = queryFor(store.getState());
    if (origin !== null) q.set('origin', origin);
    if (kiosk !== null) q.set('kiosk', kiosk);
    const url = `${location.pathname}?${q.toString()}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
  }
  const unsubscribe = store.subscribe((s, prev) => {
    // While playing, t changes every frame: write only on discrete changes, and once playback stops.
    const discrete = s.params !== prev.params || s.stepIndex !== prev.stepIndex || s.playing !== prev.playing;
    const scrubbed = !s.playing && s.t !== prev.t;
    if (!discrete && !scrubbed) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, 150);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
