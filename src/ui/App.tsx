import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { useAppStore } from '../state/useAppStore.ts';
import { CameraControls } from './CameraControls.tsx';
import { CasePicker } from './CasePicker.tsx';
import { Caption } from './Caption.tsx';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { EmbedDialog } from './EmbedDialog.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { EvidencePanel } from './EvidencePanel.tsx';
import { FaultPanel } from './FaultPanel.tsx';
import { Icon } from './Icon.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { ModeSwitch } from './ModeSwitch.tsx';
import { Notices } from './Notices.tsx';
import { OpenFullViewLink } from './OpenFullViewLink.tsx';
import { ProcedureSwitch } from './ProcedureSwitch.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';
import { SimulationStatus } from './SimulationStatus.tsx';
import { StepList } from './StepList.tsx';
import { TakeHome } from './TakeHome.tsx';
import { Transport } from './Transport.tsx';
import { ViewOptions } from './ViewOptions.tsx';
import { WebGLFallback } from './WebGLFallback.tsx';
import { LazySceneHost } from './lazyScene.ts';
import { Blackout } from './Blackout.tsx';
import { KeyList } from './KeyList.tsx';
import { useFullscreen } from './useFullscreen.ts';
import { UpdatePrompt } from './UpdatePrompt.tsx';
import { useKeyboardShortcuts } from './useKeyboardShortcuts.ts';
import { useLargeText } from './useLargeText.ts';

// Lecture tools and expert parameters: loaded only in educator mode, never in the first bundle.
const EducatorTools = lazy(() => import('./EducatorTools.tsx'));

export interface AppProps {
  /** Whether WebGL 2 runs here; null until that is known (checked once the shell has painted). */
  webgl: boolean | null;
  onError: (error: Error) => void;
}

/** While the 3D view's code is on its way, the view says it is loading. */
function SceneLoading() {
  const setLoading = useAppStore((s) => s.setLoading);
  useEffect(() => {
    setLoading(true);
    return () => setLoading(false);
  }, [setLoading]);
  return null;
}

export function App({ webgl, onError }: AppProps) {
  const t = useT();
  const mode = useAppStore((s) => s.params.mode);
  const lang = useAppStore((s) => s.params.lang);
  const loading = useAppStore((s) => s.loading);
  const procedure = useAppStore((s) => s.params.procedure);
  // The X-ray view shows no 3D picture: nothing to turn, and no labels of the 3D scene over the X-ray pictures.
  const xrayOnly = useAppStore((s) => s.params.view === 'fluoro');
  // The embedded player (ui=compact): no brand header, one row of controls, the step list a drawer.
  const compact = useAppStore((s) => s.params.ui === 'compact');
  // Waiting-room kiosk: nothing that leaves the loop's screen or changes the expert settings.
  const kiosk = useAppStore((s) => s.kiosk);
  const [stepsOpen, setStepsOpen] = useState(false);
  const [keysOpen, setKeysOpen] = useState(false);
  const chromeHidden = useAppStore((s) => s.presenter.chromeHidden);
  const setPresenter = useAppStore((s) => s.setPresenter);
  const notify = useAppStore((s) => s.notify);
  const onRefused = useCallback(() => notify({ kind: 'message', key: 'notice.fullscreenRefused', tone: 'warning' }), [notify]);
  const fullscreen = useFullscreen(onRefused);
  useKeyboardShortcuts({ toggleFullscreen: fullscreen.toggle, toggleKeyList: () => setKeysOpen((v) => !v) });
  const [largeText, setLargeText] = useLargeText();
  const stepsToggle = (
    <button
      type="button"
      className="button steps-toggle"
      aria-expanded={stepsOpen}
      aria-controls="step-list"
      aria-label={stepsOpen ? t('steps.hide') : t('steps.show')}
      onClick={() => setStepsOpen((v) => !v)}
    >
      <Icon name="list" /> <span className="button__text">{stepsOpen ? t('steps.hide') : t('steps.show')}</span>
    </button>
  );

  return (
    <div className={`app app--${mode}${compact ? ' app--compact' : ''}${chromeHidden ? ' app--bare' : ''}${largeText ? ' app--large-text' : ''}${kiosk ? ' app--kiosk' : ''}`}>
      {compact ? (
        <header className="compact-bar">
          <h1 className="visually-hidden">{t('app.title')}</h1>
          <ProcedureSwitch />
          <CasePicker />
          {stepsToggle}
          {!kiosk && <OpenFullViewLink />}
        </header>
      ) : (
        <header className="topbar">
          <div className="brand">
            <h1 className="brand__name">{t('app.title')}</h1>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </div>
          {/* Beside the brand, where the first header row has room: always in sight, never pushing the controls to another row. */}
          {!kiosk && <EvidencePanel />}
          <div className="topbar__controls">
            <ProcedureSwitch />
            <CasePicker />
            <ModeSwitch />
            <LanguagePicker />
            {!kiosk && <CopyLinkButton />}
            {!kiosk && <TakeHome />}
            {!kiosk && <EmbedDialog />}
          </div>
        </header>
      )}

      <main className="stage" id="main" tabIndex={-1}>
        <div className={`stage__view${procedure === 'compare' ? ' stage__view--compare' : ''}${xrayOnly ? ' stage__view--xray' : ''}`} data-view-root="">
          {webgl === null ? (
            <SceneLoading />
          ) : webgl ? (
            <ErrorBoundary lang={lang} onError={onError} fallback={(e) => <WebGLFallback reason="failed" detail={e.message} />}>
              <Suspense fallback={<SceneLoading />}>
                <LazySceneHost />
              </Suspense>
            </ErrorBoundary>
          ) : (
            <WebGLFallback />
          )}
          {webgl && <FaultPanel />}
          {webgl && <ViewOptions />}
          {webgl && !xrayOnly && <CameraControls />}
          {webgl !== false && loading && (
            <div className="loading" role="status">
              {t('app.loading')}
            </div>
          )}
          <Notices />
          {webgl && <SimulationStatus />}
          {procedure === 'compare' && <ResultsPanel />}
        </div>
        <div className="side">
          <StepList open={stepsOpen} />
          {mode === 'educator' && !compact && !kiosk && (
            <ErrorBoundary lang={lang} onError={onError} fallback={() => null}>
              <Suspense fallback={null}>
                <EducatorTools fullscreen={fullscreen} onShowKeys={() => setKeysOpen(true)} />
              </Suspense>
            </ErrorBoundary>
          )}
        </div>
        {chromeHidden && (
          <button type="button" className="button show-chrome" onClick={() => setPresenter({ chromeHidden: false })}>
            {t('presenter.showChrome')}
          </button>
        )}
      </main>

      <UpdatePrompt />
      <footer className="dock">
        <Caption />
        <Transport lead={compact ? undefined : stepsToggle} />
        <div className="dock__more">
          <p className="disclaimer">{t('app.disclaimer')}</p>
          <div className="dock__actions">
            <button type="button" className="button button--small" aria-pressed={largeText} onClick={() => setLargeText(!largeText)}>
              <Icon name="text" /> {t('app.largeText')}
            </button>
          </div>
        </div>
      </footer>

      <Blackout />
      <KeyList open={keysOpen} onClose={() => setKeysOpen(false)} />
    </div>
  );
}
