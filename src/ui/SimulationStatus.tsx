import { useCallback, useContext, useSyncExternalStore } from 'react';
import { shownProcedures } from '../domain/procedures/timelinePlan.ts';
import { useT } from '../i18n/useT.ts';
import { CementContext } from '../state/CementContext.ts';
import { cementInputFor } from '../state/cementInput.ts';
import { useAppStore } from '../state/useAppStore.ts';

/** Says when the cement flow is being simulated (a changed parameter starts a new run) or failed. */
export function SimulationStatus() {
  const t = useT();
  const cement = useContext(CementContext);
  const params = useAppStore((s) => s.params);
  useSyncExternalStore(
    useCallback((notify: () => void) => cement?.subscribe(() => notify()) ?? (() => undefined), [cement]),
    () => cement?.revision() ?? 0,
  );
  if (!cement) return null;
  const statuses = shownProcedures(params.procedure).map((p) => cement.peek(cementInputFor(p, params)));
  const failed = statuses.find((s) => s?.state === 'failed');
  if (failed?.state === 'failed') {
    return <p className="sim-status sim-status--failed" role="alert">{t('sim.failed', { message: failed.message })}</p>;
  }
  if (!statuses.some((s) => s?.state === 'running')) return null;
  return (
    <p className="sim-status" role="status" aria-live="polite">
      <span className="sim-status__spinner" aria-hidden="true" />
      {t('sim.running')}
    </p>
  );
}
