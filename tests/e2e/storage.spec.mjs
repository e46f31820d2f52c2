import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible, createPlan, storageSnapshot } from './fixtures.mjs';

test('a full storage is reported on save, and what was saved before stays intact', async ({ page }) => {
  await createPlan(page, { kap: 'At the start' });
  await page.goto('/');
  const before = await storageSnapshot(page);
  expect(Object.keys(before)).toHaveLength(1);
  // From now on every write fails the way a full storage does.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  // (No reload, or the patch would be gone.)
  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByLabel('Partner A').fill('Robin');
  await page.getByLabel('Partner B').fill('Kai');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Robin & Kai · 3-day couples intensive');
  const banner = page.getByRole('alert').filter({ hasText: 'Not saved' });
  await expect(banner).toContainText("Not saved: this browser's storage for the app is full.");
  expect(await storageSnapshot(page)).toEqual(before);
  // Export is offered, and holds both plans: the saved one and the one only in memory.
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Export all plans' }).click()]);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(backup.plans.map((p) => p.partner_a).sort()).toEqual(['Alex', 'Robin']);
  expect(await storageSnapshot(page)).toEqual(before);
});

test('without localStorage the app still starts and says that nothing will be kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Plans cannot be kept' })).toBeVisible();
  await createPlan(page, {});
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' }).getByRole('button', { name: 'Export all plans' })).toBeVisible();
});

test('two tabs: a plan made in one appears in the other, and a delete is not undone by the other', async ({ page, context }) => {
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByText('No plans yet')).toBeVisible();

  await createPlan(page, { kap: 'Midway' });
  const link = other.getByRole('link', { name: 'Alex & Sam · 3-day couples intensive' });
  await expect(link).toBeVisible();

  // The other tab opens the plan; the first tab deletes it.
  await link.click();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
  await page.getByRole('button', { name: 'Delete plan' }).click();
  await expect(other.getByRole('heading', { name: 'Plan not found' })).toBeVisible();

  // A new plan in the other tab does not bring the deleted one back.
  await createPlan(other, { a: 'Robin', b: 'Kai' });
  await page.reload();
  const keys = Object.keys(await storageSnapshot(page));
  expect(keys).toHaveLength(1);
  await expect(page.getByRole('link', { name: /Robin & Kai/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Alex & Sam/ })).toHaveCount(0);
  await other.close();
});

/** A second page of the same origin that, like a frozen or backgrounded tab, misses the
 * storage events of the first. */
async function laggingTab(context) {
  const other = await context.newPage();
  await other.addInitScript(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true));
  return other;
}

test('the same plan edited in two tabs: no silent overwrite; keep mine as a copy, theirs intact', async ({ page, context }) => {
  await createPlan(page, { days: '2' });
  const url = page.url();
  const other = await laggingTab(context);
  await other.goto(url);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 2-day couples intensive');

  // The first tab renames the plan; the second, which missed that, changes it too.
  await page.locator('summary', { hasText: 'Title, dates and days' }).click();
  await page.getByLabel('Plan title').fill('Renamed in tab one');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect.poll(() => storageSnapshot(page).then((s) => Object.values(s)[0])).toContain('Renamed in tab one');
  const theirs = await storageSnapshot(page);

  await other.getByRole('button', { name: 'Duplicate day 1' }).click();
  const banner = other.getByRole('alert').filter({ hasText: 'was changed in another tab' });
  await expect(banner).toBeVisible();
  // The other tab now shows the newer version, and storage still holds it byte for byte.
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Renamed in tab one');
  expect(await storageSnapshot(other)).toEqual(theirs);
  await expectAccessible(other);

  await banner.getByRole('button', { name: 'Keep my version as a copy' }).click();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 2-day couples intensive (my copy)');
  await expect(other.getByRole('heading', { name: /^Day 3/ })).toBeVisible();
  await expect.poll(() => storageSnapshot(other).then((s) => Object.keys(s).length)).toBe(2);
  const after = await storageSnapshot(other);
  for (const [key, value] of Object.entries(theirs)) expect(after[key]).toBe(value);
  await other.close();
});

test('a plan deleted in one tab is not brought back by a change in a tab that missed the delete', async ({ page, context }) => {
  await createPlan(page, { days: '2' });
  const url = page.url();
  const other = await laggingTab(context);
  await other.goto(url);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 2-day couples intensive');
  await page.getByRole('button', { name: 'Delete plan' }).click();
  await expect.poll(() => storageSnapshot(page)).toEqual({});

  await other.getByRole('button', { name: 'Duplicate day 1' }).click();
  const banner = other.getByRole('alert').filter({ hasText: 'was deleted in another tab' });
  await expect(banner).toBeVisible();
  expect(await storageSnapshot(other)).toEqual({});
  await banner.getByRole('button', { name: 'Let it go' }).click();
  await expect(banner).toHaveCount(0);
  await expect(other.getByRole('heading', { name: 'Plan not found' })).toBeVisible();
  expect(await storageSnapshot(other)).toEqual({});
  await other.close();
});

test('a plan from a newer version opens read-only and is never changed; raw data can be downloaded', async ({ page }) => {
  await createPlan(page, { days: '2' });
  const id = page.url().split('/plan/')[1];
  await page.goto('/');
  const stored = Object.values(await storageSnapshot(page))[0];
  const newer = stored.replace(/"format_version":\d+/, '"format_version":99').replace(id, 'p-from-the-future');
  expect(newer).toContain('"format_version":99');
  await page.evaluate((text) => localStorage.setItem('intensive-planner.plan.p-from-the-future', text), newer);
  await page.reload();
  const banner = page.getByRole('status').filter({ hasText: 'could not be read' });
  await expect(banner).toContainText('newer version');
  await banner.getByRole('link', { name: /read-only/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'shown read-only' })).toContainText('saved by a newer version');
  await expect(page.getByRole('region', { name: /^Day 1/ })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('status').filter({ hasText: 'could not be read' }).getByRole('button', { name: 'Download the raw data' }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toBe(newer);
  // Editing the other plan changes nothing in the newer entry.
  await page.getByRole('link', { name: 'Alex & Sam · 2-day couples intensive', exact: true }).click();
  await page.getByRole('button', { name: 'Duplicate day 1' }).click();
  await page.reload();
  expect(await page.evaluate(() => localStorage.getItem('intensive-planner.plan.p-from-the-future'))).toBe(newer);
});

test('a backup is suggested once changes have waited a week, and "Not now" puts it off', async ({ page }) => {
  await createPlan(page, { days: '2' });
  await page.goto('/');
  const reminder = page.getByRole('region', { name: 'Backup reminder' });
  await expect(reminder).toHaveCount(0);
  await page.evaluate(() => localStorage.setItem('intensive-planner.meta.unexported-since', '2020-01-01'));
  await page.reload();
  await expect(reminder).toBeVisible();
  await expectAccessible(page);
  await reminder.getByRole('button', { name: 'Not now' }).click();
  await expect(reminder).toHaveCount(0);
  await page.reload();
  await expect(reminder).toHaveCount(0);

  // An export clears it for good (until the next change waits a week).
  await page.evaluate(() => localStorage.removeItem('intensive-planner.meta.reminder-snoozed-until'));
  await page.reload();
  await expect(reminder).toBeVisible();
  await Promise.all([page.waitForEvent('download'), reminder.getByRole('button', { name: 'Export all plans' }).click()]);
  await page.reload();
  await expect(reminder).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('intensive-planner.meta.unexported-since'))).toBeNull();
});

test('opened straight on a plan, the app reads that plan first and the others just after: the list, the damaged entry, the mended one and an edit made at once are all there', async ({ page }) => {
  await createPlan(page, { a: 'Robin', b: 'Kai' });
  await createPlan(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
  const address = page.url();
  const oldLimits = readFileSync(new URL('../fixtures/plan-v3-old-limits.json', import.meta.url), 'utf8');
  await page.evaluate((old) => {
    localStorage.setItem('intensive-planner.plan.p-damaged', '{not json');
    localStorage.setItem('intensive-planner.plan.p-old-limits', old);
  }, oldLimits);
  // A fresh start on the plan's own address.
  await page.goto('about:blank');
  await page.goto(address);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
  // The other entries are read just after the page is drawn: the damaged one is reported here too.
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toContainText('1 saved entry could not be read.');
  // And what the reader mended in another plan is said, as when every plan is read at once.
  await expect(page.getByRole('status').filter({ hasText: 'opened with changes' })).toContainText("The prescriber's name was 250 characters long and is cut to 200.");
  // An edit at once survives the late read of the others.
  const day1 = page.getByRole('region', { name: /^Day 1\b/ });
  await day1.getByRole('listitem').first().focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(day1.getByRole('listitem').first()).toContainText(/^09:15–/);
  await page.getByRole('link', { name: 'Intensive Planner' }).click();
  await expect(page.getByRole('link', { name: /Robin & Kai/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Alex & Sam/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Saved under the old limits' })).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: /Alex & Sam/ }).click();
  await expect(page.getByRole('region', { name: /^Day 1\b/ }).getByRole('listitem').first()).toContainText(/^09:15–/);
});
