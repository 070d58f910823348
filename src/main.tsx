/**
 * Entry point: reads the URL, builds the store and the command API, then mounts the app.
 * Everything the page does goes through the store's verbs, which window.spinecast exposes.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { stepStart } from './domain/procedures/timeline.ts';
import { timelinePlan } from './domain/procedures/timelinePlan.ts';
import type { BridgeApi } from './embed/bridge.ts';
import type { SpinecastApi } from './state/commandApi.ts';
import type { MediaProvider } from './state/commandApi.ts';
import { createCommandApi } from './state/commandApi.ts';
import { createPaneRegistry } from './state/paneCapture.ts';
import { PaneRegistryContext } from './state/PaneRegistryContext.ts';
import { MediaContext } from './state/MediaContext.ts';
import { createMetricsProvider } from './state/metricsProvider.ts';
import { watchLeaks } from './state/leakEvents.ts';
import { createCementClient } from './workers/cementClient.ts';
import { CementContext } from './state/CementContext.ts';
import { ReadinessContext } from './state/ReadinessContext.ts';
import { createReadiness } from './state/readiness.ts';
import { registerOffline } from './offline/registerOffline.ts';
import { KIOSK_TIMING, browserKioskEnvironment, runKiosk } from './state/kiosk.ts';
import { createAppStore } from './state/store.ts';
import { readQuery, syncUrl } from './state/urlSync.ts';
import { StoreContext } from './state/useAppStore.ts';
import { en } from './i18n/en.ts';
import { isLocaleLoaded, loadLocale, provideMessages, subscribeLocales, translate } from './i18n/translate.ts';
import { connectEmbedding } from './embed/connectEmbedding.ts';
import { App } from './ui/App.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { probeWebGL } from './render/webglProbe.ts';
import { afterFirstPaint } from './ui/lazyScene.ts';
import './ui/styles.css';

declare global {
  interface Window {
    spinecast?: SpinecastApi;
  }
}

// Development builds only: `lang=xx` shows the pseudo-locale (src/i18n/pseudoLocale.ts) in place of
// English, to check that layouts survive longer strings. Production builds drop this code.
const pseudoLocale = import.meta.env.DEV && new URLSearchParams(window.location.search).get('lang') === 'xx';
const parsed = readQuery(window.location.search, navigator.languages);
if (pseudoLocale) parsed.issues = parsed.issues.filter((i) => i.param !== 'lang');
const requestedT = parsed.t ?? (parsed.step ? stepStart(timelinePlan(parsed.params.procedure), parsed.step) : 0);
const store = createAppStore({ params: parsed.params, t: requestedT, kiosk: parsed.kiosk });
// Inside a host page (the embed passes its origin; a hand-made iframe has a parent) the settings
// came from that page, not from a link someone followed.
const embedded = new URLSearchParams(window.location.search).has('origin') || window.parent !== window;
if (parsed.issues.length > 0) store.getState().notify({ kind: 'query', source: embedded ? 'embed' : 'link', issues: parsed.issues });

const cement = createCementClient();
const panes = createPaneRegistry();
// Pictures and clips load their code (and the video muxer) on first use.
const media: MediaProvider = {
  capture: (o) => import('./media/capturePicture.ts').then((m) => m.capturePicture({ store, panes, readiness }, o)),
  record: (o) => import('./media/recordClip.ts').then((m) => m.recordClip({ store, panes, readiness }, o)),
};
const { api, apiFor, events } = createCommandApi(store, { metrics: createMetricsProvider(cement), media });
watchLeaks(store, cement, (leak) => events.emit('leak', leak));
cement.subscribe((_key, status) => {
  if (status.state === 'failed') events.emit('error', { code: 'simulation', message: status.message });
});
const root = document.documentElement;
const readiness = createReadiness(store, root, () => {
  events.emit('ready', { state: api.getState() });
  // Offline use: fetched once the first picture is there, so it never slows that picture down.
  registerOffline(store);
});
window.spinecast = api;
void connectEmbedding(apiFor('embed') as unknown as BridgeApi, parsed.origin, () => readiness.isReady());
syncUrl(store, window.history, window.location);

function reportError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  events.emit('error', { code: 'runtime', message });
}
window.addEventListener('error', (e) => reportError(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => reportError(e.reason));

/** `<html lang>` and the document title follow the language, once its messages have arrived. */
function applyLanguage(): void {
  const lang = store.getState().params.lang;
  root.lang = lang;
  document.title = translate(lang, 'app.documentTitle');
}
// Faults hosts can read: `<html data-error="model-load webgl-lost">` and an 'error' event for each new one.
store.subscribe((s, prev) => {
  if (s.faults === prev.faults) return;
  const codes = [...new Set(Object.values(s.faults).map((f) => f.code))];
  const before = new Set(Object.values(prev.faults).map((f) => f.code));
  if (codes.length > 0) root.setAttribute('data-error', codes.join(' '));
  else root.removeAttribute('data-error');
  for (const f of Object.values(s.faults)) {
    if (!before.has(f.code)) {
      before.add(f.code);
      events.emit('error', { code: f.code, message: f.message });
    }
  }
});

store.subscribe((s, prev) => {
  if (s.params.lang !== prev.params.lang) {
    applyLanguage();
    // Not ready until the page speaks the requested language.
    if (!isLocaleLoaded(s.params.lang)) {
      readiness.hold('locale', true);
      loadLocale(s.params.lang)
        .catch(reportError)
        .finally(() => readiness.hold('locale', false));
    }
  }
});
subscribeLocales(applyLanguage);
applyLanguage();
// Whether WebGL 2 runs here: creating a context to find out is slow (hundreds of ms on a slow phone),
// so it is asked once the shell has been painted, just before the 3D view's code would run.
let webglKnown: Promise<boolean> | null = null;
function detectWebGL(): Promise<boolean> {
  webglKnown ??= afterFirstPaint().then(() => {
    const webgl = probeWebGL().available;
    root.setAttribute('data-webgl', String(webgl));
    return webgl;
  });
  return webglKnown;
}

if (parsed.kiosk) {
  root.setAttribute('data-kiosk', 'true');
  // Test hook: a shorter wait before returning to the start.
  const idle = (window as { __spinecastKioskIdleMs?: number }).__spinecastKioskIdleMs;
  runKiosk(store, browserKioskEnvironment(window), idle ? { ...KIOSK_TIMING, idleResetMs: idle, resumeMs: idle } : KIOSK_TIMING);
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html needs a #root element');
/** The app, told whether WebGL runs once that is known. */
function Root() {
  const [webgl, setWebgl] = useState<boolean | null>(null);
  useEffect(() => {
    void detectWebGL().then(setWebgl);
  }, []);
  return <App webgl={webgl} onError={reportError} />;
}

function mount(into: HTMLElement): void {
  createRoot(into).render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <ReadinessContext.Provider value={readiness}>
          <CementContext.Provider value={cement}>
            <PaneRegistryContext.Provider value={panes}>
              <MediaContext.Provider value={{ capture: api.capture, record: api.record }}>
                <ErrorBoundary lang={store.getState().params.lang} onError={reportError} reloadAfterMs={parsed.kiosk ? 30_000 : undefined}>
                  <Root />
                </ErrorBoundary>
              </MediaContext.Provider>
            </PaneRegistryContext.Provider>
          </CementContext.Provider>
        </ReadinessContext.Provider>
      </StoreContext.Provider>
    </StrictMode>,
  );
}

// The first language's messages arrive before the first render, so no English flashes by; should its
// file fail to load, the page still opens, in English.
const firstMessages = pseudoLocale
  ? import('./i18n/pseudoLocale.ts').then(({ pseudoLocalize }) => provideMessages('en', pseudoLocalize(en)))
  : loadLocale(store.getState().params.lang);
firstMessages.catch(reportError).finally(() => mount(container));
