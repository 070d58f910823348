/**
 * The page's side of the cement worker: one simulation per case, cached; listeners hear when a
 * result arrives or fails. Where Workers are unavailable it runs the simulation in a later task on
 * the main thread, so the app still works (more slowly) rather than not at all.
 */
import { cementKey } from '../domain/cement/cementKey.ts';
import type { CementClient, SimulationStatus } from '../state/cementSimulation.ts';
import type { CementRequest, CementResponse } from './cement.worker.ts';

const MAX_CACHED = 8;

export function createCementClient(): CementClient {
  const statuses = new Map<string, SimulationStatus>();
  const pending = new Map<number, string>();
  const listeners = new Set<(key: string, status: SimulationStatus) => void>();
  let nextId = 1;
  let revision = 0;
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./cement.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<CementResponse>) => {
      const key = pending.get(event.data.id);
      if (key === undefined) return;
      pending.delete(event.data.id);
      settle(key, event.data.ok ? { state: 'done', result: event.data.result } : { state: 'failed', message: event.data.message });
    };
    worker.onerror = (event) => {
      for (const [id, key] of pending) {
        pending.delete(id);
        settle(key, { state: 'failed', message: event.message || 'The cement simulation stopped.' });
      }
    };
  } catch {
    worker = null;
  }

  function settle(key: string, status: SimulationStatus): void {
    statuses.set(key, status);
    revision += 1;
    // Keep the cache small: results hold a few hundred kB of voxels each.
    while (statuses.size > MAX_CACHED) {
      const oldest = statuses.keys().next().value as string;
      statuses.delete(oldest);
    }
    for (const fn of listeners) fn(key, status);
  }

  return {
    request(input) {
      const key = cementKey(input);
      const known = statuses.get(key);
      if (known && known.state !== 'failed') return known;
      const running: SimulationStatus = { state: 'running' };
      statuses.set(key, running);
      revision += 1;
      for (const fn of listeners) fn(key, running);
      if (worker) {
        const id = nextId++;
        pending.set(id, key);
        const message: CementRequest = { id, input };
        worker.postMessage(message);
      } else {
        setTimeout(() => {
          void import('../domain/cement/simulateCement.ts').then(({ simulateCement }) => {
            try {
              settle(key, { state: 'done', result: simulateCement(input) });
            } catch (error) {
              settle(key, { state: 'failed', message: error instanceof Error ? error.message : String(error) });
            }
          });
        }, 0);
      }
      return running;
    },
    peek(input) {
      return statuses.get(cementKey(input));
    },
    revision: () => revision,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    dispose() {
      worker?.terminate();
      listeners.clear();
    },
  };
}
