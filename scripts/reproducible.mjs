// Builds the release a second time and checks that every file in dist/ came out the same, name
// and bytes (run by scripts/test.sh right after the first release build). A file that differs
// between two builds of the same source gets a new hashed name and a new service-worker version,
// so every installed copy would offer "Reload to update" and fetch the whole build again for
// nothing. (trunk's own JS minifier did this to web/update.js: see index.html.)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = 'dist';
const snapshot = () => {
  const files = new Map();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return files;
};

const first = snapshot();
if (first.size === 0) {
  console.error('reproducible: dist/ is empty; run `trunk build --release` first');
  process.exit(1);
}
execFileSync('trunk', ['build', '--release'], { stdio: ['ignore', 'ignore', 'inherit'] });
const second = snapshot();
const names = [...new Set([...first.keys(), ...second.keys()])].sort();
const differ = names.filter((name) => first.get(name) !== second.get(name));
for (const name of differ) {
  const what = !first.has(name) ? 'only in the second build' : !second.has(name) ? 'only in the first build' : 'different bytes';
  console.error(`reproducible: ${name}: ${what}`);
}
if (differ.length > 0) {
  console.error(`reproducible: ${differ.length} of ${names.length} files differ between two builds of the same source`);
  process.exit(1);
}
console.log(`reproducible: two release builds gave the same ${names.length} files`);
