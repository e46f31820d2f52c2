// Post-build step (run by scripts/post-build.mjs, first): puts the app's parts loaded on demand
// into dist/ (scripts/parts.mjs), points the app's JS glue at their loader, updates the glue's
// integrity hash in index.html, preloads the loader beside the glue, and puts the start both
// pages share (parts.mjs's startScript: a notice in place of "Loading…" where the start fails)
// in place of trunk's. The share page's parts and start are written by share-page.mjs, which
// names the share page's files.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dir, fail, placeParts, pointGlue, preloadTag, sri, startScript } from './parts.mjs';

const step = 'split';
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
const glues = readdirSync(dir).filter((f) => /^intensive-planner-[0-9a-f]+\.js$/.test(f));
if (glues.length !== 1) fail(step, `expected one intensive-planner-<hash>.js in ${dir}, found ${glues.length}`);
const [glueName] = glues;
const loader = placeParts(step, 'intensive-planner', glueName);

// The glue imports the loader; the new name changes the glue, so its integrity hash too.
const gluePath = join(dir, glueName);
const glue = readFileSync(gluePath, 'utf8');
const newGlue = pointGlue(step, glue, loader.name);
const old = sri(glue);
if (html.includes(old)) html = html.replaceAll(old, sri(newGlue));
else if (html.includes('integrity=')) fail(step, `index.html has no integrity ${old} for ${glueName}`);
const gluePreload = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`./${glueName}`) && tag.includes('modulepreload'));
if (!gluePreload) fail(step, `index.html has no modulepreload for ${glueName}`);
html = html.replace(gluePreload, `${gluePreload}${preloadTag(loader)}`);
// trunk's start: the one inline module that imports the glue.
const starts = [...html.matchAll(/<script\b[^>]*\btype="?module"?[^>]*>([^<]*)<\/script>/g)].filter((m) => m[1].includes(`'./${glueName}'`));
if (starts.length !== 1) fail(step, `expected one inline script starting ${glueName} in index.html, found ${starts.length}`);
const wasmName = starts[0][1].match(/module_or_path:\s*'\.\/([^']+_bg\.wasm)'/)?.[1];
if (!wasmName) fail(step, "trunk's start in index.html names no wasm (module_or_path)");
html = html.replace(starts[0][0], () => `<script type=module>${startScript(glueName, wasmName)}</script>`);
writeFileSync(gluePath, newGlue);
writeFileSync(page, html);
