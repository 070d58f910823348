import { useEffect, useRef } from 'react';
import type { MessageKey } from '../i18n/en.ts';
import { useT } from '../i18n/useT.ts';
import { Icon } from './Icon.tsx';

const KEYS: readonly { keys: readonly string[]; does: MessageKey }[] = [
  { keys: ['PageDown', '→'], does: 'keys.next' },
  { keys: ['PageUp', '←'], does: 'keys.prev' },
  { keys: ['Space'], does: 'keys.play' },
  { keys: ['Home', 'End'], does: 'keys.firstLast' },
  { keys: ['F'], does: 'keys.fullscreen' },
  { keys: ['B', '.'], does: 'keys.black' },
  { keys: ['H'], does: 'keys.chrome' },
  { keys: ['?'], does: 'keys.list' },
];

/** The short list of presenter keys, opened with '?'. A modal dialog: Escape or the button closes it. */
export function KeyList({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="key-list" aria-labelledby="key-list-title" onClose={onClose}>
      <div className="key-list__head">
        <h2 id="key-list-title">{t('keys.title')}</h2>
        <button type="button" className="button button--icon button--ghost" aria-label={t('keys.close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      <dl className="key-list__items">
        {KEYS.map((k) => (
          <div key={k.does} className="key-list__row">
            <dt>
              {k.keys.map((key, i) => (
                <span key={key}>
                  {i > 0 && ` ${t('keys.or')} `}
                  <kbd>{key === 'Space' ? t('keys.space') : key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(k.does)}</dd>
          </div>
        ))}
      </dl>
    </dialog>
  );
}
