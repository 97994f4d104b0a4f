import { expect, test } from '@playwright/test';
import { demo, demoLogins, login, platform } from './helpers';

test('an employee sends an Anliegen with a screenshot; the operator reads it', async ({ page, browser }) => {
  const sharp = (await import('sharp')).default;
  const shot = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#dddddd' } })
    .png()
    .toBuffer();
  const subject = `Frage ${Math.random().toString(36).slice(2, 7)}`;
  await login(page, demo, demoLogins.demo.employee.username, demoLogins.demo.employee.password);
  await expect(page).toHaveURL(`${demo}/dashboard`);
  await page.getByRole('link', { name: 'HILFE' }).first().click();
  await page.getByLabel('Hilfe durchsuchen').fill('Freigaben');
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page.getByRole('heading', { name: 'Die KUNDENANSICHT und die FREIGABEN' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Das Modul WHITELABEL' })).toHaveCount(0);

  await page.getByRole('button', { name: 'ANLIEGEN SENDEN' }).click();
  await expect(page.getByText('Bitte geben Sie einen Betreff ein.')).toBeVisible();
  await page.getByLabel('Betreff').fill(subject);
  await page.getByLabel('Ihr Anliegen').fill('Wie exportiere ich die Daten eines Kunden?');
  await page
    .getByLabel('Screenshots hinzufügen')
    .setInputFiles({ name: 'bild.png', mimeType: 'image/png', buffer: shot });
  await expect(page.getByText('Angehängt: bild.png')).toBeVisible();
  await page.getByRole('button', { name: 'ANLIEGEN SENDEN' }).click();
  await expect(page.getByText('Ihr Anliegen ist beim Betreiber angekommen')).toBeVisible();

  const operator = await (
    await browser.newContext({ httpCredentials: { username: 'betreiber', password: 'e2e-betreiber-passwort' } })
  ).newPage();
  await operator.goto(`${platform}/support`);
  const entry = operator.getByRole('listitem').filter({ hasText: subject });
  await expect(entry).toContainText('Demo Makler GmbH');
  await expect(entry.getByRole('link', { name: 'Screenshot 1' })).toBeVisible();
});
