/**
 * `<html data-ready="true">` (shared/product.md): set once every pane on screen has loaded and drawn
 * a frame showing the requested state; cleared by every explicit change until then.
 */
import type { AppStore } from './store.ts';

export interface Readiness {
  /** A pane (a 3D canvas, or the no-WebGL panel) has what it needs to show the state, or has gone. */
  setSceneReady(pane: string, ready: boolean): void;
  /** A frame of `pane` showing `version` has been put on screen. */
  frameDrawn(pane: string, version: number): void;
  /** Something besides the panes (a language's messages on their way) holds the page back, or lets it go. */
  hold(reason: string, holding: boolean): void;
  isReady(): boolean;
  /** Resolves once the state on screen is drawn (at once if it is), or rejects after `timeoutMs`. */
  whenReady(timeoutMs: number): Promise<void>;
  dispose(): void;
}

export function createReadiness(store: AppStore, root: HTMLElement, onFirstReady: () => void): Readiness {
  /** Ready panes and the last version each has drawn. */
  const panes = new Map<string, number>();
  const holds = new Set<string>();
  let ready = false;
  let announced = false;
  const waiting = new Set<() => void>();

  function setReady(value: boolean): void {
    ready = value;
    if (value) root.setAttribute('data-ready', 'true');
    else root.removeAttribute('data-ready');
    if (value) for (const resolve of [...waiting]) resolve();
  }

  function check(): void {
    const s = store.getState();
    const version = s.version;
    // A missing file or a lost graphics context means the picture is not there, whatever was drawn.
    const faulted = Object.keys(s.faults).length > 0;
    const all = !faulted && holds.size === 0 && panes.size > 0 && [...panes.values()].every((v) => v === version);
    if (all && !ready) {
      setReady(true);
      if (!announced) {
        announced = true;
        onFirstReady();
      }
    } else if (!all && ready) setReady(false);
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.faults !== prev.faults && Object.keys(s.faults).length > 0) {
      // What was drawn before the fault no longer counts: the picture must be drawn again.
      for (const pane of panes.keys()) panes.set(pane, -1);
    }
    if (s.version !== prev.version || s.faults !== prev.faults) check();
  });

  return {
    setSceneReady(pane, value) {
      if (value) {
        if (!panes.has(pane)) panes.set(pane, -1);
      } else panes.delete(pane);
      check();
    },
    frameDrawn(pane, version) {
      if (!panes.has(pane)) return;
      panes.set(pane, version);
      check();
    },
    hold(reason, holding) {
      if (holding) holds.add(reason);
      else holds.delete(reason);
      check();
    },
    isReady: () => ready,
    whenReady(timeoutMs) {
      if (ready) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const done = () => {
          waiting.delete(done);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiting.delete(done);
          reject(new Error(`The picture was not ready within ${Math.round(timeoutMs / 1000)} s`));
        }, timeoutMs);
        waiting.add(done);
      });
    },
    dispose: unsubscribe,
  };
}
