/**
 * The English UI end to end: a client picks English in "Mein Zugang" and from then on sees the portal, the
 * folder, PROFIL and KOMMUNIKATION in English, writes to the advisor, gets the advisor's notification mail
 * in English, and after signing out the login page stays English on this browser. The advisor (no choice:
 * the tenant's German) keeps the German UI and gets German mail.
 */
import { expect, test } from '@playwright/test';
import { demo } from './helpers';
import { loginAs, makeClient, makeEmployee, mailsTo, on } from './world';

test('a client switches the portal to English and uses it end to end', async ({ page, browser }) => {
  const advisor = await makeEmployee('Erik', 'English');
  const client = await makeClient('English', { profile: on, communication: on, insurance: on }, advisor.id);
  await loginAs(page, client, '/portal');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  // Mein Zugang → Sprache → English.
  await page.goto(`${demo}/portal/account`);
  await expect(page.getByRole('heading', { name: 'Mein Zugang', level: 1 })).toBeVisible();
  await page.getByLabel('Sprache des Portals').selectOption('en');
  await page.getByRole('button', { name: 'SPRACHE SPEICHERN' }).click();
  await expect(page.getByText('The language has been saved.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'My access', level: 1 })).toBeVisible();

  // Start page: English tiles and navigation, html lang follows.
  await page.goto(`${demo}/portal`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText(`Hello ${client.firstName}`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'DIGITAL FOLDER' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'MESSAGES' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'PROFILE' })).toBeVisible();

  // The folder and an area.
  await page.goto(`${demo}/portal/folder`);
  await expect(page.getByText('INSURANCE', { exact: true })).toBeVisible();
  await page.goto(`${demo}/portal/folder/insurance`);
  await expect(page.getByRole('link', { name: 'ADD CONTRACT' }).first()).toBeVisible();

  // PROFIL.
  await page.goto(`${demo}/portal/profile`);
  await expect(page.getByRole('heading', { name: 'PROFILE', level: 1 })).toBeVisible();
  await expect(page.getByText('Date of birth', { exact: true })).toBeVisible();

  // KOMMUNIKATION: a new message in English.
  await page.goto(`${demo}/portal/messages`);
  await page.getByRole('link', { name: '+ NEW MESSAGE' }).click();
  await expect(page.getByRole('heading', { name: 'NEW MESSAGE' })).toBeVisible();
  const subject = `Question about my home contents ${Date.now()}`;
  await page.getByRole('textbox', { name: 'SUBJECT', exact: true }).fill(subject);
  await page.getByRole('textbox', { name: 'MESSAGE', exact: true }).fill('Is my bicycle insured as well?');
  await page.getByRole('button', { name: 'SEND' }).click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  await expect(
    page.getByText(`Your message has been sent. ${advisor.name} has been notified by e-mail.`),
  ).toBeVisible();
  const ticketId = new URL(page.url()).pathname.split('/').pop()!;

  // The advisor works in German and answers; the client's notification mail is English.
  const staff = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  await loginAs(staff, advisor, '/dashboard');
  await staff.goto(`${demo}/tickets/${ticketId}`);
  await expect(staff.locator('html')).toHaveAttribute('lang', 'de');
  await staff.getByLabel('NEUER EINTRAG').fill('Ja, bis 1.000 € ist es mitversichert.');
  await staff.getByRole('button', { name: 'SENDEN' }).click();
  await expect(staff.getByRole('list', { name: 'Verlauf' })).toContainText('Ja, bis 1.000 €');
  await expect
    .poll(async () => (await mailsTo([client.email])).map((m) => m.subject))
    .toContain('You have a NEW MESSAGE');
  const staffMails = await mailsTo([advisor.email]);
  expect(staffMails.map((m) => m.subject)).toContain('Neue Nachricht von einem Kunden');
  await staff.context().close();

  // The reply in the client's thread, in English around it.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Conversation' })).toContainText('Ja, bis 1.000 €');

  // After signing out, this browser's login page stays English.
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText('You have been signed out.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'SIGN IN' })).toBeVisible();
});
