import { expect, test } from '@playwright/test';
import { demo, loginAsDemoAdmin } from './helpers';

test('a prospect uses "Kunde werden", the advisor finds the Interessent and takes them on', async ({
  page,
  browser,
}) => {
  const tag = Math.random().toString(36).slice(2, 7);
  const prospect = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
  ).newPage();
  await prospect.goto(`${demo}/login`);
  await prospect.getByRole('link', { name: 'Kunde werden / Kontakt aufnehmen' }).click();
  await expect(prospect.getByRole('heading', { name: 'Kunde werden / Kontakt aufnehmen' })).toBeVisible();
  await prospect.getByLabel('Vorname').fill('Paula');
  await prospect.getByLabel('Nachname').fill(`Probst${tag}`);
  await prospect.getByLabel('E-Mail').fill(`paula.${tag}@interessent.example`);
  await prospect.getByLabel('Thema').selectOption('Baufinanzierung');
  await prospect.getByLabel('Ihre Nachricht (optional)').fill('Wir möchten ein Haus kaufen.');
  await prospect.getByRole('button', { name: 'ANFRAGE SENDEN' }).click();
  // Without consent: a German message next to the checkbox, nothing lost.
  await expect(prospect.getByText('Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu')).toBeVisible();
  await expect(prospect.getByLabel('Nachname')).toHaveValue(`Probst${tag}`);
  await prospect.getByRole('checkbox').check();
  await prospect.waitForTimeout(3_200); // people take longer than the bot threshold of three seconds
  await prospect.getByRole('button', { name: 'ANFRAGE SENDEN' }).click();
  await expect(prospect.getByText('Vielen Dank für Ihre Anfrage!')).toBeVisible();

  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/contacts?filter=leads&q=${tag}`);
  const row = page.getByRole('row').filter({ hasText: `Probst${tag}, Paula` });
  await expect(row).toContainText('Interessent');
  await row.getByRole('link').click();
  await expect(page.getByText('Thema: Baufinanzierung')).toBeVisible();
  await expect(page.getByText('Wir möchten ein Haus kaufen.')).toBeVisible();
  await page.getByRole('button', { name: 'ALS KUNDEN ÜBERNEHMEN' }).click();
  await expect(page.getByText('Interessent – Anfrage über das Kontaktformular')).toHaveCount(0);
  await page.goto(`${demo}/contacts?filter=leads&q=${tag}`);
  await expect(page.getByText(`Keine Kontakte zu „${tag}“ gefunden`)).toBeVisible();
});
