// Lighthouse 12.8.2 (pinned in bench/lighthouse/, installed there on first use) on the release
// build, mobile (its default: simulated slow 4G and a 4× slower CPU), for three pages: the plan
// list, a plan, and the couple's page opening a 3-day link. The app's storage is set up first in
// a browser profile that Lighthouse then reuses (`--disable-storage-reset`), so the plan page has
// its plan. The service worker and its cache are removed after the set-up; a later run finds
// the one an earlier run installed, so its files come from the worker (first contentful paint
// about 0.1 s against about 1 s in the first run). The scores hardly differ: on all three pages the
// gap to 100 is blocking time, which the worker does not change. Prints each category's score against issue #14's targets (100 for accessibility,
// best practices and SEO; 98 for performance); exits non-zero when one is missed.
// Each page is run RUNS times (default 1) and the median score counts, as Lighthouse advises on
// a noisy machine; PAGES=list,plan,couple picks pages.
// Run: make lighthouse (after make build), or RUNS=5 PAGES=couple node scripts/lighthouse.mjs.
import { chromium } from '@playwright/test';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './brotli-server.mjs';
import { makeSharedPlan } from './bench-setup.mjs';

const TARGETS = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };
const dir = 'bench/lighthouse';
const cli = join(dir, 'node_modules', '.bin', 'lighthouse');
if (!existsSync(cli)) execFileSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund', '--silent'], { stdio: 'inherit' });

const port = 8768;
const base = `http://127.0.0.1:${port}`;
const server = await serve(port, { '/': 'dist' });
const profile = mkdtempSync(join(tmpdir(), 'planner-lighthouse-'));
const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: flags });
const setupPage = await context.newPage();
const { planId, link } = await makeSharedPlan(setupPage, base);
// Keep the stored plans but nothing of the build (no service worker, no cached files), so that
// the first run loads the app as a first visit would.
await setupPage.evaluate(async () => {
  for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
  for (const key of await caches.keys()) await caches.delete(key);
});
await context.close();

const pages = [
  ['list', 'the plan list', `${base}/#/`],
  ['plan', 'a plan', `${base}/#/plan/${planId}`],
  ['couple', "the couple's page", `${base}/share.html${new URL(link).hash}`],
].filter(([key]) => !process.env.PAGES || process.env.PAGES.split(',').includes(key));
const runs = Math.max(1, Number(process.env.RUNS ?? 1));
let missed = 0;
for (const [, name, url] of pages) {
  const reports = [];
  for (let run = 0; run < runs; run += 1) {
    const out = join(profile, 'report.json');
    // Asynchronously: the static server runs in this process and must keep answering.
    await promisify(execFile)(process.execPath, [cli, url, '--quiet', '--output=json', `--output-path=${out}`, '--disable-storage-reset',
      `--chrome-flags=${[...flags, `--user-data-dir=${profile}`].join(' ')}`], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } });
    reports.push(JSON.parse(readFileSync(out, 'utf8')));
  }
  // The run with the median performance score stands for the page.
  reports.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
  const report = reports[Math.floor(reports.length / 2)];
  if (runs > 1) {
    const all = reports.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100));
    const tbt = reports.map((r) => Math.round(r.audits['total-blocking-time']?.numericValue ?? 0));
    console.log(`lighthouse: ${name}: performance over ${runs} runs ${all.join(', ')}; total blocking time ${tbt.sort((a, b) => a - b).join(', ')} ms`);
  }
  const scores = Object.entries(TARGETS).map(([id, target]) => {
    const score = Math.round((report.categories[id]?.score ?? 0) * 100);
    if (score < target) missed += 1;
    return `${id} ${score}${score < target ? ` (target ${target}: MISSED)` : ''}`;
  });
  console.log(`lighthouse: ${name.padEnd(18)} ${scores.join(', ')}`);
  // What the performance score is made of, in the run that counts.
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'speed-index', 'total-blocking-time', 'cumulative-layout-shift']
    .map((id) => report.audits[id]).filter(Boolean)
    .map((audit) => `${audit.id} ${audit.displayValue ?? ''} (score ${Math.round((audit.score ?? 0) * 100)})`);
  console.log(`  performance metrics: ${metrics.join(', ')}`);
  for (const [id, target] of Object.entries(TARGETS)) {
    if (Math.round((report.categories[id]?.score ?? 0) * 100) >= target) continue;
    const failing = report.categories[id].auditRefs
      .map((ref) => report.audits[ref.id])
      .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual')
      .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}${audit.explanation ? `: ${audit.explanation}` : ''}`);
    console.log(`  ${id}: ${failing.join(', ')}`);
  }
}
server.close();
rmSync(profile, { recursive: true, force: true });
process.exit(missed === 0 ? 0 : 1);
