/**
 * Emits the command API's `leak` event when playback passes the moment a simulated leak starts
 * (injected volume reaching the leak's start), whichever way the time got there.
 */
import { typicalVolumeMl } from '../domain/caseParams.ts';
import { sampleAligned } from '../domain/procedures/alignTime.ts';
import { planFor } from '../domain/procedures/plans.ts';
import { shownProcedures } from '../domain/procedures/timelinePlan.ts';
import type { CementClient } from '../workers/cementClient.ts';
import { cementKey } from '../workers/cementClient.ts';
import { cementInputFor } from './cementInput.ts';
import type { SpinecastEvents } from './commandApi.ts';
import type { AppStore } from './store.ts';
import { selectPlan } from './store.ts';

export function watchLeaks(store: AppStore, cement: CementClient, emit: (payload: SpinecastEvents['leak']) => void): () => void {
  /** Per simulated case: how many leaks have been announced. */
  const announced = new Map<string, number>();
  /** Per result: its detectable leaks in the order they start. */
  const sorted = new WeakMap<object, { atMl: number; type: string; volumeMl: number }[]>();
  function check(): void {
    const s = store.getState();
    for (const procedure of shownProcedures(s.params.procedure)) {
      const input = cementInputFor(procedure, s.params);
      const status = cement.peek(input);
      if (status?.state !== 'done') continue;
      const plan = planFor(procedure);
      const injected = (s.params.volume ?? typicalVolumeMl(s.params.level)) * sampleAligned(selectPlan(s), plan, s.t).cementFill;
      let leaks = sorted.get(status.result);
      if (!leaks) {
        // Only leaks CT would show count, as in the metrics.
        leaks = status.result.leaks.filter((l) => l.detectable).sort((a, b) => a.atMl - b.atMl);
        sorted.set(status.result, leaks);
      }
      const key = cementKey(input);
      let n = 0;
      while (n < leaks.length && leaks[n]!.atMl <= injected) n++;
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
