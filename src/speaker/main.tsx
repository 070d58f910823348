/**
 * The speaker view (speaker.html): a second window for the lecturer's own screen. It mirrors the
 * projector window's state through the speaker link and sends its buttons' verbs back there, so the
 * caption, the step list and the transport are the app's own components on a mirrored store.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_CASE, LANGS } from '../domain/caseParams.ts';
import type { Lang } from '../domain/caseParams.ts';
import { loadLocale } from '../i18n/translate.ts';
import type { SpeakerCommand, SpeakerMessage } from '../state/speakerLink.ts';
import { channelName } from '../state/speakerLink.ts';
import { createAppStore } from '../state/store.ts';
import { StoreContext } from '../state/useAppStore.ts';
import { SpeakerView } from './SpeakerView.tsx';
import '../ui/styles.css';

const query = new URLSearchParams(window.location.search);
const session = query.get('session') ?? '';
const askedLang = query.get('lang');
const lang: Lang = (LANGS as readonly string[]).includes(askedLang ?? '') ? (askedLang as Lang) : 'en';
const store = createAppStore({ params: { ...DEFAULT_CASE, lang, mode: 'educator' } });
const channel = new BroadcastChannel(channelName(session));
const send = (method: SpeakerCommand, arg?: unknown) => channel.postMessage({ type: 'command', method, arg } satisfies SpeakerMessage);

// The mirrored store's verbs drive the projector window; its state comes back from there.
store.setState({
  next: () => send('next'),
  prev: () => send('prev'),
  togglePlay: () => send('togglePlay'),
  play: () => !store.getState().playing && send('togglePlay'),
  pause: () => store.getState().playing && send('togglePlay'),
  first: () => send('first'),
  last: () => send('last'),
  seek: (t: number) => send('seek', t),
  goToStepIndex: (i: number) => send('goToStepIndex', i),
  setRate: (r: number) => send('setRate', r),
  setPresenter: (patch) => send('setPresenter', patch),
});

type Link = 'waiting' | 'live' | 'closed';
let link: Link = 'waiting';
const linkListeners = new Set<() => void>();
function setLink(value: Link): void {
  link = value;
  for (const fn of linkListeners) fn();
}
channel.onmessage = (event: MessageEvent<SpeakerMessage>) => {
  const m = event.data;
  if (m?.type === 'state') {
    // The speaker reads the clinical wording whatever the audience sees.
    store.setState({ ...m.state, params: { ...m.state.params, mode: 'educator' } });
    if (m.state.params.lang !== store.getState().params.lang) void loadLocale(m.state.params.lang);
    setLink('live');
  } else if (m?.type === 'bye') setLink('closed');
};
channel.postMessage({ type: 'hello' } satisfies SpeakerMessage);

const container = document.getElementById('root');
if (!container) throw new Error('speaker.html needs a #root element');
loadLocale(lang)
  .catch(() => undefined)
  .finally(() =>
    createRoot(container).render(
      <StrictMode>
        <StoreContext.Provider value={store}>
          <SpeakerView link={{ get: () => link, subscribe: (fn) => (linkListeners.add(fn), () => void linkListeners.delete(fn)) }} />
        </StoreContext.Provider>
      </StrictMode>,
    ),
  );
