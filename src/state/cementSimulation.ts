/**
 * What the app needs from the cement flow simulation, whoever runs it: the worker's client
 * (src/workers/cementClient.ts) implements it; the store's watchers, the metrics and the scene use it.
 */
import type { CementInput, CementMeshed, CementResult } from '../domain/cement/types.ts';

export type SimulationStatus = { state: 'running' } | { state: 'done'; result: CementResult } | { state: 'failed'; message: string };

export interface CementClient {
  /** Starts (or reuses) the simulation of a case and returns its current status. */
  request: (input: CementInput) => SimulationStatus;
  peek: (input: CementInput) => SimulationStatus | undefined;
  /**
   * The surface of a simulated case at `ml` injected, meshed off the main thread; null where that is
   * not possible (no workers): the caller meshes it itself.
   */
  mesh: (input: CementInput, ml: number) => Promise<CementMeshed> | null;
  subscribe: (fn: (key: string, status: SimulationStatus) => void) => () => void;
  /** Bumped whenever any status changes (for React's useSyncExternalStore). */
  revision: () => number;
  dispose: () => void;
}
