import { test, expect, createPlan, storageSnapshot } from './fixtures.mjs';

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
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText("Not saved: this browser's storage for the app is full.");
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
  const keys = Object.keys(await page.evaluate(() => ({ ...localStorage })));
  expect(keys).toHaveLength(1);
  await expect(page.getByRole('link', { name: /Robin & Kai/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Alex & Sam/ })).toHaveCount(0);
  await other.close();
});
