// Post-build step (run by scripts/post-build.mjs, after minify.mjs and before csp.mjs): writes
// share.html, the couple's page, from the template at the top level. trunk builds the share
// binary beside the app (index.html's `data-type="worker"` link), as share.js and
// share_bg.wasm with no hash in their names; here they get one (so that no cache can pair an
// old glue with a new wasm), its parts loaded on demand are put beside them (scripts/parts.mjs)
// and the glue imports their loader, the glue is minified in release builds, and the page loads
// them with the app's own stylesheet, icons, manifest and service worker registration (the tags
// index.html has for them, copied). Runs for `trunk serve` too, so share links work there.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactMarkup, dir, fail as failed, minifyScript, placeParts, pointGlue, preloadTag, release, sri, startScript } from './parts.mjs';

const step = 'share-page';
const fail = (message) => failed(step, message);
const short = (body) => createHash('sha256').update(body).digest('hex').slice(0, 16);

let glue, wasm;
try {
  glue = readFileSync(join(dir, 'share.js'), 'utf8');
  wasm = readFileSync(join(dir, 'share_bg.wasm'));
} catch {
  fail(`no share.js and share_bg.wasm in ${dir}: is index.html's share link there?`);
}
// The names hash the glue as wasm-bindgen wrote it: the glue and the loader name each other.
const hash = short(Buffer.concat([Buffer.from(glue), wasm]));
const names = { js: `share-${hash}.js`, wasm: `share-${hash}_bg.wasm` };
const loader = placeParts(step, 'share', names.js);
glue = pointGlue(step, glue, loader.name);
if (release) glue = minifyScript(glue);
writeFileSync(join(dir, names.js), glue);
renameSync(join(dir, 'share_bg.wasm'), join(dir, names.wasm));
rmSync(join(dir, 'share.js'));

const index = readFileSync(join(dir, 'index.html'), 'utf8');
const css = index.match(/<link\b[^>]*\brel="?stylesheet\b[^>]*>/);
if (!css) fail('index.html links no stylesheet');
const shared = [
  ...index.matchAll(/<meta\b[^>]*\bname="?theme-color\b[^>]*>/g),
  ...index.matchAll(/<link\b[^>]*\brel="?(?:icon|apple-touch-icon|manifest)\b[^>]*>/g),
  ...index.matchAll(/<script\b[^>]*\bsrc="?\.\/update-[^>]*><\/script>/g),
].map((m) => m[0]);
if (shared.length !== 5) fail(`expected index.html's theme colour, two icons, manifest and update script, found ${shared.length} tags`);
const assets = [
  css[0],
  ...shared,
  `<link rel="modulepreload" href="./${names.js}" crossorigin="anonymous" integrity="${sri(glue)}">`,
  preloadTag(loader),
  `<link rel="preload" href="./${names.wasm}" crossorigin="anonymous" integrity="${sri(wasm)}" as="fetch" type="application/wasm">`,
  `<script type="module">${startScript(names.js, names.wasm)}</script>`,
].join('\n    ');
const template = readFileSync(join(process.env.TRUNK_SOURCE_DIR ?? '.', 'share.html'), 'utf8');
const marker = '<!-- share-page:assets -->';
if (!template.includes(marker)) fail(`share.html has no ${marker}`);
const page = template.replace(marker, () => assets);
writeFileSync(join(dir, 'share.html'), release ? compactMarkup(page) : page);
console.log(`share-page: share.html with ${names.js} (${Buffer.byteLength(glue)} B) and ${names.wasm} (${wasm.length} B)`);
