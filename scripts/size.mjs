// Prints the size of every file in the release dist/ (raw, gzip, brotli) and the compressed
// totals, against the budget of 240 KB brotli in total. Exits non-zero over budget.
// (120 KB was the foundation's budget; the editor and the couple's view raised it, see README.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const BUDGET_BROTLI = 240 * 1000;
const dir = process.argv[2] ?? 'dist';

function* files(path) {
  for (const entry of readdirSync(path)) {
    const full = join(path, entry);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

const rows = [];
for (const file of files(dir)) {
  const body = readFileSync(file);
  rows.push({
    file: relative(dir, file),
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
rows.sort((a, b) => b.brotli - a.brotli);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const pad = (s, n) => String(s).padStart(n);
console.log(`${'file'.padEnd(44)}${pad('raw', 10)}${pad('gzip', 10)}${pad('brotli', 10)}`);
for (const r of rows) console.log(`${r.file.padEnd(44)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}`);
console.log(`${'total'.padEnd(44)}${pad(total.raw, 10)}${pad(total.gzip, 10)}${pad(total.brotli, 10)}`);
const verdict = total.brotli <= BUDGET_BROTLI ? 'within' : 'OVER';
console.log(`size: ${total.brotli} B brotli of a ${BUDGET_BROTLI} B budget (${(100 * total.brotli / BUDGET_BROTLI).toFixed(1)}%): ${verdict} budget; gzip total ${total.gzip} B`);
process.exit(total.brotli <= BUDGET_BROTLI ? 0 : 1);
