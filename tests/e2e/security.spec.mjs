import { test, expect, createPlan } from './fixtures.mjs';

test('no request leaves the app origin, and the page runs under a strict CSP', async ({ page, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await createPlan(page, { kap: 'Midway' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');

  const foreign = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
  expect(foreign).toEqual([]);
  expect(requests.length).toBeGreaterThan(2);

  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("'wasm-unsafe-eval'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toMatch(/https?:/);
  // An inline script that is not trunk's own is refused.
  page.expectCspRefusal = true;
  const blocked = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    setTimeout(() => resolve(window.__injected ? 'ran' : 'none'), 500);
  }));
  expect(blocked).toBe('script-src-elem');
});

test("the couple's share page runs under the same strict CSP and asks nothing of other origins", async ({ page, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/share.html#/share/p.AAAA');
  await expect(page.getByRole('heading', { name: 'This link cannot be opened' })).toBeVisible();
  expect(requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin)).toEqual([]);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'none'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toMatch(/https?:/);
});

test('names with markup are shown as text, never run as HTML', async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  await createPlan(page, { a: '<img src=x onerror=alert(1)>', b: '<script>alert(2)</script>' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<img src=x onerror=alert(1)> & <script>alert(2)</script> · 3-day couples intensive');
  await expect(page.locator('main img')).toHaveCount(0);
  await expect(page.locator('main script')).toHaveCount(0);
  await page.getByRole('link', { name: '← Plans' }).click();
  await expect(page.getByRole('link', { name: /<img src=x/ })).toBeVisible();
});
