// The service worker: the app works with no network. scripts/service-worker.mjs writes
// dist/sw.js from this file after each release build, filling in the two lines below with the
// build's version and every file in dist/ (hashed names, both pages, the manifest, the icons).
// A new build is a new sw.js: it installs beside the old one and waits. The page offers
// "Reload to update" (web/update.js), and only that click lets it take over, so nothing is swapped
// under an open form.
const VERSION = '__VERSION__';
const FILES = ['__FILES__'];
const CACHE = `intensive-planner-${VERSION}`;

// The folder's own address answers with its index.html: kept under both, so that a browser can
// answer either from the cache without this worker.
const FOLDER = new URL('./', self.location).pathname;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache
        .addAll(FILES)
        .then(() => cache.match('./index.html'))
        .then((page) => page && cache.put(FOLDER, page)),
    ),
  );
  // Where the browser knows static routes (Chromium), it answers this build's files from the
  // cache itself, without starting this worker: a browser stops an idle worker soon after a
  // visit, and a phone takes a while to start it again. An address the cache does not have, or
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
