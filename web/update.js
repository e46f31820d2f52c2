// Registers the service worker (web/sw.js) and offers a new build when one is waiting: a banner
// with "Reload to update". Nothing reloads until that click, so an open form is never swapped
// out. Loaded by both pages; without service workers (or on a page opened from a file) it does
// nothing.
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
    button.addEventListener('click', () => {
      reloading = true;
      button.disabled = true;
      worker.postMessage('update');
    });
    banner.append(text, button);
    document.body.prepend(banner);
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
  });
  navigator.serviceWorker
    .register('./sw.js')
    .then((registration) => {
      const watch = (worker) => {
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      };
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      if (registration.installing) watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
    })
    .catch(() => {
      // No offline copy (private mode, a browser that refuses): the app works online as before.
    });
}
