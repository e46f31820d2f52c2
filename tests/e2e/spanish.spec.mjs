// The couple's side in Spanish: the therapist chooses the couple's language in the preview; the
// preview, a share link opened on a fresh device, and their `lang` attributes follow it, with
// no English sentence of the couple's texts left (checked against the English table,
// texts-en.json, which a native test keeps in step with src/core/text/en.rs).
import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible, createPlan, plainShareLink } from './fixtures.mjs';

const english = JSON.parse(readFileSync(new URL('./texts-en.json', import.meta.url), 'utf8'));
/** The English fragments (between the parts filled in) long enough to be sure of. */
const fragments = english
  .flatMap((t) => t.split(/\{[a-z]+\}/))
  .map((t) => t.trim().replace(/^[,.·:]\s*/, ''))
  .filter((t) => t.length >= 10);

/** The English sentences of the table left in a text. */
const englishIn = (text) => fragments.filter((f) => text.includes(f));

test('a plan set to Spanish: the preview and a share link opened on a fresh device read in Spanish, marked lang="es"', async ({ page, browser }) => {
  await createPlan(page, { kap: 'Midway' });
  await page.locator('summary', { hasText: 'Screening and logistics' }).click();
  await page.getByLabel('Who doses').selectOption('partner_a');
  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  await expect(page.getByRole('region', { name: /^Day 1 · Fri 4 Dec 2026/ })).toBeVisible();

  // The therapist chooses; the choice is kept with the plan.
  await page.getByLabel("The couple's language").selectOption({ label: 'Español' });
  await expect(page.getByRole('region', { name: 'Día 1 · viernes 4 de diciembre de 2026' })).toBeVisible();
  await expect(page.getByLabel("The couple's language")).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Su día de KAP: por favor, léalo' })).toBeVisible();
  const days = page.locator('div[lang="es"]').filter({ has: page.locator('.preview-day') });
  await expect(days).toHaveCount(1);
  expect(englishIn(await days.innerText())).toEqual([]);
  await expect(page.locator('.summary')).toHaveAttribute('lang', 'es');
  // The therapist's own tools stay in English.
  await expect(page.getByText('Share link', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByLabel("The couple's language")).toHaveValue('es');
  // The plan's title, as the new-plan form wrote it, reads in Spanish too.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · intensivo de pareja de 3 días');
  // The therapist's preview on a small phone: Spanish runs longer, and nothing overflows.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(page.getByRole('region', { name: /^Día 1/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await page.screenshot({ path: 'test-results/spanish-preview-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The couple opens a link on a device that has never seen the plan.
  const link = await plainShareLink(page);
  const context = await browser.newContext();
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 360, height: 800 });
  await phone.goto(link);
  await expect(phone.getByRole('region', { name: /^Día 2 · sábado 5 de diciembre de 2026/ })).toBeVisible();
  await expect(phone.locator('html')).toHaveAttribute('lang', 'es');
  await expect(phone.getByRole('button', { name: 'Guardar una copia' })).toBeVisible();
  await expect(phone.getByLabel('Mostrar')).toBeVisible();
  await expect(phone.getByRole('region', { name: /^Día 2/ })).toContainText('Deje de comer');
  const schedule = await phone.locator('.preview-day').allInnerTexts();
  expect(englishIn(schedule.join('\n'))).toEqual([]);
  expect(englishIn(await phone.locator('footer').innerText())).toEqual([]);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · intensivo de pareja de 3 días');
  // Nothing is cut off or wider than a small phone.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await expectAccessible(phone);
  await phone.screenshot({ path: 'test-results/spanish-share-360.png', fullPage: true });

  // The calendar panel and the file it makes are in Spanish.
  await phone.locator('summary', { hasText: 'Archivo de calendario' }).click();
  const [download] = await Promise.all([phone.waitForEvent('download'), phone.getByRole('button', { name: 'Calendario para todos' }).click()]);
  const ics = readFileSync(await download.path(), 'utf8').replace(/\r\n[ \t]/g, '').replace(/\\,/g, ',');
  expect(ics).toContain('SUMMARY:Sesión');
  expect(ics).toContain('Hora de dejar de comer');
  expect(englishIn(ics)).toEqual([]);

  // Day cards: in Spanish, one page each; then English and Spanish side by side.
  await phone.getByRole('button', { name: 'Tarjetas de cada día' }).click();
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Tarjetas de cada día');
  // The cards on the small phone too: longer Spanish, and still nothing wider than the screen.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await phone.screenshot({ path: 'test-results/spanish-cards-360.png', fullPage: true });
  await phone.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(phone);
  await phone.emulateMedia({ media: 'print' });
  const spanishCards = await phone.locator('main').innerText();
  expect(englishIn(spanishCards)).toEqual([]);
  expect(spanishCards).toContain('Día 2 · sábado 5 de diciembre de 2026');
  const pages = async () => {
    const pdf = await phone.pdf({ format: 'A4' });
    return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  };
  expect(await pages()).toBe(6);
  await phone.emulateMedia({ media: 'screen' });
  await phone.getByLabel('Inglés y español, uno al lado del otro').check();
  await phone.emulateMedia({ media: 'print' });
  const both = await phone.locator('main').innerText();
  expect(both).toContain('Day 2 · Sat 5 Dec 2026');
  expect(both).toContain('Día 2 · sábado 5 de diciembre de 2026');
  await expect(phone.locator('.card-pair:visible').first().locator('.card[lang="en"] + .card[lang="es"]')).toHaveCount(1);
  expect(await pages()).toBe(6);
  await phone.emulateMedia({ media: 'screen' });
  await expectAccessible(phone);
  await context.close();

  // A partner who reads English gets a link of their own in English; the plan stays Spanish.
  await page.getByLabel('Show').selectOption('partner_a');
  await expect(page.getByLabel('Language of this link')).toHaveValue('es');
  await page.getByLabel('Language of this link').selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByText('The link is made for Alex only')).toBeVisible();
  const alexLink = await page.getByLabel('The link').inputValue();
  expect(alexLink).not.toBe(link);
  const alexDevice = await browser.newContext();
  const alex = await alexDevice.newPage();
  await alex.goto(alexLink);
  await expect(alex.getByRole('region', { name: /^Day 2 · Sat 5 Dec 2026/ })).toBeVisible();
  await expect(alex.locator('html')).toHaveAttribute('lang', 'en');
  await expect(alex.getByRole('heading', { level: 1 })).toHaveText('Alex & Sam · 3-day couples intensive');
  await alexDevice.close();
  await page.reload();
  await expect(page.getByLabel("The couple's language")).toHaveValue('es');
});

test('before a schedule opens, the share page speaks the device\'s language: the passphrase prompt and its errors in Spanish', async ({ page, browser }) => {
  await createPlan(page, {});
  await page.getByRole('link', { name: "Couple's preview and sharing" }).click();
  await page.locator('summary', { hasText: 'Share link' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill('maple otter cabin lamp');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByLabel('The link').inputValue();

  const context = await browser.newContext({ locale: 'es-MX' });
  const phone = await context.newPage();
  await phone.goto(link);
  await expect(phone.getByRole('heading', { name: 'Un horario protegido' })).toBeVisible();
  await expect(phone.locator('html')).toHaveAttribute('lang', 'es');
  await phone.getByLabel('Frase de acceso').fill('maple otter cabin lump');
  await phone.getByRole('button', { name: 'Abrir' }).click();
  await expect(phone.getByRole('alert')).toHaveText('La frase de acceso no es correcta, o el enlace cambió o está incompleto. Revise los dos y vuelva a intentarlo.');
  expect(englishIn(await phone.locator('body').innerText())).toEqual([]);
  await expectAccessible(phone);
  // The schedule itself is in the plan's language (English here), and the page says so.
  await phone.getByLabel('Frase de acceso').fill('maple otter cabin lamp');
  await phone.getByRole('button', { name: 'Abrir' }).click();
  await expect(phone.getByRole('region', { name: /^Day 1 · Fri 4 Dec 2026/ })).toBeVisible();
  await expect(phone.locator('html')).toHaveAttribute('lang', 'en');
  // The English schedule on a small phone: nothing wider than the screen either.
  await phone.setViewportSize({ width: 360, height: 800 });
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await phone.screenshot({ path: 'test-results/english-share-360.png', fullPage: true });

  // Something that is not a share link, on a Spanish device.
  const wrong = await context.newPage();
  await wrong.goto(`${link.split('#')[0]}#/share/zz.not-a-link`);
  await expect(wrong.getByRole('heading', { name: 'Este enlace no se puede abrir' })).toBeVisible();
  // (The technical reason in brackets is the decoder's, in English.)
  await expect(wrong.getByRole('alert')).toContainText('Este enlace está dañado (');
  await expect(wrong.getByRole('alert')).toContainText('Pida el enlace otra vez.');
  await context.close();
});
