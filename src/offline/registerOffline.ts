/**
 * Registers the service worker (dist/sw.js, scripts/lib/offlinePlugin.ts) once the first picture is
 * on screen, so precaching never competes with it. When a new deployment has been installed and
 * waits, the store's `update` is set so the page can offer a reload; the unattended kiosk takes it
 * at once. Long-running screens look for a new version every hour.
 */
import type { AppStore } from '../state/store.ts';

const CHECK_EVERY_MS = 60 * 60 * 1000;

export function registerOffline(store: AppStore): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  let reloading = false;

  function offer(waiting: ServiceWorker): void {
    const apply = () => {
      container.addEventListener('controllerchange', () => {
        if (reloading) return;
        reloading = true;
        window.location.reload();
      });
      waiting.postMessage('skip-waiting');
    };
    if (store.getState().kiosk) apply();
    else store.getState().setUpdate(apply);
  }

  container
    .register(`${import.meta.env.BASE_URL}sw.js`, { updateViaCache: 'none' })
    .then((registration: ServiceWorkerRegistration | undefined) => {
      // Some embedders (automated browsers with service workers blocked) resolve with nothing.
      if (!registration) throw new Error('service workers are blocked here');
      // A new version only counts as an update when an older one controls this page.
      if (registration.waiting && container.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed' && container.controller) offer(installing);
        });
      });
      setInterval(() => void registration.update().catch(() => undefined), CHECK_EVERY_MS);
    })
    .catch((error: unknown) => console.warn('spinecast: offline use is not available', error));
}
