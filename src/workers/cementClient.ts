/**
 * The page's side of the cement worker: one simulation per case, cached; listeners hear when a
 * result arrives or fails. The worker also meshes a simulated case's surface at a volume (`mesh`). Where Workers are unavailable it runs the simulation in a later task on
 * the main thread, so the app still works (more slowly) rather than not at all.
 */
import { cementKey } from '../domain/cement/cementKey.ts';
import type { CementClient, SimulationStatus } from '../state/cementSimulation.ts';
import type { CementRequest, CementResponse } from './cement.worker.ts';

const MAX_CACHED = 8;

export function createCementClient(): CementClient {
  const statuses = new Map<string, SimulationStatus>();
  /** Answers awaited from the worker, by request id. */
  const pending = new Map<number, (response: CementResponse) => void>();
  const listeners = new Set<(key: string, status: SimulationStatus) => void>();
  let nextId = 1;
  let revision = 0;
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./cement.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<CementResponse>) => {
      const answer = pending.get(event.data.id);
      pending.delete(event.data.id);
      answer?.(event.data);
    };
    worker.onerror = (event) => {
      const message = event.message || 'The cement simulation stopped.';
      for (const [id, answer] of pending) {
        pending.delete(id);
        answer({ id, ok: false, message });
      }
    };
  } catch {
    worker = null;
  }

  function ask(message: CementRequest, answer: (response: CementResponse) => void): void {
    pending.set(message.id, answer);
    worker!.postMessage(message);
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
        ask({ id: nextId++, kind: 'simulate', input }, (response) =>
          settle(key, response.ok && response.kind === 'simulate' ? { state: 'done', result: response.result } : { state: 'failed', message: response.ok ? 'Unexpected answer' : response.message }),
        );
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
    mesh(input, ml) {
      if (!worker) return null;
      return new Promise((resolve, reject) => {
        ask({ id: nextId++, kind: 'mesh', input, ml }, (response) => {
          if (response.ok && response.kind === 'mesh') resolve(response.meshed);
          else reject(new Error(response.ok ? 'Unexpected answer' : response.message));
        });
      });
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
