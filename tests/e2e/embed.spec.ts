import { expect, test } from '@playwright/test';
import { demo, loginAsDemoAdmin, viaHost } from './helpers';

test('only the embed card may be framed, and only by the listed websites', async ({ page, request }) => {
  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/settings/website`);
  await expect(page.getByText('<iframe src="http://demo.localhost')).toBeVisible();
  await page.getByLabel(/Websites, die die Karte einbinden dürfen/).fill('www.demo-makler.example');
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('ist keine Website-Adresse der Form https://www.ihre-firma.de')).toBeVisible();
  await page.getByLabel(/Websites, die die Karte einbinden dürfen/).fill('https://www.demo-makler.example');
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('Gespeichert. Alle anderen Websites')).toBeVisible();

  const embed = viaHost(`${demo}/embed`);
  const card = await request.get(embed.url, { headers: embed.headers });
  expect(card.status()).toBe(200);
  expect(card.headers()['content-security-policy']).toContain('frame-ancestors https://www.demo-makler.example');
  expect(card.headers()['x-frame-options']).toBeUndefined();
  const login = viaHost(`${demo}/login`);
  const loginPage = await request.get(login.url, { headers: login.headers });
  expect(loginPage.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(loginPage.headers()['x-frame-options']).toBe('DENY');

  await page.goto(`${demo}/embed`);
  await expect(page.getByRole('link', { name: 'ZUM KUNDENPORTAL' })).toHaveAttribute('target', '_blank');
  // Reset for other runs.
  await page.goto(`${demo}/settings/website`);
  await page.getByLabel(/Websites, die die Karte einbinden dürfen/).fill('');
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('Gespeichert. Alle anderen Websites')).toBeVisible();
});
