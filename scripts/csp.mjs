// Post-build step (run by scripts/post-build.mjs, last): gives index.html and share.html a
// strict Content-Security-Policy.
// Only the app's own origin is allowed, plus what wasm needs ('wasm-unsafe-eval'). each page's one
// inline script (the module that starts the wasm) is allowed by its SHA-256 hash, computed here
// from the final HTML, so no other inline script can run. Release builds only: `trunk serve`
// injects a live-reload script that a strict policy would block.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
for (const page of ['index.html', 'share.html']) {
  const file = join(process.env.TRUNK_STAGING_DIR ?? 'dist', page);
  let html = readFileSync(file, 'utf8');

  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1]));
  if (inline.length !== 1) {
    console.error(`csp: expected one inline script in ${page}, found ${inline.length}`);
    process.exit(1);
  }
  const hash = createHash('sha256').update(inline[0][2]).digest('base64');
  const policy = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    // The service worker (web/sw.js) and the manifest: the app's own files only.
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const meta = `<meta http-equiv=Content-Security-Policy content="${policy}">`;
  if (!/<meta charset=["']?utf-8["']?>/i.test(html)) {
    console.error(`csp: no <meta charset=utf-8> in ${page} to put the policy after`);
    process.exit(1);
  }
  html = html.replace(/<meta charset=["']?utf-8["']?>/i, (charset) => charset + meta);
  writeFileSync(file, html);
}
