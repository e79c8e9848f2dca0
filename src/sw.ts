// The app's service worker: everything the app needs is cached when it is installed, so that it opens
// and works offline (the DuckDB wasm and the sample data included).
//
// DuckDB's wasm alone is asked of the network first — of the browser's HTTP cache, in practice — and
// taken from the installed copy only when that fails. Chromium keeps the optimised machine code it
// compiles from a wasm file beside that file in its HTTP cache, never beside a copy a service worker
// serves from its own cache; served from there, every visit would run DuckDB in baseline code again,
// much slower until it is optimised; from the network route a returning visit starts optimised.
import { cleanupOutdatedCaches, createHandlerBoundToURL, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { keepToOwnOrigin } from './shared/origin-guard';

type ServiceWorkerScope = ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};
const scope = self as unknown as ServiceWorkerScope;
// The service worker too keeps to the app's origin where the server sends no policy (see origin-guard).
keepToOwnOrigin(scope);

scope.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void scope.skipWaiting();
});

// The first install takes over at once, the page that installed it included, so that a reload straight
// after the first visit works offline. A later version still waits until the app's tabs are closed (or
// is told SKIP_WAITING): a page must not change versions under the user.
scope.addEventListener('install', () => {
  if (!scope.registration.active) void scope.skipWaiting();
});
scope.addEventListener('activate', (event) => {
  event.waitUntil(scope.clients.claim());
});

// Registered before the precache's own route, so that it is the one asked for wasm files.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith('.wasm'),
  async ({ request }) => {
    try {
      const response = await fetch(request);
      if (response.ok) return response;
    } catch {
      // Offline, or the server is gone: the installed copy below.
    }
    return (await matchPrecache(request.url)) ?? Response.error();
  },
);

// `self.__WB_MANIFEST` as written: the build puts the list of files in its place.
precacheAndRoute((self as unknown as ServiceWorkerScope).__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
