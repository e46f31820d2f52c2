// Shared test setup: every console error or uncaught exception fails the test.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('console', (message) => {
      // A test that provokes a CSP refusal or a failed request (offline) on purpose marks the page first.
      const expected = (page.expectCspRefusal && message.text().includes('Content Security Policy'))
        || (page.expectOfflineRequest && message.text().startsWith('Failed to load resource: net::ERR_'))
        // ...and a part of the app loaded on demand logs why its fetch failed (TypeError).
        || (page.expectOfflineRequest && message.text().includes('Failed to fetch'));
      if (message.type() === 'error' && !expected) {
        problems.push(`console error: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await use(page);
    expect(problems, 'the page logged errors').toEqual([]);
  },
});
export { expect };

/** Zero WCAG 2.1 A/AA violations on the page as it is now. */
export async function expectAccessible(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

/** Fills in and submits the new-plan form. */
export async function createPlan(page, { format = 'Couples', a = 'Alex', b = 'Sam', client = 'Jo', date = '2026-12-04', days = '3', starts = '09:00', ends = '17:00', kap = 'None', coTherapist = '' } = {}) {
  await page.goto('/');
  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByLabel('Format', { exact: true }).selectOption({ label: format });
  if (format === 'Couples') {
    await page.getByLabel('Partner A').fill(a);
    await page.getByLabel('Partner B').fill(b);
    if (coTherapist) await page.getByLabel('Co-therapist (optional)').fill(coTherapist);
  } else {
    await page.getByLabel('Client').fill(client);
  }
  await page.getByLabel('Start date').fill(date);
  await page.getByLabel('Days', { exact: true }).fill(days);
  await page.getByLabel('Day starts').fill(starts);
  await page.getByLabel('Day ends').fill(ends);
  await page.getByLabel('KAP session').selectOption({ label: kap });
  await page.getByRole('button', { name: 'Create plan' }).click();
}

/** On a plan's preview: opens the share panel, makes a plain link and gives it. */
export async function plainShareLink(page) {
  await page.locator('summary', { hasText: 'Share link' }).click();
  await page.getByLabel('Plain link').check();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  return page.getByLabel('The link').inputValue();
}

/** The agenda's list items for day N, as text. */
export async function dayItems(page, n) {
  return page.getByRole('region', { name: new RegExp(`^Day ${n}\\b`) }).getByRole('listitem').allTextContents();
}

/** Every stored key and value, for comparing storage before and after; the backup reminder's
 * bookkeeping (`intensive-planner.meta.*`) is left out. */
export async function storageSnapshot(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => !k.startsWith('intensive-planner.meta.')).sort().map((k) => [k, localStorage.getItem(k)])));
}

/** The stored plans' content by key, without the envelope (version, revision): for checking that
 * a plan came back exactly, whatever number of saves it took. */
export async function storedPlans(page) {
  const snapshot = await storageSnapshot(page);
  return Object.fromEntries(Object.entries(snapshot).filter(([k]) => k.startsWith('intensive-planner.plan.')).map(([k, v]) => [k, JSON.parse(v).plan]));
}

/** Waits until the service worker has kept this build's files and controls the page. */
export async function offlineReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

/**
 * A later visit to `path` once the browser has stopped the idle service worker, in a new tab
 * (stopping it through the DevTools protocol can take the tab that asked with it). Uncaught
 * errors on the new tab go into `errors`. Returns the new tab.
 */
export async function laterVisit(context, page, path, errors) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach().catch(() => {});
  const later = await context.newPage();
  later.on('pageerror', (error) => errors.push(error.message));
  await later.goto(path);
  return later;
}

/** The page's own address, stylesheet, scripts and wasm: [path, matched source, final source]
 *  as the browser reports them (Chromium's static routes: 'cache' when the route answered). */
export async function keptSources(page) {
  return page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((entry) => /\/$|\.css$|\.js$|_bg\.wasm$/.test(new URL(entry.name).pathname))
      .map((entry) => [new URL(entry.name).pathname, entry.workerMatchedSourceType, entry.workerFinalSourceType]),
  );
}
