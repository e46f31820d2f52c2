// The reproductions of "one valid plan; no edit, undo, failed save or link can lose or leak a
// therapist's work", each as a test: limits refused in the UI and mended on reading, undo that
// respects other tabs, failed saves kept and retried, exports that are what they say, and open
// forms that survive another tab's change.
import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible, createPlan, storageSnapshot } from './fixtures.mjs';

const PREFIX = 'intensive-planner.plan.';
const OLD_LIMITS = readFileSync(new URL('../fixtures/plan-v3-old-limits.json', import.meta.url), 'utf8');

/** The first block of day N, as the keyboard reaches it. */
const firstBlock = (page, n) => page.getByRole('region', { name: new RegExp(`^Day ${n}\\b`) }).locator('.blocks > li').first();

/** A second tab that never hears of the first tab's saves (as when storage events are late). */
async function laggingTab(context) {
  const other = await context.newPage();
  await other.addInitScript(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true));
  return other;
}

const storedPlan = async (page) => JSON.parse(Object.values(await storageSnapshot(page)).find((v) => v.includes('"plan"')));

test('limits: a 250-character prescriber and a move to the year 0202 are refused naming the field; inputs carry the limits; the plan still reads back', async ({ page }) => {
  await createPlan(page, { kap: 'Midway' });
  const before = await storageSnapshot(page);
  await page.locator('summary', { hasText: 'Screening and logistics' }).click();
  const prescriber = page.getByLabel('Prescriber who cleared Alex');
  await expect(prescriber).toHaveAttribute('maxlength', '200');
  await expect(page.getByLabel('Who drives Alex home after day 2')).toHaveAttribute('maxlength', '200');
  await expect(page.getByLabel('Alex cleared on')).toHaveAttribute('min', '2000-01-01');
  // Past the input's own limit (a pasted text in an older browser, or a script): the core refuses.
  await prescriber.evaluate((input) => input.removeAttribute('maxlength'));
  await page.getByLabel('Alex cleared on').fill('2026-11-20');
  await prescriber.fill('P'.repeat(250));
  await page.getByRole('button', { name: 'Record clearance for Alex' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'prescriber' })).toContainText("Keep the prescriber's name to 200 characters (it is 250).");

  await page.locator('summary', { hasText: 'Title, dates and days' }).click();
  await expect(page.getByLabel('First day')).toHaveAttribute('max', '2100-12-31');
  await page.getByLabel('First day').fill('0202-03-05');
  await page.getByRole('button', { name: 'Move the intensive' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'first day' })).toContainText('The first day must fall between the years 2000 and 2100.');
  await page.locator('summary', { hasText: 'Clinical thresholds' }).click();
  await expect(page.getByLabel('Dosing lasts (minutes, default 180)')).toHaveAttribute('min', '120');
  await expect(page.getByLabel('Dosing lasts (minutes, default 180)')).toHaveAttribute('max', '720');

  // Nothing was saved, and after a reload the plan is listed and readable.
  expect(await storageSnapshot(page)).toEqual(before);
  await page.goto('/');
  await page.reload();
  await expect(page.getByRole('link', { name: 'Alex & Sam · 3-day couples intensive' })).toBeVisible();
  await expect(page.getByText('could not be read')).toHaveCount(0);
});

test('a plan saved under older limits (250-character prescriber, block id 4294967295, revision -1) opens mended, saves, and backs up', async ({ page, browser }) => {
  await page.goto('/');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [`${PREFIX}p-old-limits`, OLD_LIMITS]);
  await page.reload();
  const banner = page.getByRole('status').filter({ hasText: 'opened with changes' });
  await expect(banner).toContainText("The prescriber's name was 250 characters long and is cut to 200.");
  await expect(banner).toContainText('Block ids above 9999999 were renumbered.');
  await expect(page.getByText('could not be read')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Saved under the old limits' }).click();
  // An edit saves (a revision of -1 once made every save a "changed in another tab").
  await firstBlock(page, 1).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('status').filter({ hasText: 'Moved 15 minutes later.' })).toBeVisible();
  await expect.poll(async () => (await storedPlan(page)).revision).toBe(1);
  await expect(page.getByText('changed in another tab')).toHaveCount(0);
  const saved = await storedPlan(page);
  // The one clearance of version 3 is now the clearance of the person who doses (format 6).
  expect(saved.plan.kap.clearances.map((c) => c.prescriber.length)).toEqual([200]);
  expect(Math.max(...saved.plan.days.flatMap((d) => d.blocks.map((b) => b.id)))).toBeLessThan(10_000_000);

  // Export all, then import into an empty browser: all or nothing, and it is all.
  await page.goto('/');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all plans' }).click()]);
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto('/');
  await other.locator('input[type=file]').setInputFiles(await download.path());
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(other.getByRole('link', { name: 'Saved under the old limits' })).toBeVisible();
  await context.close();
});

test('undo never reverts another tab: the history is cleared when another tab saves the plan, and after "Keep the other version"', async ({ page, context }) => {
  await createPlan(page, { kap: 'Midway' });
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  // A moves a block; B answers a screening question; A's Ctrl+Z must not undo B's answer.
  await firstBlock(page, 1).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await other.locator('summary', { hasText: 'Screening and logistics' }).click();
  await other.getByLabel('Glaucoma').first().selectOption('yes');
  await expect.poll(async () => JSON.stringify((await storedPlan(other)).plan.kap.screening)).toContain('"yes"');
  await expect(page.getByRole('status').filter({ hasText: 'Undo history cleared' })).toHaveText('Undo history cleared: this plan was changed in another tab.');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.locator('h1').focus();
  await page.keyboard.press('Control+z');
  const after = await storedPlan(page);
  expect(JSON.stringify(after.plan.kap.screening)).toContain('"yes"');
  await expect(other.getByLabel('Glaucoma').first()).toHaveValue('yes');
  await expectAccessible(page);
  await other.close();

  // A tab that missed the other's save: its edit becomes a conflict; after "Keep the other
  // version", Ctrl+Z must not bring its own version back.
  const lagging = await laggingTab(context);
  await lagging.goto(url);
  await expect(lagging.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
  await page.getByRole('button', { name: 'Duplicate day 1' }).click();
  await expect.poll(async () => (await storedPlan(page)).plan.days.length).toBe(4);
  const theirs = await storageSnapshot(page);
  await firstBlock(lagging, 2).focus();
  await lagging.keyboard.press('Alt+ArrowDown');
  const banner = lagging.getByRole('alert').filter({ hasText: 'was changed in another tab' });
  await banner.getByRole('button', { name: 'Keep the other version' }).click();
  await lagging.locator('h1').focus();
  await lagging.keyboard.press('Control+z');
  await expect(lagging.getByRole('status').filter({ hasText: 'Undo history cleared' })).toBeVisible();
  expect(await storageSnapshot(lagging)).toEqual(theirs);
  await lagging.close();
});

test('a failed save stays on screen, survives another tab\'s save, and is saved by "Try again"', async ({ page, context }) => {
  await createPlan(page, { days: '2' });
  const url = page.url();
  await page.evaluate(() => {
    window.realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.locator('summary', { hasText: 'Title, dates and days' }).click();
  await page.getByLabel('Plan title').fill('Only in this tab so far');
  await page.getByRole('button', { name: 'Rename' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Not saved' });
  await expect(banner).toContainText("Not saved: this browser's storage for the app is full.");
  await expectAccessible(page);

  // Another tab saves something (a new plan): this tab re-reads storage, and keeps its change.
  const other = await context.newPage();
  await createPlan(other, { a: 'Robin', b: 'Kai' });
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).length)).toBeGreaterThan(1);
  await page.waitForTimeout(300);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Only in this tab so far');
  await expect(banner).toBeVisible();
  await other.close();

  // Storage has room again: "Try again" saves it.
  await page.evaluate(() => { Storage.prototype.setItem = window.realSetItem; });
  await banner.getByRole('button', { name: 'Try again' }).click();
  await expect(banner).toHaveCount(0);
  const stored = Object.values(await storageSnapshot(page)).map((v) => JSON.parse(v).plan.title);
  expect(stored).toContain('Only in this tab so far');
  await page.goto(url);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Only in this tab so far');
});

test('exports are what they say: a failed export keeps the reminder; Export all carries unreadable entries; import is capped at 5 MB', async ({ page }) => {
  await createPlan(page, { days: '2' });
  await page.goto('/');
  await expect(page.locator('#storage-status')).toBeVisible();
  const damaged = '{"format_version": 3, "plan": {"id": "p-';
  await page.evaluate(([key, text]) => {
    localStorage.setItem(key, text);
    localStorage.setItem('intensive-planner.meta.unexported-since', '2020-01-01');
  }, [`${PREFIX}p-damaged`, damaged]);
  await page.reload();
  const reminder = page.getByRole('region', { name: 'Backup reminder' });
  await expect(reminder).toBeVisible();

  // The browser refuses to make the file: the reminder stays, and says so.
  await page.evaluate(() => { window.realCreate = URL.createObjectURL; URL.createObjectURL = () => { throw new Error('no'); }; });
  await reminder.getByRole('button', { name: 'Export all plans' }).click();
  await expect(page.getByText('No backup was made')).toBeVisible();
  await expect(reminder).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('intensive-planner.meta.unexported-since'))).toBe('2020-01-01');
  await page.evaluate(() => { URL.createObjectURL = window.realCreate; });

  // It works: "Check your downloads", and the damaged entry travels as its exact text.
  const [download] = await Promise.all([page.waitForEvent('download'), reminder.getByRole('button', { name: 'Export all plans' }).click()]);
  await expect(page.getByText(/Check your downloads for intensive-plans-.*\.json: 1 plan, and 1 saved entry this version cannot read/)).toBeVisible();
  await expect(reminder).toHaveCount(0);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(backup.plans).toHaveLength(1);
  expect(backup.unreadable).toEqual([{ key: `${PREFIX}p-damaged`, problem: expect.stringContaining('not valid JSON'), text: damaged }]);

  // Importing that backup says the unreadable entry is not imported.
  await page.locator('input[type=file]').setInputFiles(await download.path());
  await expect(page.getByText('This backup also carries 1 saved entry that could not be read')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // A file larger than localStorage could hold is refused before it is read.
  await page.locator('input[type=file]').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(6_000_000, 32) });
  await expect(page.getByText('Nothing was imported: the file is 6.0 MB; a backup is at most 5 MB')).toBeVisible();
});

test('half-typed notes survive another tab changing the block whose form is open', async ({ page, context }) => {
  await createPlan(page, { days: '2' });
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await firstBlock(page, 1).hover();
  await firstBlock(page, 1).getByRole('button', { name: /^Edit/ }).click();
  await page.getByLabel('Clinician notes').fill('Half a thought about');
  await firstBlock(other, 1).focus();
  await other.keyboard.press('Alt+ArrowDown');
  await expect.poll(async () => (await storedPlan(other)).revision).toBe(2);
  await page.waitForTimeout(300);
  await expect(page.getByLabel('Clinician notes')).toHaveValue('Half a thought about');
  await other.close();
});
