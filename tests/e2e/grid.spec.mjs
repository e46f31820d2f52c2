// The time grid: pointer drags to a new time, day and lane, resizing by the bottom edge, the
// care team's lanes and the per-person overlap rule, keyboard lane moves, axe, screenshots.
import { test, expect, expectAccessible, createPlan, storedPlans } from './fixtures.mjs';

const day = (page, n) => page.getByRole('region', { name: new RegExp(`^Day ${n}\\b`) });
const block = (page, n, text) => day(page, n).getByRole('listitem').filter({ hasText: text });
const findings = (page) => page.getByRole('complementary', { name: 'Findings' });
const times = async (locator) => (await locator.textContent()).match(/^(\d\d:\d\d)–(\d\d:\d\d)/).slice(1);

/** Pixels per minute down a day's grid, measured from the page. */
async function pixelsPerMinute(page) {
  const list = day(page, 1).getByRole('list');
  const box = await list.boundingBox();
  const span = await page.locator('.grid-agenda').evaluate((el) => Number(getComputedStyle(el).getPropertyValue('--span')));
  return box.height / span;
}

/** Presses on a point of an element, moves by (dx, dy) in steps, and lets go. */
async function drag(page, locator, { dx = 0, dy = 0, at = 'middle' }) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const x = box.x + Math.min(box.width / 2, 40);
  const y = at === 'bottom' ? box.y + box.height - 2 : box.y + Math.min(box.height / 2, 12);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  return async () => page.mouse.up();
}

test.use({ viewport: { width: 1280, height: 900 } });

test('the grid is the wide screen\'s view: drag a block to a new time and to another day; the agenda and the stored plan agree after a reload', async ({ page }) => {
  await createPlan(page, { days: '3' });
  await expect(page.getByRole('button', { name: 'Grid' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.grid-agenda')).toBeVisible();
  const ppm = await pixelsPerMinute(page);

  const closing = block(page, 3, 'Closing');
  expect(await times(closing)).toEqual(['15:15', '16:15']);

  // 15 minutes later: a ghost shows where it lands before it drops.
  let drop = await drag(page, closing, { dy: 15 * ppm });
  await expect(day(page, 3).locator('.ghost')).toContainText('15:30–16:30');
  await drop();
  await expect(block(page, 3, 'Closing')).toContainText(/^15:30–16:30/);
  await expect(page.getByRole('status')).toHaveText('Moved “Closing and next steps” to day 3, 15:30–16:30.');
  await expect(page.locator('.ghost')).toHaveCount(0);

  // To day 2, at the same time, over a session: the ghost says what it overlaps, and who.
  const from = await day(page, 3).getByRole('list').boundingBox();
  const to = await day(page, 2).getByRole('list').boundingBox();
  drop = await drag(page, block(page, 3, 'Closing'), { dx: to.x - from.x });
  await expect(day(page, 2).locator('.ghost')).toContainText('15:30–16:30');
  await expect(day(page, 2).locator('.ghost .clash')).toContainText('Overlaps “Joint work session” (Alex, Sam, Therapist)');
  await drop();
  await expect(block(page, 3, 'Closing')).toHaveCount(0);
  await expect(block(page, 2, 'Closing')).toContainText(/^15:30–16:30/);
  await expect(block(page, 2, 'Closing')).toBeFocused();
  await expect(findings(page).locator('[data-code="overlap"]')).toHaveCount(1);

  const before = await storedPlans(page);
  await page.reload();
  await expect(block(page, 2, 'Closing')).toContainText(/^15:30–16:30/);
  expect(await storedPlans(page)).toEqual(before);
  const [plan] = Object.values(before);
  const stored = plan.days[1].blocks.find((b) => b.title === 'Closing and next steps');
  expect([stored.start, stored.end]).toEqual(['15:30', '16:30']);
});

test('resize by the bottom edge, in the chosen steps', async ({ page }) => {
  await createPlan(page, { days: '2' });
  await page.getByLabel('Drag in steps of').selectOption('5');
  const ppm = await pixelsPerMinute(page);
  const history = block(page, 1, 'Joint history');
  expect(await times(history)).toEqual(['09:00', '10:30']);
  const drop = await drag(page, history, { dy: -20 * ppm, at: 'bottom' });
  await expect(day(page, 1).locator('.ghost')).toContainText('09:00–10:10');
  await drop();
  await expect(block(page, 1, 'Joint history')).toContainText(/^09:00–10:10/);
  await expect(page.getByRole('status')).toHaveText('“Joint history” now runs 09:00–10:10.');
  // The step is remembered.
  await page.reload();
  await expect(page.getByLabel('Drag in steps of')).toHaveValue('5');
});

test('with a co-therapist both partners\' individual sessions run at once without an overlap; one partner in two blocks at once is an error', async ({ page }) => {
  await createPlan(page, { days: '2', coTherapist: 'Jordan Park' });
  await expect(day(page, 1).locator('.lane-head')).toHaveText(['Alex', 'Sam', 'Therapist', 'Jordan Park (co-therapist)']);
  const alex = block(page, 1, 'Individual session with Alex');
  const sam = block(page, 1, 'Individual session with Sam');
  expect(await times(alex)).toEqual(await times(sam));
  await expect(alex).toContainText('Alex, with Therapist');
  await expect(sam).toContainText('Sam, with Jordan Park');
  await expect(findings(page).locator('[data-code="overlap"]')).toHaveCount(0);
  await expectAccessible(page);

  // Alex in Sam's session too: Alex would be in two places. A block's tools show on hover.
  await sam.hover();
  await sam.getByRole('button', { name: /^Edit/ }).click();
  const form = page.locator('.block-form');
  await expect(form.getByRole('group', { name: 'Who attends' })).toBeVisible();
  await form.getByLabel('Alex').check();
  await form.getByRole('button', { name: 'Save block' }).click();
  const overlap = findings(page).locator('[data-code="overlap"]');
  await expect(overlap).toHaveCount(1);
  await expect(overlap).toContainText('Alex cannot be in both at once');
  // The block carries the mark; choosing it shows the finding.
  const mark = block(page, 1, 'Individual session with Sam').getByRole('button', { name: /1 error/ });
  await mark.click();
  await expect(block(page, 1, 'Individual session with Sam').locator('.mark-list')).toContainText('Alex cannot be in both at once');
  await expectAccessible(page);
});

test('keyboard alone: a block moves to the next or previous partner\'s lane', async ({ page }) => {
  await createPlan(page, { days: '2' });
  const alex = block(page, 1, 'Individual session with Alex');
  await alex.focus();
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect(page.getByRole('status')).toHaveText('Moved to Sam\'s lane.');
  await expect(alex).toContainText('Sam, with Therapist');
  await expect(alex).toBeFocused();
  expect(await alex.evaluate((el) => el.style.getPropertyValue('--lane'))).toBe('1');
  // No lane further that way: said, nothing changes.
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect(page.getByRole('alert')).toContainText('no other lane that way');
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await expect(alex).toContainText('Alex, with Therapist');
  expect(await alex.evaluate((el) => el.style.getPropertyValue('--lane'))).toBe('0');
});

test('the care team is named in the plan; a team member no longer named leaves every block', async ({ page }) => {
  await createPlan(page, { days: '2' });
  await page.locator('summary', { hasText: 'Care team' }).click();
  await page.getByLabel('Therapist', { exact: true }).fill('Dana Reyes');
  await page.getByLabel('Sober monitor', { exact: true }).fill('Pat Kim');
  await page.getByRole('button', { name: 'Save the team' }).click();
  await expect(day(page, 1).locator('.lane-head')).toHaveText(['Alex', 'Sam', 'Dana Reyes (therapist)', 'Pat Kim (sober monitor)']);
  // A double click opens a block's form too.
  await block(page, 1, 'Lunch').dblclick();
  await page.locator('.block-form').getByLabel('Pat Kim (sober monitor)').check();
  await page.locator('.block-form').getByRole('button', { name: 'Save block' }).click();
  await expect(block(page, 1, 'Lunch')).toContainText('Alex & Sam, with Pat Kim');
  await page.getByLabel('Sober monitor', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Save the team' }).click();
  await expect(block(page, 1, 'Lunch')).not.toContainText('Pat Kim');
  await expect(day(page, 1).locator('.lane-head')).toHaveCount(3);
});

test('grid screenshots at 1280 × 800 and 1920 × 1080, the list at 390 × 844', async ({ page }) => {
  await createPlan(page, { days: '3', kap: 'Midway', coTherapist: 'Jordan Park' });
  for (const [name, size] of [['grid-1280', { width: 1280, height: 800 }], ['grid-1920', { width: 1920, height: 1080 }]]) {
    await page.setViewportSize(size);
    await page.locator('.view-switch').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `test-results/screens/${name}.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'List', exact: true }).click();
  await expect(page.locator('.grid-agenda')).toHaveCount(0);
  await page.locator('.view-switch').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/screens/list-390.png' });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
});

test('a phone opens on the list', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await createPlan(page, { days: '2' });
  await expect(page.getByRole('button', { name: 'List', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.grid-agenda')).toHaveCount(0);
});
