/**
 * `<html data-ready="true">` (shared/product.md): set once the scene has loaded and a frame showing
 * the requested state has been drawn; cleared by every explicit change until the next such frame.
 */
import type { AppStore } from './store.ts';

export interface Readiness {
  /** The scene (or the no-WebGL fallback) has what it needs to show the state. */
  setSceneReady(ready: boolean): void;
  /** A frame showing `version` has been put on screen. */
  frameDrawn(version: number): void;
  isReady(): boolean;
  dispose(): void;
}

export function createReadiness(store: AppStore, root: HTMLElement, onFirstReady: () => void): Readiness {
  let sceneReady = false;
  let ready = false;
  let announced = false;

  function setReady(value: boolean): void {
    ready = value;
    if (value) root.setAttribute('data-ready', 'true');
    else root.removeAttribute('data-ready');
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.version !== prev.version && ready) setReady(false);
  });

  return {
    setSceneReady(value) {
      sceneReady = value;
      if (!value) setReady(false);
    },
    frameDrawn(version) {
      if (!sceneReady || version !== store.getState().version || ready) return;
      setReady(true);
      if (!announced) {
        announced = true;
        onFirstReady();
      }
    },
    isReady: () => ready,
    dispose: unsubscribe,
  };
}
