// Post-build step (run by scripts/post-build.mjs, last): writes dist/sw.js from web/sw.js, with
// the build's version (a hash of every file in dist/) and the list of files to keep offline.
// Release builds only; `trunk serve` gets a service worker that retires any earlier one, so a
// cached release never hides the live-reloading development build.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

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
let worker = readFileSync(source, 'utf8');
for (const marker of ["'__VERSION__'", "['__FILES__']"]) {
  if (!worker.includes(marker)) {
    console.error(`service-worker: web/sw.js has no ${marker}`);
    process.exit(1);
  }
}
worker = worker.replace("'__VERSION__'", JSON.stringify(version)).replace("['__FILES__']", JSON.stringify(names));
writeFileSync(target, worker);
console.log(`service-worker: sw.js version ${version}, ${names.length} files kept offline`);
