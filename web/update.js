// Registers the service worker (web/sw.js) and offers a new build when one is waiting: a banner
// with "Reload to update". Nothing reloads until that click, so an open form is never swapped
// out. On the app's page it also asks the worker to keep the app (a phone that opened only share
// links kept the couple's page alone). Loaded by both pages; without service workers (or on a
// page opened from a file) it does nothing.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  let reloading = false;
  const offer = (worker) => {
    if (document.getElementById('update-banner')) return;
    const banner = document.createElement('div');
    banner.id = 'update-banner';
    banner.className = 'update-banner no-print';
    banner.setAttribute('role', 'status');
    const text = document.createElement('p');
    text.textContent = 'A new version of Intensive Planner is ready. Your plans are kept.';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button small primary';
    button.textContent = 'Reload to update';
    button.onclick = () => {
      reloading = true;
      button.disabled = true;
      worker.postMessage('update');
    };
    banner.append(text, button);
    document.body.prepend(banner);
  };
  // One listener each, so the `on…` properties do (shorter, once minified).
  navigator.serviceWorker.oncontrollerchange = () => {
    if (reloading) location.reload();
  };
  // Registered once the page's own wasm has arrived: on a first visit the worker fetches every
  // file of the build to keep them, and begun at once (with the page's first scripts) that
  // download shared a weak signal with the page's own wasm. (Chromium's network emulation does
  // not slow a worker's fetches, so the benchmarks cannot show it.)
  new Promise((resolve) => {
    const arrived = (entries) => entries.some((entry) => entry.name.endsWith('_bg.wasm')) && resolve();
    // Already there (from the worker's cache, say), or when it arrives. `buffered` gives the
    // observer what came before it too, where the browser knows the option.
    arrived(performance.getEntriesByType('resource'));
    new PerformanceObserver((list) => arrived(list.getEntries())).observe({ type: 'resource', buffered: true });
  })
    .then(() => navigator.serviceWorker.register('./sw.js'))
    .then((registration) => {
      const watch = (worker) => {
        worker.onstatechange = () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        };
      };
      // The app asks the worker to keep it, where the worker was installed by a share link
      // and kept only the couple's page (web/sw.js); the couple's page asks nothing.
      if (!location.pathname.endsWith('/share.html')) navigator.serviceWorker.ready.then((ready) => ready.active.postMessage('keep-app'));
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      if (registration.installing) watch(registration.installing);
      registration.onupdatefound = () => watch(registration.installing);
    })
    .catch(() => {
      // No offline copy (private mode, a browser that refuses): the app works online as before.
    });
}
