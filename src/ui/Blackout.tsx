import { useT } from '../i18n/useT.ts';
import { useAppStore } from '../state/useAppStore.ts';

/**
 * The black screen of a lecture pause (B or '.'): covers everything, so the hall looks at the speaker.
 * Steps still move underneath; the same key, or a click, brings the picture back.
 */
export function Blackout() {
  const t = useT();
  const black = useAppStore((s) => s.presenter.black);
  const setPresenter = useAppStore((s) => s.setPresenter);
  return (
    <>
      <span className="visually-hidden" role="status">{black ? t('presenter.blackAnnounce') : ''}</span>
      {black && <div className="blackout" data-testid="blackout" onClick={() => setPresenter({ black: false })} />}
    </>
  );
}
