/**
 * Starts the embedding bridge when the app runs inside a frame. With an `origin` parameter (what
 * `<spine-cast>` passes) it starts at once; without one, it reads the deploy-time allowlist first.
 */
import { parseOrigin } from '../domain/parseCaseQuery.ts';
import type { Bridge, BridgeApi } from './bridge.ts';
import { loadAllowlist, startBridge } from './bridge.ts';

/** The allowlist's file, beside index.html; written at deploy time (deploy/render.sh). */
export const ALLOWLIST_FILE = 'embed-origins.json';

export function connectEmbedding(api: BridgeApi, origin: string | null, isReady: () => boolean): Promise<Bridge | null> {
  if (window.parent === window) return Promise.resolve(null);
  const ancestorOrigin = window.location.ancestorOrigins?.[0] ?? null;
  const start = (allowlist: string[] | null) =>
    startBridge({ api, self: window, parent: window.parent, origin, allowlist, ancestorOrigin, alreadyReady: isReady });
  if (origin !== null) return Promise.resolve(start(null));
  return loadAllowlist(new URL(ALLOWLIST_FILE, window.location.href).href, parseOrigin).then((list) => (list ? start(list) : null));
}
