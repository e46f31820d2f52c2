// Ready to dose (the readiness issue): a clearance per person, the private screen, the pre-dose
// reading against its limits, the emergency plan on the day card, and protocol profiles.
import { test, expect, expectAccessible, createPlan } from './fixtures.mjs';

const findings = (page) => page.getByRole('complementary', { name: 'Findings' });
const finding = (page, code) => findings(page).locator(`[data-code="${code}"]`);
const dosingOf = (page) => page.getByRole('region', { name: /^Day 2\b/ }).getByRole('listitem').filter({ hasText: 'KAP dosing' });

/** Both partners dose together; everything recorded but the clearances. */
async function bothDoseAlmostReady(page) {
  await createPlan(page, { kap: 'Midway' });
  await page.locator('summary', { hasText: 'Screening and logistics' }).click();
  await page.getByLabel('Who doses').selectOption('both');
  for (const select of await page.locator('select[id^="screen-partner_"]').all()) {
    await select.selectOption('no');
  }
  for (const [name, code] of [['Alex', 'a'], ['Sam', 'b']]) {
    await page.locator('summary', { hasText: `Ask ${name} alone` }).click();
    await page.locator(`#private-partner_${code}`).selectOption('no');
    await page.getByLabel(`Who drives ${name} home after day 2`).fill('Jordan');
    await page.getByLabel(`Who drives ${name} home after day 2`).press('Tab');
    await page.getByLabel(`${name} signed the KAP consent on`).fill('2026-11-20');
    await page.getByLabel(`Emergency contact for ${name}`).fill(`Kim for ${name} 555-0142`);
  }
  await page.getByRole('button', { name: 'Record consent' }).click();
  await page.getByLabel('The couple agreed on supportive touch during the session').check();
  await page.getByLabel('Sober monitors besides the therapist when both partners dose').fill('1');
  await page.getByLabel('Sober monitors besides the therapist when both partners dose').press('Tab');
  await page.getByLabel("Prescriber's on-call number").fill('555-0100');
  await page.getByLabel('Nearest emergency department').fill('Harbor General');
  await page.getByLabel('Its address').fill('1000 Harbor Blvd');
  await page.getByRole('button', { name: 'Save emergency plan' }).click();
}

test('a clearance for one partner only keeps the dosing not ready, and the finding names the other', async ({ page }) => {
  await bothDoseAlmostReady(page);
  const dosing = dosingOf(page);
  await expect(dosing).toContainText('Not ready: no prescriber clearance for Alex is recorded; no prescriber clearance for Sam is recorded');
  await page.getByLabel('Alex cleared on').fill('2026-11-20');
  await page.getByLabel('Prescriber who cleared Alex').fill('Dr. Rivera');
  await page.getByRole('button', { name: 'Record clearance for Alex' }).click();
  await expect(dosing.locator('.readiness')).toHaveText('Not ready: no prescriber clearance for Sam is recorded');
  await expect(finding(page, 'not_ready')).toContainText('no prescriber clearance for Sam is recorded');
  await expect(finding(page, 'not_ready')).toHaveClass(/sev-error/);
  await page.getByLabel('Sam cleared on').fill('2026-11-22');
  await page.getByLabel('Prescriber who cleared Sam').fill('Dr. Rivera');
  await page.getByRole('button', { name: 'Record clearance for Sam' }).click();
  await expect(dosing.locator('.readiness')).toHaveText('Ready');
  await expect(finding(page, 'not_ready')).toHaveCount(0);
  // The private screens are closed sections; with one open, the page passes axe.
  await expect(page.locator('#private-partner_b')).toBeVisible();
  await expectAccessible(page);
});

test('a pre-dose reading over the limit is an error and makes the dosing not ready; the limit is a setting', async ({ page }) => {
  await createPlan(page, { kap: 'Midway' });
  await page.locator('summary', { hasText: 'Screening and logistics' }).click();
  await page.getByLabel('Who doses').selectOption('partner_a');
  await page.getByLabel('Alex, day 2: systolic').fill('150');
  await page.getByLabel('Alex, day 2: diastolic').fill('85');
  await page.getByLabel('Alex, day 2: pulse').fill('72');
  await page.getByRole('button', { name: 'Record reading: Alex, day 2' }).click();
  const over = finding(page, 'reading_over_limit');
  await expect(over).toHaveClass(/sev-error/);
  await expect(over).toContainText('150/85, pulse 72: over the limit of 140/90 and 100 bpm');
  await expect(dosingOf(page)).toContainText('the pre-dose reading of Alex is over the limit');
  // A typo is refused with a message, and the reading stays as it was.
  await page.getByLabel('Alex, day 2: pulse').fill('7200');
  await page.getByRole('button', { name: 'Record reading: Alex, day 2' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the pulse reading as a whole number from 20 to 250.');
  await expect(over).toContainText('pulse 72');
  // Raising the practice's limit (Clinical thresholds) clears it; so does a lower reading.
  await page.locator('summary', { hasText: 'Clinical thresholds' }).click();
  await page.getByLabel(/^Pre-dose blood pressure limit: systolic/).fill('160');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(over).toHaveCount(0);
  await page.getByLabel(/^Pre-dose blood pressure limit: systolic/).fill('140');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(over).toHaveCount(1);
  await page.getByLabel('Alex, day 2: systolic').fill('132');
  await page.getByLabel('Alex, day 2: pulse').fill('72');
  await page.getByRole('button', { name: 'Record reading: Alex, day 2' }).click();
  await expect(over).toHaveCount(0);
  // Readings are clinical: the couple's preview never shows them.
  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  await expect(page.locator('main')).not.toContainText('132');
});

test('the emergency plan is on the dosing day card, and no screening answer is', async ({ page }) => {
  await bothDoseAlmostReady(page);
  await page.getByLabel('Glaucoma').first().selectOption('yes_discussed');
  const id = page.url().split('/plan/')[1];
  await page.goto(`/#/plan/${id}/cards`);
  await expect(page.getByRole('heading', { name: 'Day cards' })).toBeVisible();
  const cards = page.locator('.card').filter({ hasText: 'Day 2' });
  await expect(cards.first()).toContainText("call the prescriber's on-call number: 555-0100");
  await expect(cards.first()).toContainText('the nearest emergency department is Harbor General, 1000 Harbor Blvd');
  const printed = await page.locator('main').innerText();
  for (const secret of ['Glaucoma', 'glaucoma', 'lamotrigine', 'Violence', 'coercion', 'Dr. Rivera', 'Ready', 'screen']) {
    expect(printed).not.toContain(secret);
  }
});

test('switching the protocol profile changes the observation and fasting figures in the preview', async ({ page }) => {
  await createPlan(page, { kap: 'Midway' });
  await page.locator('summary', { hasText: 'Screening and logistics' }).click();
  await page.getByLabel('Who doses').selectOption('partner_a');
  const id = page.url().split('/plan/')[1];
  const day2 = page.getByRole('region', { name: /^Day 2\b/ });
  await page.goto(`/#/plan/${id}/preview`);
  await expect(day2).toContainText('You stay with us for at least 3 hours after the dose');
  await expect(day2).toContainText('4 hours before your session');
  await expect(day2).toContainText('Sips of water are fine');

  await page.goto(`/#/plan/${id}`);
  await page.locator('summary', { hasText: 'Clinical thresholds' }).click();
  await expect(page.getByLabel('Protocol profile')).toHaveValue('in_office');
  await page.getByLabel('Protocol profile').selectOption('spravato_like');
  await expect(page.getByRole('status')).toContainText('Profile: Spravato-like observation.');
  await expect(page.getByLabel(/^Dosing lasts/)).toHaveValue('120');
  await expect(page.getByLabel(/^Fasting before a dose/)).toHaveValue('2');
  await expect(page.locator('#set-profile-source')).toContainText('Spravato label');
  await page.goto(`/#/plan/${id}/preview`);
  await expect(day2).toContainText('You stay with us for at least 2 hours after the dose');
  await expect(day2).toContainText('before the dose, 40 minutes after it, and at the end');
  await expect(day2).toContainText('2 hours before your session');
  await expect(day2).toContainText('Stop drinking, water too, 30 minutes before.');

  // Changing one of its values makes the profile the practice's own, and it survives a reload.
  await page.goto(`/#/plan/${id}`);
  await page.locator('summary', { hasText: 'Clinical thresholds' }).click();
  await page.getByLabel(/^Fasting before a dose/).fill('3');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(page.getByLabel('Protocol profile')).toHaveValue('custom');
  await page.reload();
  await page.locator('summary', { hasText: 'Clinical thresholds' }).click();
  await expect(page.getByLabel('Protocol profile')).toHaveValue('custom');
  await expect(page.getByLabel(/^Fasting before a dose/)).toHaveValue('3');
});

test('text typed in one records form survives a change saved in another', async ({ page }) => {
  await createPlan(page, { kap: 'Midway' });
  await page.locator('summary', { hasText: 'Screening and logistics' }).click();
  await page.getByLabel('Who doses').selectOption('both');
  await page.getByLabel('Alex signed the KAP consent on').fill('2026-11-20');
  await page.getByLabel('Sam cleared on').fill('2026-11-21');
  await page.getByLabel('Who drives Alex home after day 2').fill('Jordan');
  await page.getByLabel('Who drives Alex home after day 2').press('Tab');
  await expect(page.getByRole('status')).toHaveText('Ride home recorded.');
  await page.locator('summary', { hasText: 'Ask Alex alone' }).click();
  await page.locator('#private-partner_a').selectOption('no');
  await expect(page.getByRole('status')).toHaveText('Private screen recorded.');
  await expect(page.getByLabel('Alex signed the KAP consent on')).toHaveValue('2026-11-20');
  await expect(page.getByLabel('Sam cleared on')).toHaveValue('2026-11-21');
});
