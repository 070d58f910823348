/**
 * The one store: the case being shown and where playback stands. Framework-free (zustand/vanilla)
 * so the command API, URL sync and tests use it without React.
 *
 * `t` lives here too: the clock writes it once per drawn frame while playing, and only components
 * that select it (the scrubber) re-render. Scene code reads it with `getState()` inside the frame loop.
 */
import { createStore } from 'zustand/vanilla';
import type { CaseParams } from '../domain/caseParams.ts';
import { DEFAULT_CASE } from '../domain/caseParams.ts';
import type { QueryIssue } from '../domain/parseCaseQuery.ts';
import type { OrbitOffset } from '../domain/procedures/orbitOffset.ts';
import { NO_OFFSET, clampOffset, isNoOffset } from '../domain/procedures/orbitOffset.ts';
import type { Plan, Step, StepId } from '../domain/procedures/plans.ts';
import { clampTime, locate, stepStart, stepStartTimes, totalDuration } from '../domain/procedures/timeline.ts';
import { timelinePlan } from '../domain/procedures/timelinePlan.ts';

/** Where ignored settings came from, so the notice can say so: the link, a script on the page, the host page. */
export type NoticeSource = 'link' | 'api' | 'embed';

/**
 * A message shown to the user until dismissed. Ignored settings from one source are merged into
 * one notice listing the latest few (`more` counts the ones no longer listed).
 */
export type Notice =
  | { id: number; kind: 'query'; source: NoticeSource; issues: QueryIssue[]; more: number }
  | { id: number; kind: 'message'; key: string; tone: 'info' | 'warning' | 'error' };

/** Ignored settings listed per notice; older ones are counted instead. */
export const MAX_NOTICE_ISSUES = 6;
/** Notices on screen at once; the oldest goes first. */
export const MAX_NOTICES = 3;
/** Longest setting name or value shown, characters. */
export const MAX_SHOWN_CHARS = 28;

/** A name or value cut to `max` characters with an ellipsis (never splitting a surrogate pair). */
export function shorten(text: string, max = MAX_SHOWN_CHARS): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/** What keeps the picture from being shown (read by hosts as `<html data-error>`). */
export type FaultCode = 'index-load' | 'model-load' | 'webgl-lost';
export interface Fault {
  code: FaultCode;
  message: string;
}

export const PLAYBACK_RATES = [0.5, 1, 1.5, 2] as const;

export interface AppState {
  params: CaseParams;
  t: number;
  playing: boolean;
  rate: number;
  /** Index of the current step in the timeline plan; derived from t, stored so selectors stay cheap. */
  stepIndex: number;
  /** The waiting-room loop (`kiosk=1`): set once on load; hides what a passer-by should not change. */
  kiosk: boolean;
  /** Set when a new version of the app is ready: calling it reloads into that version. */
  update: (() => void) | null;
  /** Faults by owner (a pane's files, a pane's WebGL context); `data-ready` waits while any is set. */
  faults: Record<string, Fault>;
  /** Bumped by the "retry" verb: whoever loads files tries the failed ones again. */
  retryToken: number;
  /** Bumped by every explicit change of state; `data-ready` waits for a frame drawn at this version. */
  version: number;
  notices: Notice[];
  /** Explore freely vs the step's framed view. */
  freeCamera: boolean;
  /** The user's turn, tilt and zoom on top of the framed view (buttons and keys, no drag needed). */
  cameraOffset: OrbitOffset;
  /** Models are being fetched. */
  loading: boolean;
  /** Which tissue layers are drawn, and whether the treated vertebra is cut open. */
  layers: Layers;
  /** X-ray display convention: dense = bright (radiograph) instead of dense = dark (fluoroscopy monitor). */
  xrayDenseBright: boolean;
  /** Lecture hall: the screen blacked out (clickers' B or '.'), and the chrome hidden (H). */
  presenter: Presenter;
}

export interface Presenter {
  black: boolean;
  chromeHidden: boolean;
}

export interface Layers {
  /** The AP and lateral X-ray pictures beside the 3D view during guided steps. */
  xray: boolean;
  skinAndMuscle: boolean;
  nerves: boolean;
  veins: boolean;
  cutaway: boolean;
  labels: boolean;
  /** The wedge angle drawn on the treated vertebra, on demand. */
  wedge: boolean;
}

export const DEFAULT_LAYERS: Readonly<Layers> = Object.freeze({
  xray: true,
  skinAndMuscle: false,
  nerves: true,
  veins: true,
  cutaway: true,
  labels: false,
  wedge: false,
});

export interface AppActions {
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  seek: (t: number) => void;
  goToStep: (id: StepId) => boolean;
  goToStepIndex: (index: number) => void;
  next: () => void;
  prev: () => void;
  first: () => void;
  last: () => void;
  setParams: (patch: Partial<CaseParams>) => void;
  setRate: (rate: number) => void;
  /** Advance the clock by a frame's real time; used only by the clock component. */
  tick: (deltaSeconds: number) => void;
  notify: (
    notice:
      | Omit<Extract<Notice, { kind: 'message' }>, 'id'>
      | { kind: 'query'; source: NoticeSource; issues: readonly QueryIssue[] },
  ) => void;
  dismissNotice: (id: number) => void;
  dismissNoticesByKey: (key: string) => void;
  setFreeCamera: (free: boolean) => void;
  /** Adds to the user's turn, tilt or zoom. */
  nudgeCamera: (delta: Partial<OrbitOffset>) => void;
  /** Back to the step's framed view: no offset, not free. */
  resetCamera: () => void;
  setUpdate: (apply: (() => void) | null) => void;
  /** Records (or with null clears) what keeps `owner` from showing its picture. */
  setFault: (owner: string, fault: Fault | null) => void;
  /** Asks for the failed files to be fetched again now. */
  retry: () => void;
  /** The state must be drawn again (e.g. after a lost graphics context came back). */
  redraw: () => void;
  setLoading: (loading: boolean) => void;
  setLayers: (patch: Partial<Layers>) => void;
  setXrayDenseBright: (bright: boolean) => void;
  setPresenter: (patch: Partial<Presenter>) => void;
}

export type AppStore = ReturnType<typeof createAppStore>;

export function selectPlan(state: AppState): Plan {
  return timelinePlan(state.params.procedure);
}

/** The step the timeline is at, with its plan data (shot, X-ray views, captions). */
export function selectStep(state: AppState): Step {
  return selectPlan(state).steps[state.stepIndex]!;
}

let noticeCounter = 0;

export function createAppStore(initial?: Partial<Pick<AppState, 'params' | 't' | 'kiosk'>>) {
  const params = { ...DEFAULT_CASE, ...initial?.params };
  const plan0 = timelinePlan(params.procedure);
  const t0 = clampTime(plan0, initial?.t ?? 0);

  return createStore<AppState & AppActions>()((set, get) => {
    /** Moves the playhead and derives the step; explicit moves bump the version. */
    function moveTo(t: number, explicit: boolean): void {
      const plan = selectPlan(get());
      const clamped = clampTime(plan, t);
      const stepIndex = locate(plan, clamped).stepIndex;
      const state = get();
      set({
        t: clamped,
        stepIndex,
        version: explicit ? state.version + 1 : state.version,
      });
    }

    function stepTo(index: number): void {
      const plan = selectPlan(get());
      const starts = stepStartTimes(plan);
      const i = Math.min(Math.max(0, index), plan.steps.length - 1);
      set({ playing: false });
      moveTo(starts[i] ?? 0, true);
    }

    return {
      params,
      t: t0,
      playing: false,
      rate: 1,
      stepIndex: locate(plan0, t0).stepIndex,
      version: 0,
      kiosk: initial?.kiosk ?? false,
      update: null,
      faults: {},
      retryToken: 0,
      notices: [],
      freeCamera: false,
      cameraOffset: { ...NO_OFFSET },
      loading: false,
      layers: { ...DEFAULT_LAYERS },
      xrayDenseBright: false,
      presenter: { black: false, chromeHidden: false },

      play() {
        const state = get();
        const plan = selectPlan(state);
        // Playing from the very end starts over, as media players do.
        if (state.t >= totalDuration(plan)) moveTo(0, true);
        set({ playing: true, version: get().version + 1 });
      },
      pause() {
        set({ playing: false, version: get().version + 1 });
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      seek(t) {
        moveTo(t, true);
      },
      goToStep(id) {
        const plan = selectPlan(get());
        const start = stepStart(plan, id);
        if (start < 0) return false;
        set({ playing: false });
        moveTo(start, true);
        return true;
      },
      goToStepIndex(index) {
        stepTo(index);
      },
      next() {
        stepTo(get().stepIndex + 1);
      },
      prev() {
        const state = get();
        const plan = selectPlan(state);
        const start = stepStartTimes(plan)[state.stepIndex] ?? 0;
        // Like a media player: back to the start of this step first if well into it.
        if (state.playing && state.t - start > 1) stepTo(state.stepIndex);
        else stepTo(state.stepIndex - 1);
      },
      first() {
        stepTo(0);
      },
      last() {
        const plan = selectPlan(get());
        set({ playing: false });
        moveTo(totalDuration(plan), true);
      },
      setParams(patch) {
        const before = get();
        const params = { ...before.params, ...patch };
        const planBefore = selectPlan(before);
        const planAfter = timelinePlan(params.procedure);
        let t = before.t;
        if (planBefore !== planAfter) {
          // Keep the same step where the new plan has it; otherwise start over.
          const id = planBefore.steps[before.stepIndex]?.id;
          const start = id === undefined ? -1 : stepStart(planAfter, id);
          t = start >= 0 ? start : 0;
        }
        // One update, so no listener ever sees the new plan with the old step index.
        const clamped = clampTime(planAfter, t);
        set({ params, t: clamped, stepIndex: locate(planAfter, clamped).stepIndex, version: before.version + 1 });
      },
      setRate(rate) {
        set({ rate: Math.min(4, Math.max(0.25, rate)) });
      },
      tick(deltaSeconds) {
        const state = get();
        if (!state.playing || !(deltaSeconds > 0)) return;
        const plan = selectPlan(state);
        const end = totalDuration(plan);
        const t = Math.min(end, state.t + deltaSeconds * state.rate);
        moveTo(t, false);
        if (t >= end) set({ playing: false, version: get().version + 1 });
      },
      notify(notice) {
        noticeCounter += 1;
        let notices = get().notices;
        if (notice.kind === 'message') {
          notices = notices.filter((n) => !(n.kind === 'message' && n.key === notice.key));
          notices = [...notices, { ...notice, id: noticeCounter }];
        } else {
          // One notice per source: new issues replace older ones about the same setting, and only
          // the latest few are listed.
          const known = notices.find((n): n is Extract<Notice, { kind: 'query' }> => n.kind === 'query' && n.source === notice.source);
          const incoming = notice.issues.map((i) => ({ param: shorten(i.param), value: shorten(i.value), reason: i.reason }));
          let merged = [...(known?.issues ?? [])];
          let more = known?.more ?? 0;
          for (const issue of incoming) {
            merged = merged.filter((i) => i.param !== issue.param);
            merged.push(issue);
          }
          if (merged.length > MAX_NOTICE_ISSUES) {
            more += merged.length - MAX_NOTICE_ISSUES;
            merged = merged.slice(-MAX_NOTICE_ISSUES);
          }
          notices = notices.filter((n) => n !== known);
          notices = [...notices, { id: noticeCounter, kind: 'query', source: notice.source, issues: merged, more }];
        }
        set({ notices: notices.slice(-MAX_NOTICES) });
      },
      dismissNotice(id) {
        set({ notices: get().notices.filter((n) => n.id !== id) });
      },
      dismissNoticesByKey(key) {
        set({ notices: get().notices.filter((n) => !(n.kind === 'message' && n.key === key)) });
      },
      nudgeCamera(delta) {
        const o = get().cameraOffset;
        const next = clampOffset({
          turnDeg: o.turnDeg + (delta.turnDeg ?? 0),
          tiltDeg: o.tiltDeg + (delta.tiltDeg ?? 0),
          zoom: o.zoom + (delta.zoom ?? 0),
        });
        set({ cameraOffset: next, version: get().version + 1 });
      },
      resetCamera() {
        const s = get();
        if (!s.freeCamera && isNoOffset(s.cameraOffset)) return;
        set({ cameraOffset: { ...NO_OFFSET }, freeCamera: false, version: s.version + 1 });
      },
      setFreeCamera(free) {
        if (get().freeCamera === free) return;
        // Going back to the framed shot is a new state to draw; freeing the camera is not.
        set({ freeCamera: free, version: free ? get().version : get().version + 1 });
      },
      setFault(owner, fault) {
        const known = get().faults[owner];
        if (!fault) {
          if (!known) return;
          const { [owner]: _gone, ...rest } = get().faults;
          set({ faults: rest });
          return;
        }
        if (known && known.code === fault.code && known.message === fault.message) return;
        set({ faults: { ...get().faults, [owner]: fault } });
      },
      setUpdate(apply) {
        set({ update: apply });
      },
      retry() {
        set({ retryToken: get().retryToken + 1 });
      },
      redraw() {
        set({ version: get().version + 1 });
      },
      setLayers(patch) {
        set({ layers: { ...get().layers, ...patch }, version: get().version + 1 });
      },
      setXrayDenseBright(bright) {
        set({ xrayDenseBright: bright, version: get().version + 1 });
      },
      setPresenter(patch) {
        // Not a state of the picture: the 3D view under a black screen or without chrome is the same.
        set({ presenter: { ...get().presenter, ...patch } });
      },
      setLoading(loading) {
        if (get().loading !== loading) set({ loading });
      },
    };
  });
}
