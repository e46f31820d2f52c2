// A static server on loopback that answers in brotli (quality 11, as a host that precompresses
// its files) when asked, for the benchmarks (load-bench.mjs, lighthouse.mjs). `roots` maps a path
// prefix ('/' last) to a folder; a folder's address serves its index.html. Every file is
// compressed before the server answers: compressed on a first request, the app's wasm took
// seconds longer to arrive in a benchmark's first run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8' };

export async function serve(port, roots) {
  const mounts = Object.entries(roots).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const compressed = new Map();
  const brotli = (file) => brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  for (const [, root] of mounts) {
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) compressed.set(join(entry.parentPath, entry.name), brotli(join(entry.parentPath, entry.name)));
    }
  }
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const [prefix, root] = mounts.find(([p]) => path.startsWith(p));
    const rest = '/' + path.slice(prefix.length);
    const file = normalize(join(root, rest.endsWith('/') ? rest + 'index.html' : rest));
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    const br = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
    if (br) headers['content-encoding'] = 'br';
    // A file written after the server started is compressed when first asked for.
    if (br && !compressed.has(file)) compressed.set(file, brotli(file));
    res.writeHead(200, headers).end(br ? compressed.get(file) : readFileSync(file));
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return server;
}
