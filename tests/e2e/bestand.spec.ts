import { expect, test } from '@playwright/test';
import { demo, loginAsDemoAdmin } from './helpers';

test('the admin opens BESTAND: a chart with its numbers behind a toggle and a CSV of the same table', async ({
  page,
}) => {
  await loginAsDemoAdmin(page);
  await page.getByRole('link', { name: 'BESTAND' }).first().click();
  await expect(page).toHaveURL(/\/bestand$/);
  await expect(page.getByRole('heading', { level: 1, name: 'BESTAND' })).toBeVisible();
  const card = page.locator('[data-chart="providers"]');
  await expect(card.getByRole('img', { name: 'Jahresbeitrag nach Versicherer' })).toBeVisible();
  const table = card.getByRole('table', { name: 'Bestand nach Versicherer' });
  await expect(table).toBeHidden();
  await card.getByText('Zahlen als Tabelle').click();
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Jahresbeitrag' })).toBeVisible();
  await expect(card.getByRole('link', { name: 'Bestand nach Versicherer als CSV herunterladen' })).toHaveAttribute(
    'href',
    '/api/bestand/providers',
  );
  const csv = await page.evaluate(async () => {
    const r = await fetch('/api/bestand/providers');
    return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
  });
  expect(csv.status).toBe(200);
  expect(csv.type).toContain('text/csv');
  expect(csv.text).toContain('Versicherer / Anbieter;Kunden;Verträge;Jahresbeitrag (EUR)');
  // Not signed in: nothing.
  const anonymous = await page.context().browser()!.newContext();
  const response = await (await anonymous.newPage()).goto(`${demo}/api/bestand/providers`);
  expect(response?.status()).toBe(404);
  await anonymous.close();
});

test('the start page tiles count and lead to their pages', async ({ page }) => {
  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/dashboard`);
  const today = page.getByRole('region', { name: 'Heute' });
  await expect(today.getByRole('link', { name: /Offene Tickets/ })).toHaveAttribute('href', '/tickets?scope=mine');
  await expect(today.getByRole('link', { name: /Neue Interessenten/ })).toHaveAttribute(
    'href',
    '/contacts?filter=leads',
  );
  await today.getByRole('link', { name: /Neue Interessenten/ }).click();
  await expect(page).toHaveURL(/\/contacts\?filter=leads$/);
  await page.goBack();
  await page
    .getByRole('region', { name: 'Heute' })
    .getByRole('link', { name: /Offene Tickets/ })
    .click();
  await expect(page).toHaveURL(/\/tickets\?scope=mine$/);
  await page.goBack();
  await page
    .getByRole('region', { name: 'Heute' })
    .getByRole('link', { name: /Änderungen durch Kunden/ })
    .click();
  await expect(page).toHaveURL(/\/dashboard#changes$/);
  await expect(page.getByRole('heading', { name: 'Änderungen durch Kunden' })).toBeInViewport();
});
