// The benchmarks' plan (load-bench.mjs, lighthouse.mjs): the 3-day couples plan with KAP midway,
// made through the app as a therapist would, and its plain share link.
export async function makeSharedPlan(page, base) {
  await page.goto(`${base}/#/new`);
  await page.getByLabel('Partner A').fill('Alex');
  await page.getByLabel('Partner B').fill('Sam');
  await page.getByLabel('Start date').fill('2026-12-04');
  await page.getByLabel('KAP session').selectOption({ label: 'Midway' });
  await page.getByRole('button', { name: 'Create plan' }).click();
  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  // The share panel is on the preview only: once it is there, so is the preview's address.
  await page.locator('summary', { hasText: 'Share link' }).click();
  const planId = page.url().match(/#\/plan\/([^/]+)\/preview/)[1];
  await page.getByLabel('Plain link').check();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByLabel('The link').inputValue();
  const stored = await page.evaluate((id) => localStorage.getItem(`intensive-planner.plan.${id}`), planId);
  return { planId, link, stored };
}
