// Post-build step (run by scripts/post-build.mjs, first): puts the app's parts loaded on
// demand into dist/. scripts/trunk-bin/wasm-bindgen split the app's wasm before wasm-bindgen
// read it and left the parts in target/wasm-bindgen/<profile>/split/: one wasm file per split
// point of src/view/split.rs, the chunks they share, and __wasm_split.js, which fetches them.
// Here each part is optimised like the main module (release: index.html's data-wasm-opt and
// data-wasm-opt-params) and every file gets a name with a hash of its content, so a browser
// never mixes the parts of two builds: the parts' names go into __wasm_split.js, its name into
// the app's JS glue, and the glue's new integrity hash into index.html. __wasm_split.js stays
// as wasm-split-cli wrote it (3.5 KB; minified it saves under 100 B brotli), so
// scripts/size.mjs can read which files each part loads.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const release = process.env.TRUNK_PROFILE === 'release';
const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const root = process.env.TRUNK_SOURCE_DIR ?? '.';
const split = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'wasm-bindgen', release ? 'release' : 'debug', 'split');
const fail = (message) => {
  console.error(`split: ${message}`);
  process.exit(1);
};
const loader = join(split, '__wasm_split.js');
if (!existsSync(loader)) fail(`${loader} is missing: was the app built with scripts/trunk-bin first on PATH (scripts/bootstrap.sh)?`);

const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
const glues = readdirSync(dir).filter((f) => /^intensive-planner-[0-9a-f]+\.js$/.test(f));
if (glues.length !== 1) fail(`expected one intensive-planner-<hash>.js in ${dir}, found ${glues.length}`);
const [glueName] = glues;
const hashed = (name, body) => name.replace(/\.(\w+)$/, `-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.$1`);
const sri = (body) => 'sha384-' + createHash('sha384').update(body).digest('base64');

// The optimisation trunk gives the main module (trunk removes its rust links from the page it
// writes, so they are read from the source page).
const source = readFileSync(join(root, 'index.html'), 'utf8');
const optLevel = source.match(/data-bin="intensive-planner"[^>]*data-wasm-opt="([^"]*)"/)?.[1];
const optParams = source.match(/data-bin="intensive-planner"[^>]*data-wasm-opt-params="([^"]*)"/)?.[1]?.split(/\s+/).filter(Boolean);
if (release && (!optLevel || !optParams)) fail("index.html's app link has no data-wasm-opt and data-wasm-opt-params");

let js = readFileSync(loader, 'utf8');
const parts = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== 'intensive-planner.wasm').sort();
for (const part of parts) {
  const from = join(split, part);
  let body;
  if (release) {
    const out = join(split, `${part}.opt`);
    execFileSync('wasm-opt', [...optParams, `-O${optLevel}`, from, '-o', out], { stdio: ['ignore', 'ignore', 'inherit'] });
    body = readFileSync(out);
  } else {
    body = readFileSync(from);
  }
  const name = hashed(part, body);
  if (!js.includes(`"./${part}"`)) fail(`__wasm_split.js does not load ${part}`);
  js = js.replaceAll(`"./${part}"`, `"./${name}"`);
  writeFileSync(join(dir, name), body);
}
if (!js.includes('"./intensive-planner.js"')) fail('__wasm_split.js does not import ./intensive-planner.js');
js = js.replaceAll('"./intensive-planner.js"', `"./${glueName}"`);
const loaderName = hashed('__wasm_split.js', js);
writeFileSync(join(dir, loaderName), js);

// The glue imports the loader; the new name changes the glue, so its integrity hash too. Only
// the import statements change: the wasm still names its imports' module "./__wasm_split.js".
const gluePath = join(dir, glueName);
const glue = readFileSync(gluePath, 'utf8');
if (!glue.includes('from "./__wasm_split.js"')) fail(`${glueName} does not import ./__wasm_split.js`);
const newGlue = glue.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`);
const old = sri(glue);
if (html.includes(old)) html = html.replaceAll(old, sri(newGlue));
else if (html.includes('integrity=')) fail(`index.html has no integrity ${old} for ${glueName}`);
// The glue cannot run before the loader it imports has arrived: preload it beside the glue, so
// that it is not fetched only once the glue has been read (a round trip more before the start).
const gluePreload = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`./${glueName}`) && tag.includes('modulepreload'));
if (!gluePreload) fail(`index.html has no modulepreload for ${glueName}`);
html = html.replace(gluePreload, `${gluePreload}<link crossorigin href=./${loaderName} integrity=${sri(js)} rel=modulepreload>`);
writeFileSync(gluePath, newGlue);
writeFileSync(page, html);
console.log(`split: ${parts.length} parts loaded on demand, and ${loaderName}`);
