import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible, createPlan, storageSnapshot, storedPlans, plainShareLink } from './fixtures.mjs';

const NOTE = 'PRIVATE-NOTE-4711';
const PRESCRIBER = 'Dr. Confidential';

/** A 3-day couples plan, KAP midway, with a clinician note, a screening answer, a clearance,
 * Alex dosing and Jordan driving. */
async function clinicalPlan(page) {
  await createPlan(page, { kap: 'Midway' });
  // In the grid a block's buttons show when the pointer is over it (or it has the focus).
  const first = page.getByRole('region', { name: /^Day 1/ }).getByRole('listitem').first();
  await first.hover();
  await first.getByRole('button', { name: /^Edit/ }).click();
  await page.getByLabel('Clinician notes').fill(NOTE);
  await page.getByRole('button', { name: 'Save block' }).click();
  await page.locator('summary', { hasText: 'Screening and logistics' }).click();
  await page.getByLabel('Who doses').selectOption('partner_a');
  await page.getByLabel('Glaucoma').selectOption('no');
  await page.getByLabel('Alex cleared on').fill('2026-11-20');
  await page.getByLabel('Prescriber who cleared Alex').fill(PRESCRIBER);
  await page.getByRole('button', { name: 'Record clearance for Alex' }).click();
  const ride = page.getByLabel('Who drives Alex home after day 2');
  await ride.fill('Jordan');
  await ride.press('Tab');
  await expect(page.getByRole('status')).toHaveText('Ride home recorded.');
}

const clinical = [NOTE, PRESCRIBER, 'Glaucoma', 'Screening', 'screening', 'fasting_hours', 'Clinician'];

test('the preview: plain words per day, the KAP-day advice, nothing clinical; passes axe on a phone', async ({ page }) => {
  await clinicalPlan(page);
  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
  const day2 = page.getByRole('region', { name: /^Day 2/ });
  await expect(day2).toContainText('Stop eating at 06:15, 4 hours before your session at 10:15');
  await expect(day2).toContainText('No alcohol or cannabis for 24 hours');
  await expect(day2).toContainText('Bring an eye mask');
  await expect(day2).toContainText('Alex: do not drive until the next day, after a night\'s sleep. Jordan takes you home.');
  await expect(day2).toContainText('Integration sessions afterwards help you understand');
  await expect(page.getByRole('region', { name: /^Day 1/ })).not.toContainText('Stop eating');
  await expect(page.getByRole('region', { name: /^Day 1/ })).toContainText('Tomorrow is your KAP session, at 10:15.');
  const text = await page.locator('main').innerText();
  for (const secret of clinical) expect(text).not.toContain(secret);
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/preview-phone.png' });
  await day2.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/preview-phone-kap-day.png' });

  // One partner's view: only Sam's own sessions and the joint ones, and no dosing advice (Sam
  // does not dose).
  await page.getByLabel('Show').selectOption('partner_b');
  await expect(page.getByText('Individual session with Alex')).toHaveCount(0);
  await expect(page.getByText('Individual session with Sam')).toHaveCount(1);
  await expect(page.getByText('Stop eating')).toHaveCount(0);
});

test('share links open in an empty browser, with and without a passphrase; damaged links are refused', async ({ page, browser }) => {
  await clinicalPlan(page);
  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  await page.locator('summary', { hasText: 'Share link' }).click();
  // A new link is protected by default, with a generated passphrase of four common words.
  await expect(page.getByLabel('Protected with a passphrase (recommended)')).toBeChecked();
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveValue(/^[a-z]+ [a-z]+ [a-z]+ [a-z]+$/);
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveAttribute('autocomplete', 'off');
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveAttribute('type', 'text');
  await expectAccessible(page);
  const makeLink = async (passphrase) => {
    if (passphrase) {
      await page.getByLabel('Protected with a passphrase (recommended)').check();
      await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    } else {
      await page.getByLabel('Plain link').check();
      await expect(page.getByText('Anyone who sees a plain link')).toBeVisible();
    }
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await expect(page.getByLabel('The link')).toHaveValue(passphrase ? /#\/share\/e600k\./ : /#\/share\/p\./);
    return page.getByLabel('The link').inputValue();
  };
  const plain = await makeLink('');
  expect(plain.length).toBeLessThan(2000);
  // Links open the couple's own small page, never the therapist's app.
  expect(new URL(plain).pathname).toMatch(/\/share\.html$/);
  const fresh = async () => {
    const context = await browser.newContext();
    const other = await context.newPage();
    return { context, other };
  };

  // Without a passphrase: the preview, from the link alone, and "Save a copy".
  {
    const { context, other } = await fresh();
    await other.goto(plain);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
    await expect(other.getByRole('region', { name: /^Day 2/ })).toContainText('Jordan takes you home.');
    const text = await other.locator('main').innerText();
    for (const secret of clinical) expect(text).not.toContain(secret);
    expect(await other.evaluate(() => localStorage.length)).toBe(0);
    await expectAccessible(other);
    // The share page loads none of the therapist's app.
    const loaded = await other.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(loaded.filter((url) => url.includes('intensive-planner-'))).toEqual([]);
    // Its day cards, and back.
    // Its day cards (loaded on demand; the focus goes to their heading), and back.
    await other.getByRole('button', { name: 'Day cards' }).click();
    await expect(other.getByRole('heading', { name: 'Day cards' })).toBeFocused();
    await expect(other.getByRole('button', { name: 'Print day cards' })).toBeVisible();
    await expect(other.locator('.card').first()).toContainText('Alex');
    await other.getByRole('button', { name: '← Back to the schedule' }).click();
    await expect(other.getByRole('heading', { name: 'Alex & Sam · 3-day couples intensive' })).toBeFocused();
    // "Save a copy" hands the schedule to the full app, which saves it and opens its preview.
    await other.getByRole('button', { name: 'Save a copy' }).click();
    await expect(other).toHaveURL(/\/#\/plan\/[^/]+\/preview$/);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
    await expect(other.getByRole('link', { name: '← Back to the plan' })).toBeVisible();
    expect(await other.evaluate(() => sessionStorage.length)).toBe(0);
    const stored = Object.values(await storageSnapshot(other));
    expect(stored).toHaveLength(1);
    for (const secret of [NOTE, PRESCRIBER]) expect(stored[0]).not.toContain(secret);
    await context.close();
  }

  // With a passphrase: asked for, a wrong one refused, the right one opens.
  const locked = await makeLink('correct horse battery');
  expect(locked).toContain('#/share/e600k.');
  {
    const { context, other } = await fresh();
    await other.goto(locked);
    await expect(other.getByRole('heading', { name: 'A protected schedule' })).toBeVisible();
    await other.getByLabel('Passphrase').fill('wrong horse');
    await other.getByRole('button', { name: 'Open' }).click();
    await expect(other.getByRole('alert')).toContainText('The passphrase is not right');
    await other.getByLabel('Passphrase').fill('correct horse battery');
    await other.getByRole('button', { name: 'Open' }).click();
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
    await context.close();
  }

  // Pasted into the app (an installed app has no address bar): a wrong link is explained, a
  // share link opens on the share page.
  {
    const { context, other } = await fresh();
    await other.goto('/');
    await other.locator('summary', { hasText: 'Open a share link' }).click();
    await other.getByLabel('The link you were sent').fill('https://practice.example/#/plan/p-1');
    await other.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(other.locator('#open-link-problem')).toHaveText('This is not a share link.');
    await other.getByLabel('The link you were sent').fill(`  ${plain}  `);
    await other.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(other).toHaveURL(/\/share\.html#\/share\/p\./);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
    await context.close();
  }

  // A link made before the share page had its own entry (index.html#/share/…) still opens, there.
  {
    const { context, other } = await fresh();
    const url = new URL(locked);
    await other.goto(url.pathname.replace(/share\.html$/, '') + url.hash);
    await expect(other).toHaveURL(/\/share\.html#\/share\/e600k\./);
    await expect(other.getByRole('heading', { name: 'A protected schedule' })).toBeVisible();
    await context.close();
  }

  // Cut off, or one character changed: a clear message, never a crash.
  for (const [name, link] of [
    ['truncated', plain.slice(0, plain.length - 40)],
    ['tampered', plain.slice(0, -30) + (plain.at(-30) === 'A' ? 'B' : 'A') + plain.slice(-29)],
    ['not base64', plain.slice(0, -10) + '!!!!!!!!!!'],
  ]) {
    const { context, other } = await fresh();
    const errors = [];
    other.on('pageerror', (e) => errors.push(e.message));
    await other.goto(link);
    await expect(other.getByRole('heading', { name: 'This link cannot be opened' }), name).toBeVisible();
    await expect(other.getByRole('alert'), name).toContainText('damaged');
    expect(errors, name).toEqual([]);
    await context.close();
  }
  {
    const { context, other } = await fresh();
    await other.goto(locked.slice(0, -20));
    await other.getByLabel('Passphrase').fill('correct horse battery');
    await other.getByRole('button', { name: 'Open' }).click();
    await expect(other.getByRole('alert')).toContainText('changed or cut off');
    await context.close();
  }

  // "Show: only Sam" applies to the link: it carries Sam's sessions and the joint ones only.
  await page.getByLabel('Show').selectOption('partner_b');
  await expect(page.getByText('The link is made for Sam only')).toBeVisible();
  const samOnly = await makeLink('');
  {
    const { context, other } = await fresh();
    await other.goto(samOnly);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
    await expect(other.getByText('Individual session with Sam')).toHaveCount(1);
    await expect(other.getByText('Individual session with Alex')).toHaveCount(0);
    await context.close();
  }
});

test('calendar files: UTC times from the plan zone, neutral titles, alarms, one file per partner', async ({ page }) => {
  await page.goto('/#/new');
  await page.getByLabel('Partner A').fill('Alex');
  await page.getByLabel('Partner B').fill('Sam');
  await page.getByLabel('Start date').fill('2026-12-04');
  await page.getByLabel('KAP session').selectOption({ label: 'Midway' });
  await page.getByLabel('Practice time zone').fill('America/Los_Angeles');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  await page.locator('summary', { hasText: 'Calendar file' }).click();
  const save = async (button) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    return readFileSync(await download.path(), 'utf8');
  };
  const all = await save('Calendar for everyone');
  expect(all).toMatch(/^BEGIN:VCALENDAR\r\n/);
  // 09:00 in Los Angeles in December is 17:00 UTC.
  expect(all).toContain('DTSTART:20261204T170000Z');
  // The dosing at 10:15 on day 2 is 18:15 UTC, neutrally titled.
  expect(all).toMatch(/DTSTART:20261205T181500Z\r\nDTEND:20261205T211500Z\r\nSUMMARY:Session\r\n/);
  expect(all).not.toMatch(/ketamine|KAP/i);
  expect(all).toContain('BEGIN:VALARM');
  const events = (text) => (text.match(/BEGIN:VEVENT/g) ?? []).length;
  const alex = await save('Calendar for Alex');
  expect(events(alex)).toBeLessThan(events(all));
  expect(alex).not.toContain('Individual session with Sam');
  await page.getByLabel(/Full session titles/).check();
  expect(await save('Calendar for everyone')).toContain('SUMMARY:KAP dosing session');
  await expect(page.getByRole('status').filter({ hasText: 'Check your downloads for' })).toContainText(/events\.$/);
  // "Show: only Sam" applies to the calendar too: only Sam's calendar is offered.
  await page.getByLabel('Show').selectOption('partner_b');
  await expect(page.getByRole('button', { name: 'Calendar for everyone' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Calendar for Alex' })).toHaveCount(0);
  const sam = await save('Calendar for Sam');
  expect(sam).not.toContain('Individual session with Alex');
});

test('day cards print one page per person per day, with no clinician notes', async ({ page }) => {
  await clinicalPlan(page);
  const id = page.url().split('/plan/')[1];
  await page.goto(`/#/plan/${id}/cards`);
  await expect(page.getByRole('heading', { name: 'Day cards' })).toBeVisible();
  await expect(page.locator('.card')).toHaveCount(6);
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screens/cards-phone.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('body').innerText();
  for (const secret of clinical) expect(printed).not.toContain(secret);
  expect(printed).not.toContain('Print day cards');
  expect(printed).toContain('Jordan takes you home.');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  expect(pages).toBe(6);

  // The therapist's full agenda prints without the app's chrome.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`/#/plan/${id}`);
  await page.emulateMedia({ media: 'print' });
  const agenda = await page.locator('body').innerText();
  expect(agenda).toContain('KAP dosing session');
  for (const chrome of ['Undo', 'Add block', 'Findings', 'Delete plan', 'Intensive Planner']) expect(agenda).not.toContain(chrome);
});

test('backups: export then import is lossless; conflicts are asked about; a malformed file changes nothing', async ({ page }) => {
  await clinicalPlan(page);
  await page.goto('/');
  const before = await storageSnapshot(page);
  const beforePlans = await storedPlans(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all plans' }).click()]);
  const file = await download.path();
  const backup = JSON.parse(readFileSync(file, 'utf8'));
  expect(backup.plans).toHaveLength(1);
  // The backup has the version the app writes, as stored.
  const stored = JSON.parse(Object.values(await storageSnapshot(page))[0]);
  expect(backup.format_version).toBe(stored.format_version);
  expect(backup.format_version).toBeGreaterThanOrEqual(5);

  // Delete, then import: the plan comes back exactly.
  await page.getByRole('link', { name: 'Alex & Sam · 3-day couples intensive' }).click();
  await page.getByRole('button', { name: 'Delete plan' }).click();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  expect(await storageSnapshot(page)).toEqual({});
  await page.getByLabel('Import a backup').setInputFiles(file);
  await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
  await expect(page.locator('.import-review')).toContainText('will be added');
  expect(await storageSnapshot(page)).toEqual({});
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported 1 plan.')).toBeVisible();
  // Writes follow the painted frame; poll until they land.
  // The plan is back exactly (as a new stored entry: its save count starts again).
  await expect.poll(() => storedPlans(page)).toEqual(beforePlans);
  const restored = await storageSnapshot(page);

  // The same plan, changed elsewhere: asked about; "keep both" adds a copy, the original stays.
  backup.plans[0].title = 'Changed on another device';
  await page.getByLabel('Import a backup').setInputFiles({ name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await expect(page.locator('.import-review')).toContainText('differs from “Alex & Sam · 3-day couples intensive”');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect.poll(() => storageSnapshot(page).then((s) => Object.keys(s).length)).toBe(2);
  const after = await storageSnapshot(page);
  for (const [key, value] of Object.entries(restored)) expect(after[key]).toBe(value);
  await expect(page.getByRole('link', { name: 'Changed on another device (imported)' })).toBeVisible();

  // Malformed and hostile files: a message, and nothing changes.
  for (const [name, body] of [
    ['cut.json', '{"format_version":2,"plans":[{"id":'],
    ['script.json', '<script>alert(1)</script>'],
    ['newer.json', '{"format_version":99,"plans":[]}'],
  ]) {
    await page.getByLabel('Import a backup').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was imported' }), name).toBeVisible();
    expect(await storageSnapshot(page), name).toEqual(after);
  }
});

test('KAP on day 1: the evening before has its own section in the preview and its own day card', async ({ page }) => {
  await createPlan(page, { kap: 'At the start' });
  const id = page.url().split('/plan/')[1];
  await page.goto(`/#/plan/${id}/preview`);
  const evening = page.getByRole('region', { name: 'The evening before · Thu 3 Dec 2026' });
  await expect(evening).toContainText('Tomorrow your intensive begins, with your KAP session at 10:45.');
  await expect(evening).toContainText('No alcohol or cannabis from today.');
  await expectAccessible(page);
  await page.goto(`/#/plan/${id}/cards`);
  // Both dose (the default): each partner gets the evening card and one card per day.
  await expect(page.locator('.card')).toHaveCount(8);
  await expect(page.locator('.card h2', { hasText: 'The evening before' })).toHaveCount(2);
  await expectAccessible(page);
});

/** A 3-day plan made on a device in Los Angeles (the practice's zone), open at its preview. */
async function previewInLosAngeles(browser) {
  const practice = await browser.newContext({ timezoneId: 'America/Los_Angeles' });
  const page = await practice.newPage();
  await page.goto('/#/new');
  await page.getByLabel('Partner A').fill('Alex');
  await page.getByLabel('Partner B').fill('Sam');
  await page.getByLabel('Start date').fill('2026-12-04');
  await expect(page.getByLabel('Practice time zone')).toHaveValue('America/Los_Angeles');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  return { practice, page };
}

test("the couple's own clock: times on theirs beside the practice's when their device's zone differs, and not when it matches", async ({ browser }) => {
  // The therapist plans in Los Angeles, on a device in Los Angeles: no second clock.
  const { practice, page } = await previewInLosAngeles(browser);
  const first = (p) => p.getByRole('region', { name: /^Day 1/ }).getByRole('listitem').first();
  await expect(page.locator('.summary')).toHaveText('Times are in America/Los_Angeles.');
  await expect(first(page).locator('.when')).toHaveText('09:00–10:30');
  await expect(page.getByText('your time')).toHaveCount(0);
  const link = await plainShareLink(page);

  // The couple opens the link in New York: both clocks, for every block.
  const couple = await browser.newContext({ timezoneId: 'America/New_York' });
  const phone = await couple.newPage();
  await phone.goto(link);
  await expect(phone.locator('.summary')).toHaveText('Times are in Los Angeles time (America/Los_Angeles). Your device is set to America/New_York, so each time is shown on your clock too.');
  await expect(first(phone).locator('.when')).toHaveText('09:00–10:30in Los Angeles12:00–13:30 your time');
  const blocks = await phone.locator('.preview-item').count();
  await expect(phone.locator('.when .theirs')).toHaveCount(blocks);
  await expectAccessible(phone);

  // In Sydney the morning is the next day's small hours: their date is written out.
  const far = await browser.newContext({ timezoneId: 'Australia/Sydney' });
  const other = await far.newPage();
  await other.goto(link);
  await expect(first(other).locator('.theirs')).toHaveText('04:00–05:30 your time, Sat 5 Dec 2026');

  // Back in Los Angeles, the same link shows one clock.
  const home = await practice.newPage();
  await home.goto(link);
  await expect(first(home).locator('.when')).toHaveText('09:00–10:30');
  await expect(home.locator('.when .theirs')).toHaveCount(0);
  for (const context of [practice, couple, far]) await context.close();
});

test("the couple's home time zone, set by the therapist: each time on their home clock too, where the device is on the practice's", async ({ browser }) => {
  const { practice, page } = await previewInLosAngeles(browser);
  const first = (p) => p.getByRole('region', { name: /^Day 1/ }).getByRole('listitem').first();
  const zone = page.getByLabel("The couple's home time zone");
  await expect(zone).toHaveValue('');

  // A name no browser knows is explained, and nothing is kept.
  await zone.fill('New York');
  await zone.press('Tab');
  await expect(page.getByRole('alert').filter({ hasText: 'is not a time zone' })).toHaveText(
    '“New York” is not a time zone this browser knows. Enter a name such as America/New_York, or leave it empty for the device\'s own zone.');
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('in New York')).toHaveCount(0);
  await expectAccessible(page);

  await zone.fill('America/New_York');
  await zone.press('Enter');
  await expect(page.locator('.summary')).toHaveText('Times are in Los Angeles time (America/Los_Angeles). Each time is also shown in New York time (America/New_York).');
  await expect(first(page).locator('.theirs')).toHaveText('12:00–13:30 in New York');
  await expect(page.getByLabel("The couple's home time zone")).toBeFocused();
  await expect(page.getByLabel("The couple's home time zone")).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByLabel("The couple's home time zone")).toHaveValue('America/New_York');

  // The link carries it: a phone already in Los Angeles shows their home clock; a device
  // elsewhere shows its own.
  const link = await plainShareLink(page);
  const phone = await practice.newPage();
  await phone.goto(link);
  await expect(first(phone).locator('.theirs')).toHaveText('12:00–13:30 in New York');
  const far = await browser.newContext({ timezoneId: 'Australia/Sydney' });
  const other = await far.newPage();
  await other.goto(link);
  await expect(first(other).locator('.theirs')).toHaveText('04:00–05:30 your time, Sat 5 Dec 2026');

  // Cleared, the preview shows one clock again.
  await page.getByLabel("The couple's home time zone").fill('');
  await page.getByLabel("The couple's home time zone").press('Enter');
  await expect(page.locator('.summary')).toHaveText('Times are in America/Los_Angeles.');
  await expect(page.locator('.when .theirs')).toHaveCount(0);
  for (const context of [practice, far]) await context.close();
});
