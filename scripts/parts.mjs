// The parts a binary loads on demand, put into dist/ (used by the post-build steps split.mjs,
// for the app, and share-page.mjs, for the couple's page), and the hashes the post-build steps
// share (a file's hashed name, an integrity attribute, markup without comments and
// indentation). scripts/trunk-bin/wasm-bindgen split
// the binary's wasm before wasm-bindgen read it and left the parts in
// target/wasm-bindgen/<profile>/split/<binary>/: one wasm file per split point (src/main.rs,
// src/bin/share.rs), the chunks they share, and __wasm_split.js, which fetches them. Here each
// part is optimised like the binary's main module (release: index.html's data-wasm-opt and
// data-wasm-opt-params for that binary) and every file gets a name with a hash of its content,
// so a browser never mixes the parts of two builds. In release builds __wasm_split.js is minified
// (328 B brotli off the app's first load, 281 B off the couple's page); scripts/size.mjs reads
// which files each part loads from the copy wasm-split-cli wrote, which stays in target/.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

export const release = process.env.TRUNK_PROFILE === 'release';
export const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const root = process.env.TRUNK_SOURCE_DIR ?? '.';

export const fail = (step, message) => {
  console.error(`${step}: ${message}`);
  process.exit(1);
};
export const hashed = (name, body) => name.replace(/\.(\w+)$/, `-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.$1`);
export const sri = (body) => 'sha384-' + createHash('sha384').update(body).digest('base64');
// HTML or SVG as written for people to read, without its comments and the indentation between
// tags, for release builds (as trunk minifies index.html).
export const compactMarkup = (markup) => markup.replace(/<!--[\s\S]*?-->/g, '').replace(/>\s+</g, '><').trim();

// Writes the parts of `bin` and their loader into dist/, the loader pointing at the binary's JS
// glue (`glueName`, its final name in dist/). Returns the loader's name and content.
export function placeParts(step, bin, glueName) {
  const split = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'wasm-bindgen', release ? 'release' : 'debug', 'split', bin);
  const loader = join(split, '__wasm_split.js');
  if (!existsSync(loader)) fail(step, `${loader} is missing: was ${bin} built with scripts/trunk-bin first on PATH (scripts/bootstrap.sh)?`);

  // The optimisation trunk gives the main module (trunk removes its rust links from the page it
  // writes, so they are read from the source page).
  const source = readFileSync(join(root, 'index.html'), 'utf8');
  const link = [...source.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`data-bin="${bin}"`));
  const optLevel = link?.match(/data-wasm-opt="([^"]*)"/)?.[1];
  const optParams = link?.match(/data-wasm-opt-params="([^"]*)"/)?.[1]?.split(/\s+/).filter(Boolean);
  if (release && (!optLevel || !optParams)) fail(step, `index.html's link for ${bin} has no data-wasm-opt and data-wasm-opt-params`);

  let js = readFileSync(loader, 'utf8');
  const parts = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${bin}.wasm`).sort();
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
    if (!js.includes(`"./${part}"`)) fail(step, `${bin}'s __wasm_split.js does not load ${part}`);
    js = js.replaceAll(`"./${part}"`, `"./${name}"`);
    writeFileSync(join(dir, name), body);
  }
  if (!js.includes(`"./${bin}.js"`)) fail(step, `${bin}'s __wasm_split.js does not import ./${bin}.js`);
  js = js.replaceAll(`"./${bin}.js"`, `"./${glueName}"`);
  if (release) js = minifyScript(js);
  const name = hashed('__wasm_split.js', js);
  writeFileSync(join(dir, name), js);
  console.log(`${step}: ${parts.length} parts of ${bin} loaded on demand, and ${name}`);
  return { name, body: js };
}

// The binary's JS glue importing the loader by its name in dist/. Only the import statements
// change: the wasm still names its imports' module "./__wasm_split.js".
export function pointGlue(step, glue, loaderName) {
  if (!glue.includes('from "./__wasm_split.js"')) fail(step, 'the JS glue does not import ./__wasm_split.js');
  return glue.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`);
}

// The loader's preload tag: the glue cannot run before the loader it imports has arrived, so it
// is fetched beside the glue, not once the glue has been read (a round trip more).
export const preloadTag = (loader) => `<link crossorigin href=./${loader.name} integrity=${sri(loader.body)} rel=modulepreload>`;

// A script as the release build ships it: esbuild's minification, the same bytes every build.
export const minifyScript = (js) => transformSync(js, { minify: true, format: 'esm', target: 'es2020' }).code;

// A page's one inline script, which starts its wasm (`glue`, `wasm`: their names in dist/). Where
// the start fails (the glue or the wasm did not arrive, or did not run), the page's own notice
// (`.load-failed`, hidden in index.html and share.html) takes the place of its loading line,
// with the focus on its "Try again" button, which reloads the same address (a share link's
// data is in it). Instead of trunk's start for the app, which left "Loading…" on the page for
// good and also published the glue's exports and a start event, which nothing here uses.
export const startScript = (glue, wasm) => minifyScript(`
import('./${glue}').then((glue) => glue.default({ module_or_path: './${wasm}' })).catch(() => {
  const notice = document.querySelector('.load-failed');
  const retry = notice.querySelector('button');
  document.querySelector('.loading').hidden = true;
  notice.hidden = false;
  retry.onclick = () => location.reload();
  retry.focus();
});`).trim();
