/**
 * The speaker view's link to the projector window: same origin, one BroadcastChannel per session.
 * The main window sends its state on every change; the speaker window sends commands, which the main
 * window runs through the same store verbs as its own buttons. Framework-free.
 */
import type { CaseParams } from '../domain/caseParams.ts';
import type { AppStore, Presenter } from './store.ts';

export interface SpeakerSnapshot {
  params: CaseParams;
  t: number;
  playing: boolean;
  stepIndex: number;
  rate: number;
  presenter: Presenter;
}

export const SPEAKER_COMMANDS = ['next', 'prev', 'togglePlay', 'first', 'last', 'seek', 'goToStepIndex', 'setRate', 'setPresenter'] as const;
export type SpeakerCommand = (typeof SPEAKER_COMMANDS)[number];

export type SpeakerMessage =
  | { type: 'hello' }
  | { type: 'state'; state: SpeakerSnapshot }
  | { type: 'bye' }
  | { type: 'command'; method: SpeakerCommand; arg?: unknown };

export function channelName(session: string): string {
  return `spinecast-speaker-${session}`;
}

export function snapshot(store: AppStore): SpeakerSnapshot {
  const s = store.getState();
  return { params: s.params, t: s.t, playing: s.playing, stepIndex: s.stepIndex, rate: s.rate, presenter: s.presenter };
}

/** Runs one command from the speaker window; anything malformed is ignored. */
export function runSpeakerCommand(store: AppStore, method: unknown, arg: unknown): void {
  const s = store.getState();
  switch (method) {
    case 'next':
    case 'prev':
    case 'togglePlay':
    case 'first':
    case 'last':
      s[method]();
      return;
    case 'seek':
    case 'goToStepIndex':
    case 'setRate':
      if (typeof arg === 'number' && Number.isFinite(arg)) s[method](arg);
      return;
    case 'setPresenter':
      if (arg && typeof arg === 'object') {
        const p = arg as Partial<Record<keyof Presenter, unknown>>;
        const patch: Partial<Presenter> = {};
        if (typeof p.black === 'boolean') patch.black = p.black;
        if (typeof p.chromeHidden === 'boolean') patch.chromeHidden = p.chromeHidden;
        s.setPresenter(patch);
      }
      return;
  }
}

/**
 * The projector side: answers the speaker window and follows its commands. When the speaker window
 * first calls, the projector shows only the view and the caption (H brings the controls back).
 */
export function serveSpeaker(store: AppStore, session: string): () => void {
  const channel = new BroadcastChannel(channelName(session));
  let greeted = false;
  const send = () => channel.postMessage({ type: 'state', state: snapshot(store) } satisfies SpeakerMessage);
  channel.onmessage = (event: MessageEvent<SpeakerMessage>) => {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'hello') {
      if (!greeted) store.getState().setPresenter({ chromeHidden: true });
      greeted = true;
      send();
    } else if (m.type === 'command') runSpeakerCommand(store, m.method, m.arg);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.params !== prev.params || s.t !== prev.t || s.playing !== prev.playing || s.stepIndex !== prev.stepIndex || s.rate !== prev.rate || s.presenter !== prev.presenter) send();
  });
  const bye = () => channel.postMessage({ type: 'bye' } satisfies SpeakerMessage);
  window.addEventListener('pagehide', bye);
  return () => {
    bye();
    window.removeEventListener('pagehide', bye);
    unsubscribe();
    channel.close();
  };
}
