import { useId } from 'react';
import { useT } from '../i18n/useT.ts';
import { useAppStore } from '../state/useAppStore.ts';
import { EvidenceContent } from './EvidenceContent.tsx';
import { Icon } from './Icon.tsx';
import { useModalDialog } from './useModalDialog.ts';

/**
 * "Does it work? What can go wrong?": the trials and the harms, every figure with its source, in
 * plain words for patients and clinical wording for educators. A native modal dialog: focus moves
 * in and stays there, Escape closes it, focus returns to the button.
 */
export function EvidencePanel() {
  const t = useT();
  const mode = useAppStore((s) => s.params.mode);
  const register = mode === 'educator' ? 'clinical' : 'patient';
  const { dialog, trigger, open, close, onClose } = useModalDialog();
  const titleId = useId();

  return (
    <>
      <button ref={trigger} type="button" className="button evidence-open" aria-label={t('evidence.open')} aria-haspopup="dialog" onClick={open}>
        <Icon name="info" /> <span className="button__text">{t('evidence.open')}</span>
      </button>
      <dialog ref={dialog} className="modal evidence-dialog" aria-labelledby={titleId} onClose={onClose}>
        <div className="modal__head">
          <h2 id={titleId}>{t('evidence.title')}</h2>
          <button type="button" className="button button--icon button--ghost" aria-label={t('evidence.close')} onClick={close}>
            <Icon name="close" />
          </button>
        </div>
        <p className="modal__intro">{t(`evidence.intro.${register}`)}</p>
        <EvidenceContent register={register} />
        <p className="modal__disclaimer">{t('app.disclaimer')}</p>
      </dialog>
    </>
  );
}
