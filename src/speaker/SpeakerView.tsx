import { useEffect, useState, useSyncExternalStore } from 'react';
import { useT } from '../i18n/useT.ts';
import { selectPlan } from '../state/store.ts';
import { useAppStore } from '../state/useAppStore.ts';
import { Caption } from '../ui/Caption.tsx';
import { StepList } from '../ui/StepList.tsx';
import { Transport } from '../ui/Transport.tsx';

export interface LinkState {
  get: () => 'waiting' | 'live' | 'closed';
  subscribe: (fn: () => void) => () => void;
}

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
}

/** Elapsed time of the talk, since the speaker view opened (or was restarted). */
function Elapsed() {
  const t = useT();
  const [start, setStart] = useState(() => performance.now());
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="speaker__elapsed">
      <span className="speaker__label">{t('speaker.elapsed')}</span>
      <span className="speaker__clock" role="timer">{clock(now - start)}</span>
      <button type="button" className="button" onClick={() => { setStart(performance.now()); setNow(performance.now()); }}>{t('speaker.resetTimer')}</button>
    </div>
  );
}

/** The lecturer's screen: clinical caption with sources, the next step, elapsed time and the controls. */
export function SpeakerView({ link }: { link: LinkState }) {
  const t = useT();
  const state = useSyncExternalStore(link.subscribe, link.get);
  const plan = useAppStore(selectPlan);
  const stepIndex = useAppStore((s) => s.stepIndex);
  const presenter = useAppStore((s) => s.presenter);
  const setPresenter = useAppStore((s) => s.setPresenter);
  const next = plan.steps[stepIndex + 1];
  useEffect(() => {
    document.title = t('speaker.title');
  }, [t]);

  return (
    <div className="speaker" data-link={state}>
      <header className="speaker__head">
        <h1 className="speaker__title">{t('speaker.title')}</h1>
        <Elapsed />
      </header>
      {state !== 'live' ? (
        <p className="speaker__status" role="status">{state === 'waiting' ? t('speaker.waiting') : t('speaker.closed')}</p>
      ) : (
        <main className="speaker__main">
          <div className="speaker__now">
            <Caption />
            <p className="speaker__next" data-next={next?.id ?? ''}>
              {next ? t('speaker.next', { title: t.dynamic(`${next.captionKey}.title`) }) : t('speaker.last')}
            </p>
            <Transport />
            <div className="speaker__presenter">
              <button type="button" className="button" aria-pressed={presenter.black} onClick={() => setPresenter({ black: !presenter.black })}>{t('presenter.black')}</button>
              <button type="button" className="button" aria-pressed={presenter.chromeHidden} onClick={() => setPresenter({ chromeHidden: !presenter.chromeHidden })}>{t('presenter.hideChrome')}</button>
            </div>
          </div>
          <StepList open />
        </main>
      )}
    </div>
  );
}
