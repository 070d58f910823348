/**
 * Files the scene needs (the model index, the vertebra models), fetched with retries. A failed
 * fetch or a file that does not parse is tried again with growing pauses; once those run out the
 * entry is marked failed (the page shows why and offers a retry) and is tried again later on its
 * own, when the network comes back, or when someone asks (`retryFailed`). Entries are keyed by URL
 * and bounded by the files that exist (the index and one model per level), so nothing grows with use.
 */

export type AssetEntry<T> =
  | { status: 'pending'; promise: Promise<void> }
  | { status: 'ok'; value: T }
  | { status: 'failed'; error: Error };

export interface RetryPolicy {
  /** Pauses between the tries of one round, ms; a round is 1 + delays.length tries. */
  delaysMs: readonly number[];
  /** Pauses before each later round on its own after a failed one, ms (the last repeats). */
  laterRoundsMs: readonly number[];
}

export const DEFAULT_RETRY: RetryPolicy = {
  delaysMs: [400, 1200],
  laterRoundsMs: [4000, 8000, 15000, 30000],
};

export interface AssetCache {
  /** `load(fresh)`: `fresh` is true on every try after the very first. */
  get: <T>(key: string, load: (fresh: boolean) => Promise<T>) => AssetEntry<T>;
  peek: <T>(key: string) => AssetEntry<T> | undefined;
  /** Starts a new round for every failed entry now. */
  retryFailed: () => void;
  subscribe: (fn: () => void) => () => void;
  /** Bumped on every change (for useSyncExternalStore). */
  revision: () => number;
  dispose: () => void;
}

export function errorOf(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

export function createAssetCache(policy: RetryPolicy = DEFAULT_RETRY): AssetCache {
  const entries = new Map<string, AssetEntry<unknown>>();
  const loaders = new Map<string, (fresh: boolean) => Promise<unknown>>();
  const tried = new Set<string>();
  const listeners = new Set<() => void>();
  let revision = 0;
  let laterRound = 0;
  let laterTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  function changed(): void {
    revision += 1;
    for (const fn of [...listeners]) fn();
  }

  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  function start(key: string): AssetEntry<unknown> {
    const load = loaders.get(key)!;
    const promise = (async () => {
      let lastError: Error = new Error('not loaded');
      for (let attempt = 0; attempt <= policy.delaysMs.length; attempt++) {
        if (attempt > 0) await wait(policy.delaysMs[attempt - 1]!);
        if (disposed) return;
        try {
          const fresh = tried.has(key);
          tried.add(key);
          const value = await load(fresh);
          entries.set(key, { status: 'ok', value });
          if (![...entries.values()].some((e) => e.status === 'failed')) laterRound = 0;
          changed();
          return;
        } catch (error) {
          lastError = errorOf(error);
        }
      }
      entries.set(key, { status: 'failed', error: lastError });
      changed();
      scheduleLaterRound();
    })();
    const entry: AssetEntry<unknown> = { status: 'pending', promise };
    entries.set(key, entry);
    return entry;
  }

  function scheduleLaterRound(): void {
    if (laterTimer !== null || disposed) return;
    const delays = policy.laterRoundsMs;
    const delay = delays[Math.min(laterRound, delays.length - 1)]!;
    laterRound += 1;
    laterTimer = setTimeout(() => {
      laterTimer = null;
      restartFailed();
    }, delay);
  }

  function restartFailed(): void {
    let any = false;
    for (const [key, entry] of entries) {
      if (entry.status === 'failed') {
        start(key);
        any = true;
      }
    }
    if (any) changed();
  }

  return {
    get<T>(key: string, load: (fresh: boolean) => Promise<T>): AssetEntry<T> {
      const known = entries.get(key);
      if (known) return known as AssetEntry<T>;
      loaders.set(key, load);
      return start(key) as AssetEntry<T>;
    },
    peek<T>(key: string) {
      return entries.get(key) as AssetEntry<T> | undefined;
    },
    retryFailed() {
      if (laterTimer !== null) clearTimeout(laterTimer);
      laterTimer = null;
      laterRound = 0;
      restartFailed();
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    revision: () => revision,
    dispose() {
      disposed = true;
      if (laterTimer !== null) clearTimeout(laterTimer);
      listeners.clear();
    },
  };
}
