// Post-build step (run by scripts/post-build.mjs, last): writes dist/sw.js from web/sw.js, with
// the build's version (a hash of every file in dist/), minified, and the lists of files to keep offline:
// the therapist's app alone (`index.html` and what it loads that the couple's page does not:
// its glue, wasm and parts), kept once the app has been opened on the device, and the rest, kept
// by every device that opens either page.
// Release builds only; `trunk serve` gets a service worker that retires any earlier one, so a
// cached release never hides the live-reloading development build.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transformSync } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const source = join(process.env.TRUNK_SOURCE_DIR ?? '.', 'web', 'sw.js');
const target = join(dir, 'sw.js');

if (process.env.TRUNK_PROFILE !== 'release') {
  writeFileSync(target, "self.addEventListener('install',()=>self.skipWaiting());self.addEventListener('activate',()=>self.registration.unregister());\n");
  process.exit(0);
}

function* files(path) {
  for (const entry of readdirSync(path).sort()) {
    const full = join(path, entry);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}
const hash = createHash('sha256');
const names = [];
for (const file of files(dir)) {
  const name = relative(dir, file).split('\\').join('/');
  if (name === 'sw.js') continue;
  names.push(`./${name}`);
  hash.update(name).update(readFileSync(file));
}
const version = hash.digest('hex').slice(0, 16);

// What a page loads: the page, each file its markup or scripts name as `./name` (an attribute,
// an import, a wasm file's URL), and what those name, and so on; not another page, which a
// script may name without loading it.
function loadedBy(page) {
  const seen = new Set([page]);
  const queue = [page];
  while (queue.length > 0) {
    const file = queue.pop();
    if (!/\.(?:html|js)$/.test(file)) continue;
    for (const [, name] of readFileSync(join(dir, file), 'utf8').matchAll(/["'=(]\.\/([\w./-]+\.[a-z]+)/g)) {
      if (!seen.has(name) && !name.endsWith('.html') && names.includes(`./${name}`)) {
        seen.add(name);
        queue.push(name);
      }
    }
  }
  return seen;
}
const app = loadedBy('index.html');
const couple = loadedBy('share.html');
const appOnly = names.filter((name) => app.has(name.slice(2)) && !couple.has(name.slice(2)));
const everyone = names.filter((name) => !appOnly.includes(name));
if (!appOnly.includes('./index.html') || !appOnly.some((name) => name.endsWith('_bg.wasm')) || !everyone.includes('./share.html') || !everyone.some((name) => name.endsWith('_bg.wasm'))) {
  console.error(`service-worker: cannot tell the app's files (${appOnly.join(', ')}) from the couple's page's`);
  process.exit(1);
}

let worker = readFileSync(source, 'utf8');
for (const marker of ["'__VERSION__'", "['__FILES__']", "['__APP_FILES__']"]) {
  if (!worker.includes(marker)) {
    console.error(`service-worker: web/sw.js has no ${marker}`);
    process.exit(1);
  }
}
worker = worker
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace("['__FILES__']", JSON.stringify(everyone))
  .replace("['__APP_FILES__']", JSON.stringify(appOnly));
// Minified (a classic script, so its top-level names stay): a browser fetches sw.js again to
// look for a new build on every visit, so it should be small (2,527 → 1,251 B brotli).
writeFileSync(target, transformSync(worker, { minify: true, target: 'es2020' }).code);
console.log(`service-worker: sw.js version ${version}, ${names.length} files kept offline (${appOnly.length} of them once the app is opened)`);
