import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { Icon } from './Icon.tsx';
import { buildShareUrl } from '../state/urlSync.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';

type CopyStatus = 'idle' | 'copied' | 'failed';

/** Copies a link to exactly what is on screen, for the patient to take home. */
export function CopyLinkButton() {
  const t = useT();
  const store = useAppStoreApi();
  const [status, setStatus] = useState<CopyStatus>('idle');

  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), 2500);
    return () => clearTimeout(timer);
  }, [status]);

  async function copy(): Promise<void> {
    const url = buildShareUrl(store.getState(), window.location);
    try {
      await navigator.clipboard.writeText(url);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <>
      <button type="button" className="button copy-link" aria-label={t('link.copy')} onClick={() => void copy()}>
        <Icon name="link" /> <span className="button__text">{status === 'copied' ? t('link.copied') : t('link.copy')}</span>
      </button>
      <span className="visually-hidden" role="status">
        {status === 'copied' ? t('link.copied') : status === 'failed' ? t('link.copyFailed') : ''}
      </span>
    </>
  );
}
