/*
 * SpineCast's service worker (written into dist/sw.js by scripts/lib/offlinePlugin.ts, which puts
 * the list of files and the build's version above this text). It precaches the whole app, every
 * language and every model on install, so after one visit the app works with the network gone,
 * every level included. Same-origin GETs are answered from the cache first; page loads get their
 * own cached page (speaker.html) or else the cached index.html. A new build installs beside the
 * old one and waits until the page says 'skip-waiting' (the page offers a reload), then the old
 * cache is dropped.
 */
/* global VERSION, FILES -- written above this text by offlinePlugin.ts */
const CACHE = `spinecast-${VERSION}`;
const scope = self.registration.scope;
const url = (path) => new URL(path, scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(url(f), { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('spinecast-') && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const target = new URL(request.url);
  if (target.origin !== self.location.origin || !request.url.startsWith(scope)) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      // A page of its own (speaker.html) comes from its cached copy; any other address within the
      // scope (the bare folder, a link with a query) gets the app's index.html.
      caches.open(CACHE).then(async (cache) => (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(url('index.html'))) ?? fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(request, { ignoreSearch: true })) ?? fetch(request)),
  );
});
