// trunk's one post-build hook. trunk starts the hooks of a stage side by side, and both steps
// rewrite index.html, so they run here one after the other: first the JS glue is minified (its
// integrity hash changes), then the Content-Security-Policy is written. Release builds only.
if (process.env.TRUNK_PROFILE === 'release') {
  await import('./minify.mjs');
  await import('./csp.mjs');
}
