// A tiny static server for dist/ on loopback, with the right MIME types (wasm!).
// Usage: node tests/e2e/serve.mjs [port] [dir]
// The same dir is also served under the sub-folder /in/a/folder/, as a project page would be
// (`user.github.io/planner/`), so that a test can prove the build works away from the site root.
// `/__test__/next-build` makes it serve sw.js as a later build would (another version, so its
// bytes differ, the browser installs it as an update, and it keeps the files in a cache of its
// own); `/__test__/this-build` goes back. Under `/__test__/no-wasm/` the same files are served,
// but every wasm file is refused (503), as a dropped signal would refuse it: for the pages' own
// "could not be loaded" notice.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const port = Number(process.argv[2] ?? 8765);
const root = resolve(process.argv[3] ?? 'dist');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

let nextBuild = false;

createServer(async (req, res) => {
  const asked = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  const noWasm = /^\/__test__\/no-wasm\//.test(asked);
  const path = asked.replace(/^\/(?:in\/a\/folder|__test__\/no-wasm)(?=\/)/, '');
  if (noWasm && path.endsWith('.wasm')) {
    res.writeHead(503, { 'content-type': 'text/plain' }).end('refused');
    return;
  }
  if (path === '/__test__/next-build' || path === '/__test__/this-build') {
    nextBuild = path.endsWith('next-build');
    res.writeHead(204).end();
    return;
  }
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    let body = await readFile(file);
    // A build of its own version (its own cache), as a later build would be.
    if (nextBuild && path.endsWith('/sw.js')) body = Buffer.from(`${body.toString('utf8').replace(/const VERSION ?= ?"([^"]+)"/, 'const VERSION="$1-next"')}\n// the next build\n`);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
