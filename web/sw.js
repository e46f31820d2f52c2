// The service worker: the app works with no network. scripts/service-worker.mjs writes
// dist/sw.js from this file after each release build, filling in the lines below with the
// build's version and every file in dist/ (hashed names, both pages, the manifest, the icons):
// APP_FILES are the therapist's app alone (index.html, its glue, wasm and parts), FILES the rest.
// A couple's phone that only ever opens a share link keeps the couple's page and not the app's
// 327 KB (brotli) besides, which on a weak signal would share the line with what they open next.
// The app is kept where it is open when the worker installs, where the build before had kept
// it, or once it is opened (web/update.js asks).
// A new build is a new sw.js: it installs beside the old one and waits. The page offers
// "Reload to update" (web/update.js), and only that click lets it take over, so nothing is swapped
// under an open form.
const VERSION = '__VERSION__';
const FILES = ['__FILES__'];
const APP_FILES = ['__APP_FILES__'];
const CACHE = `intensive-planner-${VERSION}`;

// The folder's own address answers with its index.html: kept under both, so that a browser can
// answer either from the cache without this worker.
const FOLDER = new URL('./', self.location).pathname;

// Both pages are kept without the `<link rel=preload as=fetch>` of their wasm. On a first visit
// that hint starts the large download early; but a wasm that arrives by it never gets Chromium's
// code cache back (measured in traces: `v8.wasm.moduleCacheHit` appears only without it), so
// every visit compiled again, on the main thread, each function the first screen calls (about
// 940 on the list, 1,600 on a plan). Fetched by the page's own script instead, a later visit
// reads the code cache and V8 compiles the functions the last visit ran in the background. From
// the cache here the hint saves nothing: no network to wait for.
const keepWithoutWasmPreload = (cache, page) =>
  cache.match(page).then(
    (response) =>
      response &&
      response.text().then((html) => {
        const kept = html.replace(/<link\b[^>]*>/g, (tag) => (/\brel="?preload\b/.test(tag) && /_bg\.wasm\b/.test(tag) ? '' : tag));
        // The host's headers stay (a Content-Security-Policy, say), but for the body's length
        // and encoding, which were the network's.
        const headers = new Headers(response.headers);
        headers.delete('content-length');
        headers.delete('content-encoding');
        return cache.put(page, new Response(kept, { headers }));
      }),
  );

// The app's own files, its page without the preload, and the folder's address as that page.
const keepApp = (cache) =>
  cache
    .addAll(APP_FILES)
    .then(() => keepWithoutWasmPreload(cache, './index.html'))
    .then(() => cache.match('./index.html'))
    .then((page) => page && cache.put(FOLDER, page));

// Whether this device uses the app: a window of this scope shows something other than the
// couple's page, or the build before this one had kept the app.
const appWanted = () =>
  Promise.all([
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }),
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('intensive-planner-') && key !== CACHE).map((key) => caches.open(key).then((old) => old.match('./index.html'))))),
  ]).then(([windows, kept]) => windows.some((window) => !new URL(window.url).pathname.endsWith('/share.html')) || kept.some(Boolean));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache
        .addAll(FILES)
        .then(() => keepWithoutWasmPreload(cache, './share.html'))
        .then(appWanted)
        .then((wanted) => wanted && keepApp(cache)),
    ),
  );
  // Where the browser knows static routes (Chromium), it answers this build's files from the
  // cache itself, without waiting for this worker: a browser stops an idle worker soon after a
  // visit, and a phone takes a while to start it again (Chromium starts it beside the visit
  // all the same, but nothing waits for it). An address the cache does not have, or
  // one with a query, still goes to the network or to the handler below. A browser that does
  // not know the routes, or refuses them, keeps the handler.
  if (event.addRoutes) {
    try {
      // The folder as a pattern: its own characters taken literally (a folder may be named
      // "planner (2)"), then everything under it.
      const pathname = `${FOLDER.replace(/[\\:*?+(){}]/g, '\\$&')}*`;
      const route = { condition: { requestMethod: 'get', urlPattern: { pathname, search: '' } }, source: { cacheName: CACHE } };
      event.waitUntil(event.addRoutes(route).catch(() => {}));
    } catch {
      // Refused (a browser with an older form of the routes): the handler answers.
    }
  }
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('intensive-planner-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'update') self.skipWaiting();
  // The app was opened on a device that had kept only the couple's page.
  if (event.data === 'keep-app') {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.match('./index.html').then((kept) => kept || keepApp(cache))));
  }
});

// This build's files from the cache, the folder's address as its index.html, anything else (a
// file of another build, an address this build does not have) from the network.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.endsWith('/')) url.pathname += 'index.html';
  url.search = '';
  url.hash = '';
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(url.href))
      .then((hit) => hit ?? fetch(request)),
  );
});
