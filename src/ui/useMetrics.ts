import { useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { CementContext } from '../state/CementContext.ts';
import type { MetricsProvider } from '../state/commandApi.ts';
import { createMetricsProvider } from '../state/metricsProvider.ts';

/** The metrics provider, re-rendering the caller whenever a simulation status changes. */
export function useMetrics(): MetricsProvider {
  const cement = useContext(CementContext);
  const provider = useMemo(() => createMetricsProvider(cement ?? undefined), [cement]);
  const revision = useSyncExternalStore(
    useCallback((notify: () => void) => cement?.subscribe(() => notify()) ?? (() => undefined), [cement]),
    () => cement?.revision() ?? 0,
  );
  // A new function identity per revision, so memoised readers recompute.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision is the reason for a new identity, not an input
  return useMemo<MetricsProvider>(() => (p, c) => provider(p, c), [provider, revision]);
}
