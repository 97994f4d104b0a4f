/**
 * Sessions and PROTOKOLL end to end: a client signed in in two browsers ends the other one with "Alle anderen
 * abmelden" (its next page is the login); the admin opens a contact, sees the visit under "Zugriffe" and
 * finds it in EINSTELLUNGEN → PROTOKOLL filtered by that contact (and only that contact's events).
 */
import { expect, test } from '@playwright/test';
import { demo, loginAsDemoAdmin } from './helpers';
import { escapeRe, getAs, loginAs, makeClient, on } from './world';

test('"Alle anderen abmelden" ends the session of a second browser at once', async ({ browser }) => {
  test.setTimeout(90_000);
  const client = await makeClient('Sitzung', { profile: on }, null);
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const a = await first.newPage();
    const b = await second.newPage();
    await loginAs(a, client, '/portal');
    await loginAs(b, client, '/portal');
    await b.goto(`${demo}/portal/account`);
    await expect(b.getByRole('heading', { name: 'Angemeldete Geräte' })).toBeVisible();

    await a.goto(`${demo}/portal/account`);
    const sessions = a.getByTestId('sessions').getByRole('listitem');
    await expect(sessions).toHaveCount(2);
    await expect(sessions.filter({ hasText: 'Dieses Gerät' })).toHaveCount(1);
    await expect(sessions.first()).toContainText(/IP (\d+\.\d+\.\d+\.x|[0-9a-f:]*::\/48|unbekannt)/);
    await a.getByRole('button', { name: 'Alle anderen abmelden' }).click();
    await expect(a.getByText('Sie sind auf keinem anderen Gerät angemeldet.')).toBeVisible();
    await expect(sessions).toHaveCount(1);

    await b.goto(`${demo}/portal/account`);
    await expect(b).toHaveURL(new RegExp(`${escapeRe(demo)}/login`));
    // The first browser is still signed in.
    await a.reload();
    await expect(a.getByRole('heading', { name: 'Angemeldete Geräte' })).toBeVisible();
  } finally {
    await first.close();
    await second.close();
  }
});

test('the admin finds who opened a contact in PROTOKOLL, filtered by that contact', async ({ page }) => {
  test.setTimeout(90_000);
  const seen = await makeClient('Gesehen', {}, null);
  const unseen = await makeClient('Anderer', {}, null);
  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/contacts/${seen.id}`);
  await expect(page.getByRole('heading', { name: 'Zugriffe' })).toBeVisible();
  await expect(page.getByTestId('accesses')).toContainText('Kontakt geöffnet');
  await page.goto(`${demo}/contacts/${unseen.id}`);
  await expect(page.getByTestId('accesses')).toContainText('Kontakt geöffnet');

  await page.goto(`${demo}/settings`);
  await page
    .getByRole('link', { name: /PROTOKOLL/ })
    .first()
    .click();
  await expect(page).toHaveURL(`${demo}/settings/protokoll`);
  await page.getByLabel('Kontakt').fill(seen.lastName);
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(page).toHaveURL(new RegExp(`contact=${escapeRe(seen.lastName)}`));
  const rows = page.locator('tbody tr');
  await expect(rows.filter({ hasText: 'Kontakt geöffnet' })).toHaveCount(1);
  await expect(rows.first()).toContainText(seen.name);
  await expect(page.locator('tbody')).not.toContainText(unseen.name);

  await page.getByLabel('Art des Ereignisses').selectOption('contact.opened');
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(rows).toHaveCount(1);
  const csv = await getAs(
    page,
    `${demo}/api/protocol/export?contact=${encodeURIComponent(seen.lastName)}&kind=contact.opened`,
  );
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('Kontakt geöffnet');
});
