import { useEffect, useId, useRef, useState } from 'react';
import { embedSnippets } from '../embed/snippets.ts';
import { useT } from '../i18n/useT.ts';
import { queryFor } from '../state/urlSync.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';
import { Icon } from './Icon.tsx';

type Copied = 'element' | 'iframe' | 'failed' | null;

/**
 * "Embed": the snippets a clinic pastes into its page to show the current state. A native modal
 * dialog: focus moves in and is kept there, Escape closes it, focus returns to the button.
 */
export function EmbedDialog() {
  const t = useT();
  const store = useAppStoreApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [snippets, setSnippets] = useState<{ element: string; iframe: string } | null>(null);
  const [copied, setCopied] = useState<Copied>(null);

  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  function open(): void {
    const state = store.getState();
    const appUrl = new URL('./', window.location.href).href;
    const procedure = t(`procedure.${state.params.procedure}`);
    setSnippets(embedSnippets(appUrl, queryFor(state), t('embed.frameTitle', { procedure })));
    setCopied(null);
    dialog.current?.showModal();
  }

  async function copy(which: 'element' | 'iframe'): Promise<void> {
    if (!snippets) return;
    try {
      await navigator.clipboard.writeText(snippets[which]);
      setCopied(which);
    } catch {
      setCopied('failed');
    }
  }

  return (
    <>
      <button type="button" className="button embed-open" aria-label={t('embed.openLabel')} title={t('embed.openLabel')} aria-haspopup="dialog" onClick={open}>
        <Icon name="code" /> <span className="button__text">{t('embed.open')}</span>
      </button>
      <dialog ref={dialog} className="embed-dialog" aria-labelledby={titleId}>
        <div className="embed-dialog__head">
          <h2 id={titleId}>{t('embed.title')}</h2>
          <button type="button" className="button button--icon button--ghost" aria-label={t('embed.close')} onClick={() => dialog.current?.close()}>
            <Icon name="close" />
          </button>
        </div>
        <p className="embed-dialog__intro">{t('embed.intro')}</p>
        {snippets &&
          (['element', 'iframe'] as const).map((which) => (
            <div className="embed-dialog__snippet" key={which}>
              <label className="field__label" htmlFor={`${titleId}-${which}`}>
                {t(which === 'element' ? 'embed.elementLabel' : 'embed.iframeLabel')}
              </label>
              <textarea
                id={`${titleId}-${which}`}
                className="embed-dialog__code"
                readOnly
                rows={which === 'element' ? 3 : 4}
                value={snippets[which]}
                data-snippet={which}
                onFocus={(e) => e.currentTarget.select()}
              />
              <button type="button" className="button button--primary" onClick={() => void copy(which)}>
                {copied === which ? t('embed.copied') : t(which === 'element' ? 'embed.copyElement' : 'embed.copyIframe')}
              </button>
            </div>
          ))}
        <p className="visually-hidden" role="status">
          {copied === 'failed' ? t('embed.copyFailed') : copied ? t('embed.copied') : ''}
        </p>
      </dialog>
    </>
  );
}
