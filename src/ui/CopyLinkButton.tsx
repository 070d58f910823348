import { useT } from '../i18n/useT.ts';
import { Icon } from './Icon.tsx';
import { buildShareUrl } from '../state/urlSync.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';
import { useCopyText } from './useCopyText.ts';

/** Copies a link to exactly what is on screen, for the patient to take home. */
export function CopyLinkButton() {
  const t = useT();
  const store = useAppStoreApi();
  const [status, copy] = useCopyText();

  return (
    <>
      <button type="button" className={`button copy-link${status === 'copied' ? ' is-copied' : ''}`} aria-label={t('link.copy')} onClick={() => void copy(buildShareUrl(store.getState(), window.location))}>
        <Icon name="link" /> <span className="button__text">{status === 'copied' ? t('link.copied') : t('link.copy')}</span>
      </button>
      <span className="visually-hidden" role="status">
        {status === 'copied' ? t('link.copied') : status === 'failed' ? t('link.copyFailed') : ''}
      </span>
    </>
  );
}
