import { useCallback, useEffect, useId, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useT } from '../i18n/useT.ts';
import { buildShareUrl } from '../state/urlSync.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';
import { Handout } from './Handout.tsx';
import { Icon } from './Icon.tsx';
import { QrCode } from './QrCode.tsx';
import { useCopyText } from './useCopyText.ts';
import { useModalDialog } from './useModalDialog.ts';

/**
 * "Take home": the link to exactly this case (the same link "Copy link" copies), a QR code of it
 * made on the device, and a one-page handout to print. The handout lives outside the app's root
 * and is shown only in print; it is brought up to date whenever the dialog opens or the browser is
 * about to print, so printing from the browser's own menu also gives it.
 */
export function TakeHome() {
  const t = useT();
  const store = useAppStoreApi();
  const [url, setUrl] = useState<string | null>(null);
  const [status, copy] = useCopyText();
  const { dialog, trigger, open, close, onClose } = useModalDialog();
  const titleId = useId();

  const refresh = useCallback(() => setUrl(buildShareUrl(store.getState(), window.location)), [store]);
  useEffect(() => {
    const beforePrint = () => flushSync(refresh);
    window.addEventListener('beforeprint', beforePrint);
    return () => window.removeEventListener('beforeprint', beforePrint);
  }, [refresh]);

  function show(): void {
    refresh();
    open();
  }

  return (
    <>
      <button ref={trigger} type="button" className="button take-home-open" aria-label={t('takeHome.open')} aria-haspopup="dialog" onClick={show}>
        <Icon name="qr" /> <span className="button__text">{t('takeHome.open')}</span>
      </button>
      <dialog ref={dialog} className="modal take-home" aria-labelledby={titleId} onClose={onClose}>
        <div className="modal__head">
          <h2 id={titleId}>{t('takeHome.title')}</h2>
          <button type="button" className="button button--icon button--ghost" aria-label={t('takeHome.close')} onClick={close}>
            <Icon name="close" />
          </button>
        </div>
        <p className="modal__intro">{t('takeHome.intro')}</p>
        {url && (
          <div className="take-home__body">
            <QrCode text={url} label={t('takeHome.qr')} className="take-home__qr" />
            <div className="take-home__link">
              <label className="field__label" htmlFor={`${titleId}-url`}>
                {t('takeHome.link')}
              </label>
              <input id={`${titleId}-url`} className="take-home__url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
              <div className="take-home__actions">
                <button type="button" className="button" onClick={() => void copy(url)}>
                  <Icon name="link" /> {status === 'copied' ? t('link.copied') : t('link.copy')}
                </button>
                <button type="button" className="button button--primary" onClick={() => window.print()}>
                  <Icon name="print" /> {t('takeHome.print')}
                </button>
              </div>
            </div>
          </div>
        )}
        <p className="visually-hidden" role="status">
          {status === 'copied' ? t('link.copied') : status === 'failed' ? t('link.copyFailed') : ''}
        </p>
      </dialog>
      {url && createPortal(<Handout url={url} />, document.body)}
    </>
  );
}
