/**
 * Emits the command API's `leak` event when playback passes the moment a simulated leak becomes
 * visible (the injected volume at which it reaches the visible size), whichever way the time got there.
 */
import { plannedVolumeMl } from '../domain/cement/plannedVolume.ts';
import { leaksShownBy, visibleLeaks } from '../domain/cement/visibleLeaks.ts';
import { cementFillShown } from '../domain/procedures/cementShown.ts';
import { planFor } from '../domain/procedures/plans.ts';
import { shownProcedures } from '../domain/procedures/timelinePlan.ts';
import { cementKey } from '../domain/cement/cementKey.ts';
import { cementInputFor } from './cementInput.ts';
import type { CementClient } from './cementSimulation.ts';
import type { SpinecastEvents } from './commandApi.ts';
import type { AppStore } from './store.ts';
import { selectPlan } from './store.ts';

export function watchLeaks(store: AppStore, cement: CementClient, emit: (payload: SpinecastEvents['leak']) => void): () => void {
  /** Per simulated case: how many leaks have been announced. */
  const announced = new Map<string, number>();
  function check(): void {
    const s = store.getState();
    for (const procedure of shownProcedures(s.params.procedure)) {
      const input = cementInputFor(procedure, s.params);
      const status = cement.peek(input);
      if (status?.state !== 'done') continue;
      const plan = planFor(procedure);
      // The cement the picture shows at t (quantised like it), so the event and the label come together.
      const injected = plannedVolumeMl(procedure, s.params) * cementFillShown(selectPlan(s), plan, s.t);
      // The one leak rule (visibleLeaks): the routes the metrics list, announced as each shows.
      const leaks = visibleLeaks(status.result);
      const key = cementKey(input);
      const n = leaksShownBy(leaks, injected).length;
      const before = announced.get(key) ?? 0;
      for (let i = before; i < n; i++) {
        const leak = leaks[i]!;
        emit({ procedure, type: leak.type, volumeMl: leak.volumeMl, t: s.t });
      }
      // Scrubbing back re-arms the leaks not yet reached.
      announced.set(key, n);
    }
  }
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.t !== prev.t || s.params !== prev.params) check();
  });
  const unwatch = cement.subscribe(() => check());
  return () => {
    unsubscribe();
    unwatch();
  };
}
