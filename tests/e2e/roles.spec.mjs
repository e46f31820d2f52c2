// Who doses, who supports, and where KAP goes: the clinical review's eight findings, each through
// the UI (finding 8, the evening before a day-1 dose, is in couple.spec.mjs).
import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible, createPlan, dayItems } from './fixtures.mjs';

const findings = (page) => page.getByRole('complementary', { name: 'Findings' });
const finding = (page, code) => findings(page).locator(`[data-code="${code}"]`);

/** Every block of days 1..n as { day, start, end, text }. */
async function blocks(page, n) {
  const out = [];
  for (let day = 1; day <= n; day += 1) {
    for (const text of await dayItems(page, day)) {
      const [, start, end] = text.match(/^(\d\d:\d\d)–(\d\d:\d\d)/);
      out.push({ day, start, end, text });
    }
  }
  return out;
}

async function placeKap(page, choice) {
  await page.locator('summary', { hasText: 'KAP placement' }).click();
  await page.getByLabel('Place KAP').selectOption(choice);
  await page.getByRole('button', { name: 'Place KAP' }).click();
}

test('finding 4: placing KAP midway re-plans the day, nothing runs past its end, and one undo restores it', async ({ page }) => {
  await createPlan(page, { kap: 'None' });
  const before = [await dayItems(page, 1), await dayItems(page, 2), await dayItems(page, 3)];
  await placeKap(page, 'midway');
  await expect(page.getByText('The dosing is on day 2 at 10:15.')).toBeVisible();
  const said = page.getByRole('status').filter({ hasText: 'KAP placed.' });
  await expect(said).toContainText('“Morning check-in” on day 2 was removed');
  await expect(said).toContainText('Undo restores all of it.');
  for (const block of await blocks(page, 3)) {
    expect(block.end <= '17:00', `${block.text} ends after the day`).toBe(true);
  }
  const day2 = await dayItems(page, 2);
  const dose = day2.findIndex((t) => t.includes('KAP dosing'));
  expect(day2.slice(dose).filter((t) => /Check-in|Joint session|Individual session/.test(t))).toEqual([]);
  expect(day2[day2.length - 1]).toMatch(/Lunch/);
  expect((await dayItems(page, 3))[0]).toContain('KAP integration');
  // The only error is that the dosing is not ready: its records are still to take.
  await expect(findings(page).locator('.sev-error:not([data-code="not_ready"])')).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Undo' }).click();
  expect([await dayItems(page, 1), await dayItems(page, 2), await dayItems(page, 3)]).toEqual(before);
});

test('finding 5: KAP at the start has a pre-dose check-in with each partner, and the assessment follows integration', async ({ page }) => {
  await createPlan(page, { kap: 'None' });
  await placeKap(page, 'start');
  const day1 = await dayItems(page, 1);
  expect(day1.slice(0, 4).map((t) => t.replace(/^\d\d:\d\d–\d\d:\d\d /, '').split(' ')[0])).toEqual(['KAP', 'KAP', 'KAP', 'Vitals']);
  expect(day1[0]).toContain('Pre-dose check-in with Alex');
  expect(day1[1]).toContain('Pre-dose check-in with Sam');
  const day2 = (await dayItems(page, 2)).filter((t) => !/Break|Lunch/.test(t));
  expect(day2[0]).toContain('KAP integration');
  expect(day2[1]).toContain('Joint history');
  expect(day2.slice(2, 4).join(' ')).toMatch(/Individual session with Alex.*Individual session with Sam/);
  await expect(page.getByRole('status').filter({ hasText: 'KAP placed.' })).toContainText('“Joint history” moved from day 1 to day 2');
  for (const block of await blocks(page, 3)) {
    expect(block.end <= '17:00', `${block.text} ends after the day`).toBe(true);
  }
});

test('findings 1 and 2: who doses is a choice; the partner who supports is told their role; a driver must be sober', async ({ page }) => {
  await createPlan(page, { kap: 'Midway' });
  await expect(finding(page, 'doses_not_chosen')).toHaveCount(1);
  await page.locator('summary', { hasText: 'Screening and logistics' }).click();
  const who = page.getByLabel('Who doses');
  await expect(who).toHaveValue('not_chosen');

  // One partner doses: the dose and its vitals are Alex's; Sam supports.
  await who.selectOption('partner_a');
  await expect(finding(page, 'doses_not_chosen')).toHaveCount(0);
  const dosing = (await dayItems(page, 2)).find((t) => t.includes('KAP dosing'));
  expect(dosing).toContain('Alex');
  expect(dosing).not.toContain('Alex & Sam');
  const planUrl = page.url();
  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  await page.getByLabel('Show').selectOption('partner_b');
  const day2 = page.getByRole('region', { name: /^Day 2\b/ });
  await expect(day2).toContainText("Your day as Alex's support: please read");
  await expect(day2).toContainText('you are Alex\'s support today');
  await expect(day2).toContainText('Stay sober');
  await expect(day2.getByRole('listitem').filter({ hasText: 'KAP dosing' })).toContainText('you support');
  await expect(day2).not.toContainText('eye mask');
  await expect(day2).not.toContainText('Stop eating');
  await expectAccessible(page);

  // Both together: neither can drive the other, and a sober monitor besides the therapist is
  // required (an error until recorded).
  await page.goto(planUrl);
  await page.locator('summary', { hasText: 'Screening and logistics' }).click();
  await page.getByLabel('Who doses').selectOption('both');
  await expect(finding(page, 'too_few_monitors')).toHaveClass(/sev-error/);
  await page.getByLabel('Who drives Alex home after day 2').fill('Sam');
  await page.getByLabel('Who drives Alex home after day 2').press('Tab');
  await expect(finding(page, 'driver_not_sober')).toContainText('Sam doses that day too');
  await page.getByLabel('Sober monitors besides the therapist when both partners dose').fill('1');
  await page.getByLabel('Sober monitors besides the therapist when both partners dose').press('Tab');
  await expect(finding(page, 'too_few_monitors')).toHaveCount(0);
  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  const advice = page.getByRole('region', { name: /^Day 2\b/ });
  await expect(advice).toContainText('A sober adult who is not taking the medicine needs to take you home');
  await expect(advice).not.toContainText('Sam takes you home');
  await expect(advice).not.toContainText('with your therapist.');

  // Staggered: Sam's dose follows Alex's by 90 minutes, each with its own vitals; no overlap.
  await page.goto(planUrl);
  await page.locator('summary', { hasText: 'Screening and logistics' }).click();
  await page.getByLabel('Who doses').selectOption('both_staggered');
  const doses = (await dayItems(page, 2)).filter((t) => t.includes('KAP dosing'));
  expect(doses.map((t) => t.slice(0, 11))).toEqual(['10:15–13:15', '11:45–14:45']);
  await expect(finding(page, 'overlap')).toHaveCount(0);
  await expect(finding(page, 'multiple_dosings')).toHaveCount(0);
});

test('finding 3: dosing cannot be set below 2 hours, and a window over 72 hours needs "longer on purpose"', async ({ page }) => {
  await createPlan(page, { kap: 'Midway' });
  await page.locator('summary', { hasText: 'Clinical thresholds' }).click();
  await page.getByLabel(/^Dosing lasts/).fill('30');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(page.getByRole('alert')).toContainText('enter a whole number from 120 to 720');
  await page.getByLabel(/^Dosing lasts/).fill('180');
  await page.getByLabel(/^Integration within/).fill('100');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(page.getByRole('alert')).toContainText('Longer on purpose');
  await page.getByLabel(/^Longer on purpose/).check();
  await page.getByLabel(/^Integration within/).fill('100');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Thresholds saved' })).toBeVisible();
  await expect(page.getByText('about 3 h in office', { exact: false })).toHaveCount(1);
  await page.reload();
  await page.locator('summary', { hasText: 'Clinical thresholds' }).click();
  await expect(page.getByLabel(/^Integration within/)).toHaveValue('100');
  await expect(page.getByLabel(/^Longer on purpose/)).toBeChecked();
  await expectAccessible(page);

  // Every meal counts for fasting, not only lunch: a snack late on day 1 falls inside 20 hours
  // of fasting before the 10:15 dose on day 2.
  const snack = findings(page).locator('[data-code="meal_in_fasting_window"]');
  await page.getByLabel(/^Fasting before a dose/).fill('20');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(snack).toHaveCount(0);
  await page.getByRole('button', { name: 'Add block to day 1' }).click();
  await page.getByLabel('Kind').selectOption({ label: 'Meal or snack' });
  await page.getByLabel('Title', { exact: true }).fill('Afternoon snack');
  await page.getByLabel('Starts', { exact: true }).fill('16:45');
  await page.getByLabel('Ends', { exact: true }).fill('17:00');
  await page.getByRole('button', { name: 'Add block', exact: true }).click();
  await expect(snack).toHaveCount(1);
  await expect(snack).toContainText('Afternoon snack');
});

test('finding 6: a last-day dosing keeps a meal and integration, and asks for a follow-up that reaches the couple', async ({ page }) => {
  await page.goto('/#/new');
  await page.getByRole('group', { name: 'Start from a template' }).getByLabel('Individual, 2 days, KAP midway').check();
  await page.getByLabel('Client').fill('Jo');
  await page.getByLabel('Start date').fill('2026-12-04');
  await page.getByRole('button', { name: 'Create plan' }).click();
  const day2 = await dayItems(page, 2);
  const rest = day2.findIndex((t) => t.includes('Rest and recovery'));
  expect(day2[rest + 1]).toContain('Lunch');
  expect(day2[day2.length - 1]).toContain('Integration and closing');
  await expect(finding(page, 'no_follow_up')).toHaveCount(1);

  await page.locator('summary', { hasText: 'Screening and logistics' }).click();
  await page.getByLabel('Follow-up date').fill('2026-12-07');
  await page.getByLabel('Follow-up time').fill('10:00');
  await page.getByRole('button', { name: 'Record follow-up' }).click();
  await expect(finding(page, 'no_follow_up')).toHaveCount(0);

  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  await expect(page.getByRole('region', { name: 'After the intensive' })).toContainText('Follow-up integration · Mon 7 Dec 2026, 10:00–11:00');
  await page.locator('summary', { hasText: 'Calendar file' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Calendar for everyone' }).click()]);
  const ics = readFileSync(await download.path(), 'utf8');
  expect(ics).toContain('-follow-up@intensive-planner');
  expect(ics).toContain('SUMMARY:Follow-up session');
  await expectAccessible(page);
});

test('finding 7: a long day on site is a warning, and a one-day intensive too short for KAP midway is refused', async ({ page }) => {
  await createPlan(page, { kap: 'Midway' });
  await expect(finding(page, 'time_on_site')).toHaveCount(0);
  await page.locator('summary', { hasText: 'Clinical thresholds' }).click();
  await page.getByLabel(/^Time on site a day/).fill('420');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(finding(page, 'time_on_site').first()).toContainText('on site');

  await createPlan(page, { kap: 'Midway', days: '1' });
  await expect(page.getByRole('alert')).toContainText('does not fit');
  await expect(page.getByRole('alert')).toContainText('KAP session at the start');
});

test('ready to dose: the dosing says what is missing, on the block, in the findings and on the plan list, never to the couple; the emergency plan reaches the couple', async ({ page }) => {
  await createPlan(page, { kap: 'Midway' });
  const dosing = page.getByRole('region', { name: /^Day 2\b/ }).getByRole('listitem').filter({ hasText: 'KAP dosing' });
  await expect(dosing).toContainText('Not ready: who doses is not chosen');
  await expect(finding(page, 'not_ready')).toHaveClass(/sev-error/);
  await page.getByRole('link', { name: '← Plans' }).click();
  await expect(page.getByText('1 dosing, not ready')).toBeVisible();
  await page.getByRole('link', { name: 'Alex & Sam · 3-day couples intensive' }).click();

  await page.locator('summary', { hasText: 'Screening and logistics' }).click();
  await page.getByLabel('Who doses').selectOption('partner_a');
  for (const select of await page.locator('select[id^="screen-partner_a-"]').all()) {
    await select.selectOption('no');
  }
  await page.getByLabel('Alex cleared on').fill('2026-12-06');
  await page.getByLabel('Prescriber who cleared Alex').fill('Dr. Rivera');
  await page.getByRole('button', { name: 'Record clearance for Alex' }).click();
  await expect(dosing).toContainText('the clearance for Alex is dated 2026-12-06, after the dosing');
  await page.getByLabel('Alex cleared on').fill('2026-11-20');
  await page.getByRole('button', { name: 'Record clearance for Alex' }).click();
  await page.getByLabel('Who drives Alex home after day 2').fill('Sam');
  await page.getByLabel('Who drives Alex home after day 2').press('Tab');
  await expect(dosing).toContainText('the emergency plan lacks the prescriber\'s on-call number');
  await page.getByLabel("Prescriber's on-call number").fill('555-0100');
  await page.getByLabel('Nearest emergency department').fill('Harbor General');
  await page.getByLabel('Its address').fill('1000 Harbor Blvd');
  await page.getByLabel('Emergency contact for Alex').fill('Jordan 555-0142');
  await page.getByRole('button', { name: 'Save emergency plan' }).click();
  await expect(dosing).toContainText('no signed consent from Sam by the dosing; no agreement on touch is recorded');
  await page.getByLabel('Alex signed the KAP consent on').fill('2026-11-20');
  await page.getByLabel('Sam signed the KAP consent on').fill('2026-11-21');
  await page.getByRole('button', { name: 'Record consent' }).click();
  await page.getByLabel('The couple agreed on supportive touch during the session').check();
  await expect(dosing).toContainText('the private screen, asked of each partner alone, is not complete');
  for (const name of ['Alex', 'Sam']) {
    await page.locator('summary', { hasText: `Ask ${name} alone` }).click();
    await page.locator(`#private-partner_${name === 'Alex' ? 'a' : 'b'}`).selectOption('no');
  }
  await expect(dosing.locator('.readiness')).toHaveText('Ready');
  await expect(finding(page, 'not_ready')).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  await expect(page.locator('main')).not.toContainText(/\bReady\b|Not ready/);
  // The emergency plan is the couple's safety information, on the dosing day.
  const day2 = page.getByRole('region', { name: /^Day 2\b/ });
  await expect(day2).toContainText("call the prescriber's on-call number: 555-0100");
  await expect(day2).toContainText('the nearest emergency department is Harbor General, 1000 Harbor Blvd');
  await expect(day2).toContainText('Emergency contact for Alex: Jordan 555-0142');
  await page.goto('/');
  await expect(page.getByText('1 dosing, ready')).toBeVisible();
});
