// Post-build step (run by scripts/post-build.mjs, before csp.mjs): minifies the app's scripts
// (the wasm-bindgen JS glue and web/update.js) with esbuild: trunk 0.21 cannot minify the glue ("Failed to minify JS"), and
// its minifier gave update.js different bytes from one build to the next (index.html marks it
// data-no-minify). Puts the new file's
// hash in index.html's integrity attribute; and takes the indentation and comments out of the
// manifest and the SVG icon, which both pages count. Release builds only. The file keeps its name: trunk's name hash is of the
// unminified glue, which still changes whenever the glue does.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactMarkup, minifyScript, sri } from './parts.mjs';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');

// Every script index.html loads: the app's wasm-bindgen glue and web/update.js (share-page.mjs
// looks after the share page's glue). Not the loader of the app's parts, which parts.mjs
// minified as it wrote it.
const scripts = readdirSync(dir).filter((f) => f.endsWith('.js') && html.includes(`./${f}`) && !f.startsWith('__wasm_split-'));
if (!scripts.some((f) => f.startsWith('intensive-planner-'))) {
  console.error(`minify: index.html loads no wasm-bindgen glue (found ${scripts.join(', ') || 'no script'})`);
  process.exit(1);
}
for (const name of scripts) {
  const file = join(dir, name);
  const before = readFileSync(file);
  const code = minifyScript(before.toString('utf8'));
  const old = sri(before);
  if (!html.includes(old)) {
    console.error(`minify: index.html has no integrity ${old} for ${name}`);
    process.exit(1);
  }
  html = html.replace(old, sri(code));
  writeFileSync(file, code);
  console.log(`minify: ${name} ${before.length} → ${Buffer.byteLength(code)} bytes`);
}
writeFileSync(page, html);

// The manifest and the SVG icon, as written in web/ for people to read (77 B brotli off each page).
const manifest = join(dir, 'manifest.webmanifest');
writeFileSync(manifest, JSON.stringify(JSON.parse(readFileSync(manifest, 'utf8'))));
const icon = join(dir, 'icons', 'icon.svg');
writeFileSync(icon, compactMarkup(readFileSync(icon, 'utf8')));
