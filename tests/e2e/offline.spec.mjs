// The fast-and-offline issue: once loaded, the app, a plan, its preview and a share link open
// with no network (the service worker, web/sw.js); a new build is offered, never forced.
import { test, expect, expectAccessible, createPlan, plainShareLink, offlineReady, laterVisit, keptSources } from './fixtures.mjs';

test('with no network, the plan list, a plan, its preview and a share link still open', async ({ page, context }) => {
  await createPlan(page, { kap: 'Midway' });
  await expect(page.getByRole('region', { name: /^Day 1\b/ })).toBeVisible();
  await offlineReady(page);
  const plan = page.url();
  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  const link = await plainShareLink(page);

  await context.setOffline(true);
  // Truly offline: a file the service worker does not keep cannot be fetched.
  page.expectOfflineRequest = true;
  expect(await page.evaluate(() => fetch('./not-kept.txt').then(() => 'online', () => 'offline'))).toBe('offline');
  await page.goto(plan);
  await expect(page.getByRole('region', { name: /^Day 1\b/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: /^Day 2\b/ })).toContainText('KAP');
  await page.goto('/#/');
  await expect(page.getByRole('link', { name: /Alex & Sam/ })).toBeVisible();
  await page.goto(plan + '/preview');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
  await expect(page.getByRole('region', { name: /^Day 2/ })).toBeVisible();
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
  await expect(page.getByRole('region', { name: /^Day 2/ })).toBeVisible();
  // The share page's parts loaded on demand were kept too.
  await page.locator('summary', { hasText: 'Calendar file' }).click();
  await expect(page.getByRole('button', { name: 'Calendar for everyone' })).toBeVisible();
  await page.getByRole('button', { name: 'Day cards' }).click();
  await expect(page.getByRole('button', { name: 'Print day cards' })).toBeVisible();
  await context.setOffline(false);
});

test("a couple's phone that only opens a share link keeps the couple's page, not the app, until the app is opened there", async ({ browser, page }) => {
  await createPlan(page);
  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  const link = await plainShareLink(page);
  // The couple's phone: a browser of its own, which has never opened the app.
  const phone = await browser.newContext();
  const couple = await phone.newPage();
  await couple.goto(link);
  await expect(couple.getByRole('region', { name: /^Day 2/ })).toBeVisible();
  await offlineReady(couple);
  const kept = () => couple.evaluate(async () => {
    const lists = await Promise.all((await caches.keys()).map((key) => caches.open(key).then((cache) => cache.keys())));
    return lists.flat().map((request) => new URL(request.url).pathname);
  });
  const appFiles = (files) => files.filter((file) => file === '/' || file === '/index.html' || /^\/intensive-planner-\w+(?:_bg\.wasm|\.js)$/.test(file) || /^\/split_(?:new_plan|backups|plan_panels|preview_page)-/.test(file));
  const files = await kept();
  expect(files).toEqual(expect.arrayContaining(['/share.html', expect.stringMatching(/^\/share-\w+_bg\.wasm$/), expect.stringMatching(/^\/split_calendar-/), expect.stringMatching(/\.css$/)]));
  expect(appFiles(files)).toEqual([]);
  // With no network, the link opens from what was kept, its parts too.
  await phone.setOffline(true);
  await couple.reload();
  await expect(couple.getByRole('region', { name: /^Day 2/ })).toBeVisible();
  await couple.getByRole('button', { name: 'Day cards' }).click();
  await expect(couple.getByRole('button', { name: 'Print day cards' })).toBeVisible();
  await couple.getByRole('button', { name: '← Back to the schedule' }).click();

  // "Save a copy" opens the app, which asks the worker to keep it: then it opens offline too.
  await phone.setOffline(false);
  await couple.getByRole('button', { name: 'Save a copy' }).click();
  await expect(couple).toHaveURL(/\/#\/plan\/[^/]+\/preview$/);
  await expect(couple.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
  await expect.poll(async () => appFiles(await kept()).length, { timeout: 15_000 }).toBe(8);
  await phone.setOffline(true);
  await couple.goto(new URL('/#/', link).href);
  await expect(couple.getByRole('link', { name: /Alex & Sam/ })).toBeVisible();
  await couple.getByRole('button', { name: 'New plan' }).click();
  await expect(couple.getByLabel('Partner A')).toBeVisible();
  await phone.close();
});

test('a later visit is answered from the kept build by the browser, without waiting for the worker (Chromium)', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'New plan' })).toBeVisible();
  await offlineReady(page);
  const errors = [];
  let later = await laterVisit(context, page, '/', errors);
  await expect(later.getByRole('button', { name: 'New plan' })).toBeVisible();
  // The page (the folder's address), its stylesheet, scripts and wasm.
  const sources = await keptSources(later);
  expect(sources.map(([path]) => path)).toEqual(expect.arrayContaining(['/', expect.stringMatching(/_bg\.wasm$/), expect.stringMatching(/\.css$/)]));
  for (const [path, matched, answered] of sources) expect([path, matched, answered]).toEqual([path, 'cache', 'cache']);
  // And with no network: the folder's address is kept as its index.html.
  await context.setOffline(true);
  later = await laterVisit(context, later, '/', errors);
  await expect(later.getByRole('button', { name: 'New plan' })).toBeVisible();
  await context.setOffline(false);
  expect(errors).toEqual([]);
});

/** The `v8.wasm.*` trace events of the page's main wasm (`_bg.wasm`) while `during` runs. */
async function wasmCacheEvents(browser, page, during) {
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline'] });
  await during();
  const trace = JSON.parse((await browser.stopTracing()).toString());
  return (trace.traceEvents ?? trace).filter((e) => e.name.startsWith('v8.wasm.') && (!e.args?.url || e.args.url.endsWith('_bg.wasm'))).map((e) => e.name);
}

test('a later visit reads back the compiled wasm, because the kept pages do not preload it (Chromium)', async ({ browser, page, context }) => {
  // From the network a page preloads its wasm, to start the largest download early.
  const wasmPreload = 'link[rel=preload][href$="_bg.wasm"]';
  await createPlan(page);
  await expect(page.getByRole('region', { name: /^Day 1\b/ })).toBeVisible();
  await expect(page.locator(wasmPreload)).toHaveCount(1);
  await offlineReady(page);
  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  const link = await plainShareLink(page);
  const errors = [];
  // Kept by the worker, neither page has that hint: a wasm it fetched never gets its compiled
  // code back from Chromium's code cache.
  let later = await laterVisit(context, page, '/', errors);
  await expect(later.getByRole('link', { name: /Alex & Sam/ })).toBeVisible();
  await expect(later.locator(wasmPreload)).toHaveCount(0);
  const share = await context.newPage();
  await share.goto(link);
  await expect(share.getByRole('heading', { level: 1 })).toContainText('Alex & Sam');
  await expect(share.locator(wasmPreload)).toHaveCount(0);
  await share.close();
  // This visit's compiled code is written to the cache once V8 has optimised some of it and
  // then stayed idle for 2 s; the next visit reads it back.
  later = await laterVisit(context, later, '/', errors);
  const written = await wasmCacheEvents(browser, later, async () => {
    await later.getByRole('link', { name: /Alex & Sam/ }).first().click();
    await expect(later.getByRole('region', { name: /^Day 1\b/ })).toBeVisible();
    await later.waitForTimeout(6000);
  });
  expect(written).toContain('v8.wasm.cachedModule');
  // The next visit, traced from before it asks for the page (a blank tab first).
  later = await laterVisit(context, later, 'about:blank', errors);
  const read = await wasmCacheEvents(browser, later, async () => {
    await later.goto('/');
    await expect(later.getByRole('link', { name: /Alex & Sam/ })).toBeVisible();
  });
  expect(read).toContain('v8.wasm.moduleCacheHit');
  expect(read).not.toContain('v8.wasm.moduleCacheInvalid');
  expect(errors).toEqual([]);
});

/** Holds back the files `pattern` matches until the returned function is called (later
 *  requests for them go through once it is). */
async function holdBack(page, pattern) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => { await held; await route.continue(); });
  return release;
}

test.describe('a part of the app loaded on demand', () => {
  // No service worker, so the part's file comes from the network, where the test refuses it.
  test.use({ serviceWorkers: 'block' });

  test('that cannot be fetched says so; the page around it works, and a later visit loads it', async ({ page }) => {
    await createPlan(page);
    await expect(page.getByRole('region', { name: /^Day 1\b/ })).toBeVisible();
    const plan = page.url();
    const refused = [];
    page.expectOfflineRequest = true;
    await page.route(/\/(split_|chunk_)[\w-]+\.wasm$/, (route) => {
      refused.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    await page.goto('/');
    await page.reload();
    await page.goto('/#/new');
    const notice = page.getByRole('alert').filter({ hasText: 'This part of the app could not be loaded' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Your plans are safe in this browser.');
    expect(refused.some((url) => /split_new_plan-/.test(url))).toBe(true);
    // The plan's page: the agenda draws from the app's first file; only its closed panels wait.
    await page.goto(plan);
    await expect(page.getByRole('region', { name: /^Day 1\b/ })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'This part of the app could not be loaded' })).toBeVisible();
    await expectAccessible(page);

    await page.unroute(/\/(split_|chunk_)[\w-]+\.wasm$/);
    // A failed load is not remembered: the next visit to the page fetches the part again.
    await page.goto('/#/new');
    await expect(page.getByLabel('Partner A')).toBeVisible();
    await page.goto(plan);
    await expect(page.locator('summary', { hasText: 'Title, dates and days' })).toBeVisible();
    await expect(page.getByText('This part of the app could not be loaded')).toHaveCount(0);
    await page.goto('/');
    await expect(page.getByRole('link', { name: /Alex & Sam/ })).toHaveCount(1);
  });

  test('that is slow to arrive says "Loading…" where it will be, until it is drawn', async ({ page }) => {
    const loading = page.getByRole('status').filter({ hasText: 'Loading…' });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible();
    let release = await holdBack(page, /\/split_new_plan-[\w-]+\.wasm$/);
    await page.getByRole('button', { name: 'New plan' }).click();
    await expect(loading).toBeVisible();
    await expectAccessible(page);
    release();
    await expect(page.getByLabel('Partner A')).toBeVisible();
    await expect(loading).toBeHidden();

    // The couple's page: the day cards, behind the schedule.
    await createPlan(page);
    await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
    const link = await plainShareLink(page);
    await page.goto(link);
    await expect(page.getByRole('region', { name: /^Day 2/ })).toBeVisible();
    release = await holdBack(page, /\/split_day_cards-[\w-]+\.wasm$/);
    await page.getByRole('button', { name: 'Day cards' }).click();
    await expect(loading).toBeVisible();
    release();
    await expect(page.getByRole('button', { name: 'Print day cards' })).toBeVisible();
    await expect(loading).toBeHidden();
  });

  test("while a page's own wasm is on its way, the page says so, in both languages on the couple's", async ({ page }) => {
    const boot = page.locator('body > p.loading');
    let release = await holdBack(page, /\/intensive-planner-\w+_bg\.wasm$/);
    await page.goto('/', { waitUntil: 'commit' });
    await expect(boot).toHaveText('Loading…');
    await expect(boot).toBeVisible();
    await expectAccessible(page);
    release();
    await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible();
    await expect(boot).toBeHidden();

    await createPlan(page);
    await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
    const link = await plainShareLink(page);
    release = await holdBack(page, /\/share-\w+_bg\.wasm$/);
    await page.goto(link, { waitUntil: 'commit' });
    await expect(boot).toHaveText('Opening the shared schedule…Abriendo el horario compartido…');
    await expect(boot.locator('span[lang="es"]')).toBeVisible();
    await expectAccessible(page);
    release();
    await expect(page.getByRole('region', { name: /^Day 2/ })).toBeVisible();
    await expect(boot).toBeHidden();
  });

  test("whose own wasm cannot be fetched says so in place of its loading line, and tries again at the same address", async ({ page }) => {
    page.expectOfflineRequest = true;
    const boot = page.locator('body > p.loading');
    const retry = page.getByRole('button', { name: 'Try again' });
    const refuse = (route) => route.abort('internetdisconnected');
    await page.route(/\/intensive-planner-\w+_bg\.wasm$/, refuse);
    await page.goto('/');
    await expect(page.getByText('Intensive Planner could not be loaded. Check the connection, then try again. Your plans are safe in this browser.')).toBeVisible();
    await expect(retry).toBeFocused();
    await expect(boot).toBeHidden();
    await expectAccessible(page);
    await page.unroute(/\/intensive-planner-\w+_bg\.wasm$/);
    await retry.press('Enter');
    await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible();
    await expect(retry).toBeHidden();

    // The couple's page, in both of their languages; trying again keeps the link's data.
    await createPlan(page);
    await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
    const link = await plainShareLink(page);
    await page.route(/\/share-\w+\.js$/, refuse);
    await page.goto(link);
    const notice = page.locator('.load-failed');
    await expect(notice).toContainText('The shared schedule could not be loaded. Check the connection, then try again.');
    await expect(notice.locator('span[lang="es"]').first()).toHaveText('No se pudo cargar el horario compartido. Compruebe la conexión y vuelva a intentarlo.');
    const again = page.getByRole('button', { name: 'Try again · Reintentar' });
    await expect(again).toBeFocused();
    await expect(boot).toBeHidden();
    await expectAccessible(page);
    await page.unroute(/\/share-\w+\.js$/);
    await again.click();
    await expect(page.getByRole('region', { name: /^Day 2/ })).toBeVisible();
    expect(page.url()).toBe(link);
    await expect(notice).toBeHidden();
  });

  test("on the couple's page, says so in the couple's words where the part would be", async ({ page }) => {
    await createPlan(page);
    await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
    const link = await plainShareLink(page);
    const refused = [];
    page.expectOfflineRequest = true;
    await page.route(/\/(split_|chunk_)[\w-]+\.wasm$/, (route) => {
      refused.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    await page.goto(link);
    // The schedule is in the share page's first file.
    await expect(page.getByRole('region', { name: /^Day 2/ })).toBeVisible();
    const notice = page.getByRole('alert').filter({ hasText: 'This part of the page could not be loaded. Check the connection, then reload the page.' });
    await page.locator('summary', { hasText: 'Calendar file' }).click();
    await expect(notice).toBeVisible();
    expect(refused.some((url) => /split_calendar-/.test(url))).toBe(true);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Day cards' }).click();
    await expect(notice).toBeVisible();
    expect(refused.some((url) => /split_day_cards-/.test(url))).toBe(true);
    // The schedule is hidden behind the cards: the way back is there, with the focus on it.
    await expect(page.getByRole('button', { name: '← Back to the schedule' })).toBeFocused();
    await expectAccessible(page);
    await page.getByRole('button', { name: '← Back to the schedule' }).click();
    await expect(page.getByRole('heading', { name: 'Alex & Sam · 3-day couples intensive' })).toBeFocused();

    await page.unroute(/\/(split_|chunk_)[\w-]+\.wasm$/);
    await page.reload();
    await page.locator('summary', { hasText: 'Calendar file' }).click();
    await expect(page.getByRole('button', { name: 'Calendar for everyone' })).toBeVisible();
    await page.getByRole('button', { name: 'Day cards' }).click();
    await expect(page.getByRole('button', { name: 'Print day cards' })).toBeVisible();
    await expect(page.getByText('This part of the page could not be loaded')).toHaveCount(0);
  });
});

test.describe('a new build', () => {
  test.afterEach(async ({ request }) => {
    await request.get('/__test__/this-build');
  });

  test('is offered with "Reload to update", never swapped under an open form', async ({ page, request }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'New plan' })).toBeVisible();
    await offlineReady(page);
    await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);

    await request.get('/__test__/next-build');
    await page.goto('/#/new');
    await page.reload();
    await page.getByLabel('Partner A').fill('Alex');
    const banner = page.getByRole('status').filter({ hasText: 'A new version of Intensive Planner is ready' });
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await expectAccessible(page);
    // Nothing reloads on its own: what was typed stays.
    await page.waitForTimeout(500);
    await expect(page.getByLabel('Partner A')).toHaveValue('Alex');

    await banner.getByRole('button', { name: 'Reload to update' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForEvent('load');
    await expect(page.getByRole('button', { name: 'Create plan' })).toBeVisible();
    await expect(page.getByLabel('Partner A')).toHaveValue('');
    await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);
    const waiting = await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting));
    expect(waiting).toBe(false);
  });

  test("installed while only the couple's page is open, keeps the app where the build before had kept it", async ({ page, context }) => {
    await createPlan(page);
    await offlineReady(page);
    const cacheNames = () => page.evaluate(() => caches.keys());
    const [before] = await cacheNames();
    await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
    const link = await plainShareLink(page);
    await page.goto(link);
    await expect(page.getByRole('region', { name: /^Day 2/ })).toBeVisible();

    await page.request.get('/__test__/next-build');
    await page.reload();
    const banner = page.getByRole('status').filter({ hasText: 'A new version of Intensive Planner is ready' });
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload to update' }).click()]);
    await expect(page.getByRole('region', { name: /^Day 2/ })).toBeVisible();
    // The build before's cache is gone once the new worker is active; the new one holds the app.
    await expect.poll(async () => (await cacheNames()).map((name) => name === before)).toEqual([false]);
    expect(await page.evaluate(async () => Boolean(await (await caches.open((await caches.keys())[0])).match('./index.html')))).toBe(true);
    await context.setOffline(true);
    await page.goto('/#/');
    await expect(page.getByRole('link', { name: /Alex & Sam/ })).toBeVisible();
    await context.setOffline(false);
  });
});
