import { test, expect, expectAccessible, createPlan, dayItems, storageSnapshot } from './fixtures.mjs';

const indexOf = (items, prefix) => items.findIndex((text) => text.includes(prefix));

test('a 3-day couples plan with KAP midway: dosing on day 2, prepared, checked, integrated; survives a reload', async ({ page }) => {
  await createPlan(page, { kap: 'Midway' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');

  const check = async () => {
    const day1 = await dayItems(page, 1);
    const day2 = await dayItems(page, 2);
    const day3 = await dayItems(page, 3);
    expect(day1.some((t) => t.includes('KAP dosing'))).toBe(false);
    expect(day3.some((t) => t.includes('KAP dosing'))).toBe(false);
    const dosing = indexOf(day2, 'KAP dosing');
    expect(dosing).toBeGreaterThan(0);
    expect(day2[dosing]).toMatch(/^\d\d:\d\d–\d\d:\d\d KAP dosing/);
    expect(indexOf(day2, 'KAP preparation')).toBeLessThan(dosing);
    expect(day2[dosing - 1]).toContain('Vitals check');
    expect(day2[dosing + 1]).toContain('Vitals check');
    // A meal follows the rest; integration opens day 3.
    expect(day2[day2.length - 1]).toContain('Lunch');
    expect(day3[0]).toContain('KAP integration');
    // Day 1 opens with the joint history and an individual session with each partner.
    expect(day1[0]).toContain('Joint history');
    expect(day1.some((t) => t.includes('Individual session with Alex'))).toBe(true);
    expect(day1.some((t) => t.includes('Individual session with Sam'))).toBe(true);
    // One error: the dosing is not ready until its records are taken (who doses, clearance,
    // screening, rides), which also show as warnings; the fasting start is information.
    const findings = page.getByRole('complementary', { name: 'Findings' });
    await expect(findings).toContainText(/^Findings1 error, \d+ warnings?, 1 for information\./);
    await expect(findings.locator('.sev-error')).toHaveCount(1);
    await expect(findings.locator('.sev-error')).toHaveAttribute('data-code', 'not_ready');
    expect(day2[dosing]).toContain('Not ready: who doses is not chosen');
    await expect(findings).toContainText('Fasting starts at 06:15');
    await expect(findings).toContainText('No prescriber clearance is recorded');
  };
  await check();
  await expectAccessible(page);

  await page.reload();
  await check();
  await page.getByRole('link', { name: '← Plans' }).click();
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Alex & Sam · 3-day couples intensive' })).toBeVisible();
  await expectAccessible(page);
});

test('KAP at the start puts the dosing on day 1; None has no KAP block', async ({ page }) => {
  await createPlan(page, { kap: 'At the start', days: '2' });
  const day1 = await dayItems(page, 1);
  expect(day1[0]).toContain('Pre-dose check-in with Alex');
  expect(day1[1]).toContain('Pre-dose check-in with Sam');
  expect(day1[2]).toContain('KAP preparation');
  expect(day1[3]).toContain('Vitals check');
  expect(day1[4]).toContain('KAP dosing');
  expect((await dayItems(page, 2)).some((t) => t.includes('KAP dosing'))).toBe(false);

  await createPlan(page, { kap: 'None', format: 'Individual', client: 'Jo', days: '2' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jo · 2-day individual intensive');
  const all = [...(await dayItems(page, 1)), ...(await dayItems(page, 2))];
  expect(all.length).toBeGreaterThan(5);
  expect(all.filter((t) => /KAP|Vitals/.test(t))).toEqual([]);
});

test('an invalid form says what is wrong next to each field and saves nothing', async ({ page }) => {
  await page.goto('/');
  const before = await storageSnapshot(page);
  await page.getByRole('button', { name: 'New plan' }).click();
  await expectAccessible(page);

  const cases = [
    { fill: { 'Partner A': '', 'Partner B': 'Sam' }, field: 'Partner A', message: "Enter partner A's name." },
    { fill: { 'Partner A': 'Alex', Days: '0' }, field: 'Days', message: 'An intensive lasts 1 to 7 days.' },
    { fill: { Days: '8' }, field: 'Days', message: 'An intensive lasts 1 to 7 days.' },
    { fill: { Days: '3', 'Day starts': '17:00', 'Day ends': '09:00' }, field: 'Day ends', message: 'The day must end after it starts (17:00).' },
    { fill: { 'Day starts': '09:00', 'Day ends': '17:00', 'Start date': '' }, field: 'Start date', message: 'Enter a real date as YYYY-MM-DD.' },
  ];
  for (const { fill, field, message } of cases) {
    for (const [label, value] of Object.entries(fill)) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByRole('button', { name: 'Create plan' }).click();
    await expect(page.getByRole('alert')).toContainText('Nothing was saved');
    const input = page.getByLabel(field, { exact: true });
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input, 'the focus moves to the first field to correct').toBeFocused();
    await expect(input).toHaveAccessibleDescription(new RegExp(message.replace(/[.()]/g, '\\$&')));
    expect(await storageSnapshot(page)).toEqual(before);
  }
  await expectAccessible(page);

  // A placement that cannot fit is explained, and nothing is saved either.
  await page.getByLabel('Start date').fill('2026-12-04');
  await page.getByLabel('Days', { exact: true }).fill('1');
  await page.getByLabel('KAP session').selectOption({ label: 'Midway' });
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByRole('alert')).toContainText('does not fit');
  expect(await storageSnapshot(page)).toEqual(before);
});

test('unreadable stored data is kept, explained, and never overwritten', async ({ page }) => {
  await page.goto('/');
  const corrupt = '{"format_version":1,"plan":{"id":"p-broken"';
  const newer = '{"format_version":99,"plan":{"id":"p-future"}}';
  await page.evaluate(([c, n]) => {
    localStorage.setItem('intensive-planner.plan.p-broken', c);
    localStorage.setItem('intensive-planner.plan.p-future', n);
    localStorage.setItem('someone-else', 'untouched');
  }, [corrupt, newer]);
  await page.reload();
  const banner = page.getByRole('status').filter({ hasText: 'could not be read' });
  await expect(banner).toContainText('2 saved entries could not be read');
  await expect(banner).toContainText('not valid JSON');
  await expect(banner).toContainText('newer version');
  await expectAccessible(page);

  await createPlan(page, { kap: 'At the start' });
  await page.reload();
  const after = await storageSnapshot(page);
  expect(after['intensive-planner.plan.p-broken']).toBe(corrupt);
  expect(after['intensive-planner.plan.p-future']).toBe(newer);
  expect(after['someone-else']).toBe('untouched');
  expect(Object.keys(after).filter((k) => k.startsWith('intensive-planner.plan.')).length).toBe(3);
});

test('delete offers an undo; once dismissed, the plan is gone for good', async ({ page }) => {
  await createPlan(page);
  const url = page.url();
  await page.getByRole('button', { name: 'Delete plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible();
  await expect(page.getByText('No plans yet')).toBeVisible();
  expect(Object.keys(await storageSnapshot(page))).toEqual([]);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Plan not found' })).toBeVisible();
  expect(Object.keys(await storageSnapshot(page))).toEqual([]);
});

test('phone and desktop screenshots', async ({ page }) => {
  await createPlan(page, { kap: 'Midway' });
  for (const [name, size] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]]) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `test-results/screens/agenda-${name}.png` });
  }
  await page.goto('/#/new');
  await page.getByRole('button', { name: 'Create plan' }).click();
  for (const [name, size] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/form-${name}.png`, fullPage: true });
  }
  await page.goto('/');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: 'test-results/screens/list-phone.png' });
  // At 360 px nothing scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('keyboard alone: open the form, fill it, submit with Enter, land on the new plan', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New plan' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New plan' })).toBeFocused();
  // The template picker is one stop (arrow keys choose inside it); the format follows.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Format', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Alex');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Sam');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Alex & Sam · 3-day couples intensive');
  await expect(heading).toBeFocused();
});
