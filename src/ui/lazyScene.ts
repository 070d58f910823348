/**
 * The 3D view (everything that imports three.js and React Three Fiber) is a chunk of its own, so the
 * page's shell (header, caption, steps, controls) paints before three.js is evaluated. Its files are
 * fetched from the start (`modulepreload` links the build puts in index.html, see
 * scripts/lib/scenePreload.ts); the module is evaluated once the shell's first paint is on screen.
 */
import { lazy } from 'react';

/** Longest wait for the first paint: a page that never paints (a hidden tab) still loads its view. */
const FIRST_PAINT_WAIT_MS = 2000;

let painted: Promise<void> | null = null;

/**
 * Resolves once the page's first contentful paint has happened (or after FIRST_PAINT_WAIT_MS), in a
 * task of its own so that whatever follows does not hold that paint back. Call it after the shell
 * has been handed to React.
 */
export function afterFirstPaint(): Promise<void> {
  painted ??= new Promise<void>((resolve) => {
    let observer: PerformanceObserver | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hasPainted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
    const finish = () => {
      observer?.disconnect();
      clearTimeout(timer);
      setTimeout(resolve, 0);
    };
    if (hasPainted()) return finish();
    timer = setTimeout(finish, FIRST_PAINT_WAIT_MS);
    try {
      observer = new PerformanceObserver(() => {
        if (hasPainted()) finish();
      });
      observer.observe({ type: 'paint' });
    } catch {
      // No paint timing: the timer alone decides.
    }
  });
  return painted;
}

let loading: Promise<typeof import('../scene/SceneHost.tsx')> | null = null;

/** Loads the 3D view's code once the shell has been painted (once per page). */
export function loadScene(): Promise<typeof import('../scene/SceneHost.tsx')> {
  loading ??= afterFirstPaint().then(() => import('../scene/SceneHost.tsx'));
  return loading;
}

export const LazySceneHost = lazy(() => loadScene().then((m) => ({ default: m.SceneHost })));
