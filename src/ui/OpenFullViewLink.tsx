import { useT } from '../i18n/useT.ts';
import { buildFullViewUrl } from '../state/urlSync.ts';
import { useAppStore, useAppStoreApi } from '../state/useAppStore.ts';
import { Icon } from './Icon.tsx';

/** The compact player's way out: the full app, in a new tab, showing the same state. */
export function OpenFullViewLink() {
  const t = useT();
  const store = useAppStoreApi();
  // Re-rendered on discrete changes; the exact time is written in at the moment of the click.
  useAppStore((s) => s.params);
  useAppStore((s) => s.stepIndex);
  return (
    <a
      className="button open-full"
      href={buildFullViewUrl(store.getState(), window.location)}
      target="_blank"
      rel="noopener"
      aria-label={t('embed.openFullLabel')}
      onClick={(e) => {
        e.currentTarget.href = buildFullViewUrl(store.getState(), window.location);
      }}
    >
      <Icon name="external" /> <span className="button__text">{t('embed.openFull')}</span>
    </a>
  );
}
