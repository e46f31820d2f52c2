// trunk's one post-build hook. trunk starts the hooks of a stage side by side, and these steps
// rewrite the same pages, so they run here one after the other: the app's parts loaded on
// demand are put into dist/ under hashed names (scripts/split.mjs), the app's JS glue is minified
// (its integrity hash changes; release only), the couple's share.html is written (every build,
// so `trunk serve` has it too), both pages get a Content-Security-Policy (release only), and
// last the service worker is written with the list of the finished files.
const release = process.env.TRUNK_PROFILE === 'release';
await import('./split.mjs');
if (release) await import('./minify.mjs');
await import('./share-page.mjs');
if (release) await import('./csp.mjs');
await import('./service-worker.mjs');
