import { useT } from '../i18n/useT.ts';
import { useAppStore } from '../state/useAppStore.ts';

/** A new version has been downloaded (it also works offline): offer to switch to it now. */
export function UpdatePrompt() {
  const t = useT();
  const update = useAppStore((s) => s.update);
  const setUpdate = useAppStore((s) => s.setUpdate);
  if (!update) return null;
  return (
    <div className="update-prompt" role="status">
      <p>{t('update.ready')}</p>
      <button type="button" className="button button--primary" onClick={update}>
        {t('update.reload')}
      </button>
      <button type="button" className="button button--ghost" onClick={() => setUpdate(null)}>
        {t('update.later')}
      </button>
    </div>
  );
}
