import { test, expect, expectAccessible, createPlan, dayItems, storageSnapshot, storedPlans } from './fixtures.mjs';

const day = (page, n) => page.getByRole('region', { name: new RegExp(`^Day ${n}\\b`) });
const block = (page, n, text) => day(page, n).getByRole('listitem').filter({ hasText: text });
const findings = (page) => page.getByRole('complementary', { name: 'Findings' });
const dosingDay = async (page) => {
  for (let n = 1; n <= 3; n += 1) {
    if ((await dayItems(page, n)).some((t) => t.includes('KAP dosing'))) return n;
  }
  return 0;
};

test('keyboard alone: add, move, resize and delete a block, then re-place KAP from the start to midway', async ({ page }) => {
  await createPlan(page, { kap: 'At the start' });
  expect(await dosingDay(page)).toBe(1);

  // Add a block to day 3: the form opens with the focus on its first field, and offers the
  // hour after the day's last block.
  await page.getByRole('button', { name: 'Add block to day 3' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Kind')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Title', { exact: true })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Walk and talk');
  await page.keyboard.press('Enter');
  const walk = block(page, 3, 'Walk and talk');
  await expect(walk).toHaveCount(1);
  await expect(walk).toBeFocused();
  await expect(walk).toContainText(/^16:15–17:15 Joint session Walk and talk/);

  // Later, longer, then to the previous day; the focus stays on the block.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(block(page, 3, 'Walk and talk')).toContainText(/^16:30–17:30/);
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(block(page, 3, 'Walk and talk')).toContainText(/^16:30–17:45/);
  await page.keyboard.press('Alt+ArrowUp');
  await expect(block(page, 3, 'Walk and talk')).toContainText(/^16:15–17:30/);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(block(page, 3, 'Walk and talk')).toHaveCount(0);
  await expect(block(page, 2, 'Walk and talk')).toContainText(/^16:15–17:30/);
  await expect(block(page, 2, 'Walk and talk')).toBeFocused();
  await expect(page.getByRole('status')).toHaveText('Moved to day 2.');

  // Enter opens the block's form; Escape closes it and gives the focus back to the block.
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Kind')).toBeFocused();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Walk and talk');
  await page.keyboard.press('Escape');
  await expect(page.locator('.block-form')).toHaveCount(0);
  await expect(block(page, 2, 'Walk and talk')).toBeFocused();

  await page.keyboard.press('Delete');
  await expect(block(page, 2, 'Walk and talk')).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Deleted “Walk and talk”');
  // The keyboard stays in the day: its "Add block" button takes the focus.
  await expect(page.getByRole('button', { name: 'Add block to day 2' })).toBeFocused();

  // Re-place KAP: open the panel and place it midway.
  const summary = page.locator('summary', { hasText: 'KAP placement' });
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('The dosing is on day 1 at 10:45.')).toBeVisible();
  await expect(page.getByLabel('Place KAP')).toHaveValue('midway');
  await page.getByRole('button', { name: 'Place KAP' }).focus();
  await page.keyboard.press('Enter');
  expect(await dosingDay(page)).toBe(2);
  await expect(page.getByText('The dosing is on day 2 at 10:15.')).toBeVisible();
  // The whole bundle moved and nothing overlaps.
  const day2 = await dayItems(page, 2);
  expect(day2.findIndex((t) => t.includes('KAP preparation'))).toBeLessThan(day2.findIndex((t) => t.includes('KAP dosing')));
  // The day after the dose opens with integration.
  expect((await dayItems(page, 3))[0]).toContain('KAP integration');
  expect((await dayItems(page, 1)).some((t) => /KAP|Vitals/.test(t))).toBe(false);
  await expect(findings(page).locator('[data-code="overlap"]')).toHaveCount(0);

  // Everything survives a reload.
  const before = [await dayItems(page, 1), await dayItems(page, 2), await dayItems(page, 3)];
  await page.reload();
  expect([await dayItems(page, 1), await dayItems(page, 2), await dayItems(page, 3)]).toEqual(before);
});

test('drag and drop: onto a block puts the dragged one right after it; onto a day moves it there', async ({ page }) => {
  // Tall enough that both blocks are in view: Chromium starts the drag only once the pointer
  // moves, so a scroll between press and move would pick up another block.
  await page.setViewportSize({ width: 1280, height: 2400 });
  await createPlan(page, { days: '2' });
  // Drag and drop onto blocks and days is the list's; the grid drags by time (grid.spec.mjs).
  await page.getByRole('button', { name: 'List', exact: true }).click();
  const closing = block(page, 2, 'Closing');
  const text = await closing.textContent();
  const duration = text.match(/^(\d\d):(\d\d)–(\d\d):(\d\d)/).slice(1).map(Number);
  const length = duration[2] * 60 + duration[3] - duration[0] * 60 - duration[1];

  const first = day(page, 1).getByRole('listitem').first();
  const firstEnd = (await first.textContent()).match(/^\d\d:\d\d–(\d\d:\d\d)/)[1];
  await closing.dragTo(first);
  const moved = block(page, 1, 'Closing');
  await expect(moved).toHaveCount(1);
  await expect(block(page, 2, 'Closing')).toHaveCount(0);
  const [h, m] = firstEnd.split(':').map(Number);
  const end = h * 60 + m + length;
  const pad = (n) => String(n).padStart(2, '0');
  await expect(moved).toContainText(`${firstEnd}–${pad(Math.floor(end / 60))}:${pad(end % 60)}`);
  // It now overlaps what followed: the checker says so, and undo mends it.
  await expect(findings(page).locator('[data-code="overlap"]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(block(page, 2, 'Closing')).toHaveText(text);
  await expect(findings(page).locator('[data-code="overlap"]')).toHaveCount(0);

  // Onto the day's heading area: the block keeps its time and changes day.
  await block(page, 2, 'Closing').dragTo(day(page, 1).getByRole('heading'));
  await expect(block(page, 1, 'Closing')).toContainText(text.slice(0, 11));
});

test('findings appear and disappear as rules are broken and mended; undo and redo by button and shortcut', async ({ page }) => {
  await createPlan(page, { kap: 'Midway' });
  const overlap = findings(page).locator('[data-code="overlap"]');
  const clearance = findings(page).locator('[data-code="no_clearance"]');
  await expect(overlap).toHaveCount(0);
  await expect(clearance).toHaveCount(2);
  const original = await storedPlans(page);

  // A block on top of the first session breaks the overlap rule.
  await page.getByRole('button', { name: 'Add block to day 1' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Extra session');
  await page.getByLabel('Starts', { exact: true }).fill('09:00');
  await page.getByLabel('Ends', { exact: true }).fill('10:00');
  await page.getByRole('button', { name: 'Add block', exact: true }).click();
  await expect(overlap).toHaveCount(1);
  await expect(overlap).toContainText('Extra session');
  // The finding's link takes the focus to the block.
  await overlap.getByRole('button', { name: /Show “Extra session”/ }).click();
  await expect(block(page, 1, 'Extra session')).toBeFocused();

  // A bad time gets a message and changes nothing.
  await block(page, 1, 'Extra session').getByRole('button', { name: /^Edit/ }).click();
  await page.getByLabel('Ends', { exact: true }).fill('08:00');
  await page.getByRole('button', { name: 'Save block' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A block must end after it starts.' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(block(page, 1, 'Extra session')).toContainText('09:00–10:00');

  // Undo and redo with the buttons, then with the keyboard.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(overlap).toHaveCount(0);
  await expect.poll(() => storedPlans(page)).toEqual(original);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(overlap).toHaveCount(1);
  await page.locator('h1').focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(overlap).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(overlap).toHaveCount(1);

  // Recording each partner's clearance mends that warning (one per person who may dose).
  await page.locator('summary', { hasText: 'Screening and logistics' }).click();
  await expect(clearance).toHaveCount(2);
  for (const name of ['Alex', 'Sam']) {
    await page.getByLabel(`${name} cleared on`).fill('2026-11-20');
    await page.getByLabel(`Prescriber who cleared ${name}`).fill('Dr. Rivera');
    await page.getByRole('button', { name: `Record clearance for ${name}` }).click();
  }
  await expect(clearance).toHaveCount(0);
  // A "yes" on screening is an error; "no" mends it.
  const flag = findings(page).locator('[data-code="screening_flag"]');
  await page.getByLabel('Glaucoma').first().selectOption('yes');
  await expect(flag).toHaveCount(1);
  await page.getByLabel('Glaucoma').first().selectOption('no');
  await expect(flag).toHaveCount(0);
  // A ride home for the dosing partner mends that warning.
  const rides = findings(page).locator('[data-code="no_ride_home"]');
  await page.getByLabel('Who doses').selectOption('partner_a');
  await expect(rides).toHaveCount(1);
  await expect(rides).toContainText('Alex');
  // A ride home needs a sober adult: Alex cannot drive after the dose, and when both dose,
  // Sam cannot drive Alex.
  const sober = findings(page).locator('[data-code="driver_not_sober"]');
  await page.getByLabel('Who drives Alex home after day 2').fill('alex');
  await page.getByLabel('Who drives Alex home after day 2').press('Tab');
  await expect(sober).toHaveCount(1);
  await expect(sober).toContainText('Alex is down to drive themselves home after the dose on day 2.');
  await page.getByLabel('Who doses').selectOption('both');
  await page.getByLabel('Who drives Alex home after day 2').fill('Sam');
  await page.getByLabel('Who drives Alex home after day 2').press('Tab');
  await expect(sober).toContainText('Sam is down to drive Alex home on day 2, but Sam doses that day too.');
  await page.getByLabel('Who doses').selectOption('partner_a');
  await page.getByLabel('Who drives Alex home after day 2').fill('Jordan');
  await page.getByLabel('Who drives Alex home after day 2').press('Tab');
  await expect(rides).toHaveCount(0);
  await expect(sober).toHaveCount(0);

  // A threshold change re-checks at once: only day 1 (with the extra session) is over the
  // default 6 hours; a 1-hour budget is exceeded on every day but the dosing day, which has a
  // budget of its own.
  await page.locator('summary', { hasText: 'Clinical thresholds' }).click();
  const load = findings(page).locator('[data-code="daily_load"]');
  await expect(load).toHaveCount(1);
  await page.getByLabel(/Active therapy a day/).fill('60');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(load).toHaveCount(2);
  await page.getByLabel(/Active therapy a day/).fill('20');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(page.getByRole('alert')).toContainText('enter a whole number from 60 to 1440');

  // Everything survives a reload.
  await page.reload();
  await expect(overlap).toHaveCount(1);
  await expect(clearance).toHaveCount(0);
  await expect(load).toHaveCount(2);
  await expect(rides).toHaveCount(0);
});

test('days: duplicate, remove and shift the start date; the editor passes axe with its forms open', async ({ page }) => {
  await createPlan(page, { days: '2' });
  const day1 = await dayItems(page, 1);
  await page.getByRole('button', { name: 'Duplicate day 1' }).click();
  await expect(page.getByRole('heading', { name: /^Day 3/ })).toBeVisible();
  expect((await dayItems(page, 2)).map((t) => t.slice(0, 30))).toEqual(day1.map((t) => t.slice(0, 30)));
  await page.getByRole('button', { name: 'Remove day 2' }).click();
  await expect(page.getByRole('heading', { name: /^Day 3/ })).toHaveCount(0);

  await page.locator('summary', { hasText: 'Title, dates and days' }).click();
  await page.getByLabel('First day').fill('2027-01-08');
  await page.getByRole('button', { name: 'Move the intensive' }).click();
  await expect(page.getByRole('heading', { name: 'Day 1 · Fri 8 Jan 2027' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Day 2 · Sat 9 Jan 2027' })).toBeVisible();
  await page.getByLabel('Plan title').fill('Alex & Sam · January');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · January');

  await page.getByRole('button', { name: 'Add block to day 1' }).click();
  for (const name of ['KAP placement', 'Screening and logistics', 'Clinical thresholds', 'Keyboard commands']) {
    await page.locator('summary', { hasText: name }).click();
  }
  await expectAccessible(page);
});

test('plans: template picker, duplicate, delete with undo, past intensives apart', async ({ page }) => {
  await page.goto('/#/new');
  const picker = page.getByRole('group', { name: 'Start from a template' });
  await expect(picker.getByRole('radio')).toHaveCount(5);
  await picker.getByLabel('Individual, 2 days, KAP midway').check();
  await expect(page.getByLabel('Format', { exact: true })).toHaveValue('individual');
  await expect(page.getByLabel('Days', { exact: true })).toHaveValue('2');
  await expect(page.getByLabel('KAP session')).toHaveValue('midway');
  await expect(picker.getByText('A day of individual work')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Client').fill('Jo');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jo · 2-day individual intensive');
  expect((await dayItems(page, 2)).some((t) => t.includes('KAP dosing'))).toBe(true);

  await createPlan(page, { date: '2025-03-07', days: '2', a: 'Kim', b: 'Lee' });
  await page.goto('/');
  const past = page.locator('.plan-list.past');
  await expect(past.getByRole('link')).toHaveText(['Kim & Lee · 2-day couples intensive']);
  await expect(page.getByRole('heading', { name: 'Past intensives' })).toBeVisible();

  await page.getByRole('button', { name: 'Duplicate “Jo · 2-day individual intensive”' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Copy of Jo · 2-day individual intensive');
  await page.getByRole('button', { name: 'Delete plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible();
  await expect(page.getByText('Deleted “Copy of Jo · 2-day individual intensive”.')).toBeVisible();
  const stored = () => storageSnapshot(page).then((s) => Object.keys(s).length);
  await expect.poll(stored).toBe(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: 'Copy of Jo · 2-day individual intensive' })).toBeVisible();
  await expect.poll(stored).toBe(3);
  await expectAccessible(page);
  for (const [name, size] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/plans-${name}.png`, fullPage: true });
  }
});

test('editor screenshots at phone and desktop width', async ({ page }) => {
  await createPlan(page, { kap: 'Midway' });
  await page.getByRole('button', { name: 'Add block to day 1' }).click();
  for (const name of ['Title, dates and days', 'KAP placement', 'Screening and logistics']) {
    await page.locator('summary', { hasText: name }).click();
  }
  const views = [
    ['top', page.locator('h1')],
    ['form', page.locator('.block-form')],
    ['kap-day', page.getByRole('heading', { name: /^Day 2/ })],
    ['findings', page.getByRole('heading', { name: 'Findings' })],
    ['records', page.locator('summary', { hasText: 'Screening and logistics' })],
  ];
  for (const [name, size] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]]) {
    await page.setViewportSize(size);
    for (const [part, anchor] of views) {
      await anchor.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `test-results/screens/editor-${name}-${part}.png` });
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  }
});

test('a block is redrawn in place: each change of its title, kind, notes, time and findings shows, and the focused block keeps the focus', async ({ page }) => {
  await createPlan(page, { days: '2' });
  await page.getByRole('button', { name: 'List' }).click();
  const first = day(page, 1).getByRole('listitem').first();
  const title = (await first.locator('.title').textContent()).trim();
  await first.getByRole('button', { name: /^Edit/ }).click();
  await page.getByLabel('Title', { exact: true }).fill('Arrival and hopes');
  await page.getByLabel('Kind').selectOption({ label: 'Individual session' });
  await page.getByLabel('Clinician notes').fill('Bring the genogram.');
  await page.getByRole('button', { name: 'Save block' }).click();
  const edited = block(page, 1, 'Arrival and hopes');
  await expect(edited.locator('.kind')).toHaveText('Individual session');
  await expect(edited.locator('.notes')).toContainText('Bring the genogram.');
  await expect(edited.getByRole('button', { name: 'Move “Arrival and hopes” 15 minutes later' })).toBeVisible();
  await expect(edited.getByRole('button', { name: `Move “${title}” 15 minutes later` })).toHaveCount(0);

  // Alt+↓ that keeps the order: the time changes, the element and its focus stay (the form,
  // which takes the row's place while open, is closed).
  await edited.evaluate((el) => { el.dataset.probe = 'kept'; });
  await edited.focus();
  const [start] = (await edited.locator('.time').textContent()).split('–');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(edited.locator('.time')).not.toHaveText(new RegExp(`^${start}`));
  await expect(edited).toBeFocused();
  await expect(edited).toHaveAttribute('data-probe', 'kept');

  // Notes emptied: the notes line goes; a longer clash with the next blocks: the row's mark
  // counts more errors.
  const marks = async () => (await edited.locator('.marks').count()) ? (await edited.locator('.marks button').textContent()).trim() : '';
  const before = await marks();
  await edited.getByRole('button', { name: /^Edit/ }).click();
  await page.getByLabel('Clinician notes').fill('');
  const next = day(page, 1).getByRole('listitem').nth(1);
  const [nextStart] = (await next.locator('.time').textContent()).split('–');
  await page.getByLabel('Ends', { exact: true }).fill(nextStart.trim().replace(/^(\d\d):(\d\d)$/, (_, h, m) => `${String(Number(h) + 1).padStart(2, '0')}:${m}`));
  await page.getByRole('button', { name: 'Save block' }).click();
  await expect(edited.locator('.notes')).toHaveCount(0);
  await expect(edited.getByRole('button', { name: /\d errors?/ })).toBeVisible();
  expect(await marks()).not.toEqual(before);
  // Undo: the mark is as it was, the notes come back.
  await page.keyboard.press('Control+z');
  await expect(edited.locator('.notes')).toContainText('Bring the genogram.');
  expect(await marks()).toEqual(before);
});
