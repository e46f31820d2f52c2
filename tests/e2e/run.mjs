// Runs Playwright and prints one plain closing line CI can read: `e2e: N passed, N failed`.
// Exits non-zero on any failure, or when no test ran.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const report = 'test-results/e2e.json';
rmSync(report, { force: true });
const run = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });

let stats;
try {
  stats = JSON.parse(readFileSync(report, 'utf8')).stats;
} catch (error) {
  console.log(`e2e: 0 passed, 1 failed (no report: ${error.message})`);
  process.exit(1);
}
const passed = stats.expected + (stats.flaky ?? 0);
const failed = stats.unexpected;
console.log(`e2e: ${passed} passed, ${failed} failed${stats.skipped ? `, ${stats.skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 || run.status !== 0 ? 1 : 0);
