import { useT } from '../i18n/useT.ts';
import { useAppStore } from '../state/useAppStore.ts';
import { Icon } from './Icon.tsx';

/**
 * In place of the 3D view while its files are missing or damaged: what happened, that it retries on
 * its own, and a button to try again now. It goes away by itself once the files arrive.
 */
export function FaultPanel() {
  const t = useT();
  const failed = useAppStore((s) => Object.values(s.faults).find((f) => f.code === 'index-load' || f.code === 'model-load'));
  const retry = useAppStore((s) => s.retry);
  if (!failed) return null;
  return (
    <div className="fallback fault-panel" role="alert" data-fault={failed.code}>
      <h2 className="fallback__title">{t('fault.title')}</h2>
      <p>{t('fault.body')}</p>
      <details className="fallback__detail">
        <summary>{t('error.details')}</summary>
        {failed.message}
      </details>
      <button type="button" className="button button--primary" onClick={retry}>
        <Icon name="reset" /> {t('fault.retry')}
      </button>
    </div>
  );
}
