// The fast-and-offline issue: the same dist/ works at the site root and in a sub-folder,
// because every asset path in the built index.html is relative.
import { test, expect, expectAccessible, plainShareLink, offlineReady, laterVisit, keptSources } from './fixtures.mjs';

test('served from a sub-folder, the app loads every file from there, keeps a plan, opens its preview and a share link', async ({ page, context }) => {
  const failed = [];
  const outside = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  // The test server answers at the root too, so a root-absolute asset path would load; it must
  // not be asked for.
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && !url.pathname.startsWith('/in/a/folder/')) outside.push(url.pathname);
  });
  await page.goto('/in/a/folder/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New plan' }).click();
  await expect(page).toHaveURL(/\/in\/a\/folder\/(index\.html)?#\/new$/);
  await page.getByLabel('Partner A').fill('Alex');
  await page.getByLabel('Partner B').fill('Sam');
  await page.getByLabel('Start date').fill('2026-12-04');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByRole('region', { name: /^Day 1\b/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: /^Day 1\b/ })).toBeVisible();
  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  await expect(page).toHaveURL(/\/in\/a\/folder\/.*#\/plan\/.+\/preview$/);
  await expect(page.getByRole('region', { name: /^Day 1\b/ })).toBeVisible();
  await expectAccessible(page);
  // A share link points at the share page in the same folder, which loads from there too.
  const link = await plainShareLink(page);
  expect(new URL(link).pathname).toBe('/in/a/folder/share.html');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
  const shareFiles = await page.evaluate(() => [...document.querySelectorAll('script[src], link[href]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')));
  for (const url of shareFiles.filter((u) => !u.startsWith('data:'))) expect(url).toMatch(/^\.\//);
  await page.goBack();
  await expect(page.getByRole('region', { name: /^Day 1\b/ })).toBeVisible();
  const scripts = await page.evaluate(() => [...document.querySelectorAll('script[src], link[href]')].map((e) => e.getAttribute('src') ?? e.getAttribute('href')));
  for (const url of scripts.filter((u) => !u.startsWith('data:'))) expect(url).toMatch(/^\.\//);
  expect(failed).toEqual([]);
  expect(outside).toEqual([]);
  // A later visit is answered by the service worker's static routes for the folder (Chromium).
  await offlineReady(page);
  const errors = [];
  const later = await laterVisit(context, page, '/in/a/folder/', errors);
  await expect(later.getByRole('heading', { level: 1 })).toBeVisible();
  const sources = await keptSources(later);
  expect(sources.map(([path]) => path)).toContain('/in/a/folder/');
  for (const [path, matched, answered] of sources) expect([path, matched, answered]).toEqual([path, 'cache', 'cache']);
  expect(errors).toEqual([]);
});
