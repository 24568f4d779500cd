/**
 * The app's service worker, built to /sw.js by `vite build` (swBuildPlugin): after one visit the app boots and
 * works with no network. The precache list and the build version are injected at build time.
 */
import {
  cacheNames,
  navigationKey,
  routeFor,
  staleCaches,
  withIsolationHeaders,
  type Route,
} from './swRoutes';

declare const __SM_PRECACHE__: readonly string[];
declare const __SM_VERSION__: string;

const sw = self as unknown as ServiceWorkerGlobalScope;
const names = cacheNames(__SM_VERSION__);
const scope = sw.registration.scope;
const precacheUrls = __SM_PRECACHE__.map((p) => new URL(p, scope).href);
const shellSet = new Set(precacheUrls);
// Matches ignore Vary: servers send `Vary: Origin`, and module scripts carry an Origin header that the install's
// plain requests did not, so a Vary-respecting match would miss every precached module when offline.

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(names.shell);
      // `reload`: fill the cache from the server, never from the HTTP cache's possibly older copies.
      await cache.addAll(precacheUrls.map((u) => new Request(u, { cache: 'reload' })));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(staleCaches(await caches.keys(), names).map((n) => caches.delete(n)));
      // Control the page that installed us, so its first visit already works offline next time.
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  const route = routeFor(
    { method: req.method, url: req.url, mode: req.mode, hasRange: req.headers.has('range') },
    scope,
    shellSet,
  );
  if (route === 'pass') return;
  event.respondWith(answer(route, req, (p) => event.waitUntil(p)).then(withIsolationHeaders));
});

type WaitUntil = (work: Promise<unknown>) => void;

async function answer(route: Exclude<Route, 'pass'>, req: Request, waitUntil: WaitUntil): Promise<Response> {
  switch (route) {
    case 'navigate':
      return networkFirstNavigation(req, waitUntil);
    case 'shell':
      return (await caches.match(req, { cacheName: names.shell, ignoreVary: true })) ?? fetch(req);
    case 'runtime':
      return cacheFirstRuntime(req, waitUntil);
    case 'network':
      return fetch(req).catch(
        async (err: unknown) => (await caches.match(req, { ignoreVary: true })) ?? Promise.reject(err),
      );
  }
}

async function networkFirstNavigation(req: Request, waitUntil: WaitUntil): Promise<Response> {
  const key = navigationKey(req.url);
  try {
    const res = await fetch(req);
    // Keep the shell fresh; other pages of the origin are not ours to store.
    if (res.ok && shellSet.has(key)) {
      const copy = res.clone();
      waitUntil(caches.open(names.shell).then((c) => c.put(key, copy)));
    }
    return res;
  } catch (err) {
    const cache = await caches.open(names.shell);
    const hit =
      (await cache.match(key, { ignoreVary: true })) ??
      (key.endsWith('/') ? await cache.match(`${key}index.html`, { ignoreVary: true }) : undefined);
    if (hit) return hit;
    throw err;
  }
}

async function cacheFirstRuntime(req: Request, waitUntil: WaitUntil): Promise<Response> {
  const cache = await caches.open(names.runtime);
  const refetch = req.cache === 'reload' || req.cache === 'no-cache' || req.cache === 'no-store';
  if (!refetch) {
    const hit = await cache.match(req, { ignoreVary: true });
    if (hit) return hit;
  }
  const res = await fetch(req);
  // Whole, successful answers only: a 206 or an error page must never become "the model".
  // Stored alongside, not before answering: a model's download progress must stream to the page.
  if (res.status === 200 && res.type === 'basic')
    waitUntil(cache.put(req, res.clone()).catch(() => undefined));
  return res;
}
