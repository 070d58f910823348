import { Suspense, lazy, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { serveSpeaker } from '../state/speakerLink.ts';
import { useAppStore, useAppStoreApi } from '../state/useAppStore.ts';
import { SaveMedia } from './SaveMedia.tsx';

// leva stays out of every bundle until the panel is opened; the chunk is fetched ahead in educator mode.
const loadPanel = () => import('../debug/DebugPanel.tsx');
const DebugPanel = lazy(loadPanel);

export interface EducatorToolsProps {
  fullscreen: { active: boolean; supported: boolean; toggle: () => void };
  onShowKeys: () => void;
}

/**
 * Lecture tools beside the step list (educator mode): fullscreen, black screen, hidden controls, the
 * key list, and the expert parameters behind a disclosure, so nothing covers the view or the steps.
 */
export default function EducatorTools({ fullscreen, onShowKeys }: EducatorToolsProps) {
  const t = useT();
  const presenter = useAppStore((s) => s.presenter);
  const setPresenter = useAppStore((s) => s.setPresenter);
  const [expertOpen, setExpertOpen] = useState(false);
  const expertId = useId();
  const expert = useRef<HTMLDivElement>(null);
  useEffect(() => void loadPanel(), []);
  const store = useAppStoreApi();
  const speaker = useRef<{ session: string; stop: () => void } | null>(null);
  useEffect(() => () => speaker.current?.stop(), []);

  function openSpeakerView(): void {
    // One session per projector window: the speaker window's commands reach this window only.
    speaker.current ??= (() => {
      const session = crypto.randomUUID();
      return { session, stop: serveSpeaker(store, session) };
    })();
    const url = `speaker.html?session=${speaker.current.session}&lang=${store.getState().params.lang}`;
    const opened = window.open(url, `spinecast-speaker-${speaker.current.session}`, 'popup,width=1000,height=720');
    if (!opened) store.getState().notify({ kind: 'message', key: 'speaker.blocked', tone: 'warning' });
  }
  useEffect(() => {
    if (expertOpen) expert.current?.scrollIntoView?.({ block: 'nearest' });
  }, [expertOpen]);

  return (
    <section className="tools" aria-labelledby={`${expertId}-title`}>
      <h2 className="tools__heading" id={`${expertId}-title`}>{t('presenter.title')}</h2>
      <div className="tools__grid">
        {fullscreen.supported && (
          <button type="button" className="button" aria-pressed={fullscreen.active} onClick={fullscreen.toggle}>
            {t('presenter.fullscreen')} <kbd aria-hidden="true">F</kbd>
          </button>
        )}
        <button type="button" className="button" aria-pressed={presenter.black} onClick={() => setPresenter({ black: !presenter.black })}>
          {t('presenter.black')} <kbd aria-hidden="true">B</kbd>
        </button>
        <button type="button" className="button" aria-pressed={presenter.chromeHidden} onClick={() => setPresenter({ chromeHidden: !presenter.chromeHidden })}>
          {t('presenter.hideChrome')} <kbd aria-hidden="true">H</kbd>
        </button>
        <button type="button" className="button" onClick={onShowKeys}>
          {t('presenter.keys')} <kbd aria-hidden="true">?</kbd>
        </button>
      </div>
      <button type="button" className="button" onClick={openSpeakerView}>
        {t('speaker.open')}
      </button>
      <SaveMedia />
      <button
        type="button"
        className="button tools__disclosure"
        aria-expanded={expertOpen}
        aria-controls={expertId}
        onClick={() => setExpertOpen((v) => !v)}
      >
        <span aria-hidden="true" className="tools__chevron">{expertOpen ? '▾' : '▸'}</span> {t('debug.title')}
      </button>
      {/* Closed, the panel is not in the page at all: no hidden control can take focus or a key press. */}
      <div ref={expert} id={expertId} className="expert" hidden={!expertOpen}>
        {expertOpen && (
          <Suspense fallback={<p className="tools__note">{t('app.loading')}</p>}>
            <DebugPanel />
          </Suspense>
        )}
      </div>
    </section>
  );
}
