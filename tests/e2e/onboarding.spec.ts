import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo, loginAsDemoAdmin, login, allowMailbox } from './helpers';

const unique = () => Math.random().toString(36).slice(2, 8);

/** Opens the newest mail to `to` in the local mailbox and returns the first link that contains `path`. */
async function linkFromMailbox(page: Page, to: string, subject: RegExp, path: string): Promise<string> {
  await allowMailbox(page);
  await page.goto(`${demo}/dev/mailbox`);
  const row = page.getByRole('row').filter({ hasText: to }).filter({ hasText: subject }).first();
  await row.getByRole('link', { name: 'Anzeigen' }).click();
  const link = page.getByRole('link', { name: new RegExp(path) }).first();
  return (await link.getAttribute('href'))!;
}

async function mailText(page: Page, to: string, subject: RegExp): Promise<string> {
  await allowMailbox(page);
  await page.goto(`${demo}/dev/mailbox`);
  await page
    .getByRole('row')
    .filter({ hasText: to })
    .filter({ hasText: subject })
    .first()
    .getByRole('link', { name: 'Anzeigen' })
    .click();
  await page.getByText('Textversion').click();
  return (await page.locator('pre').textContent()) ?? '';
}

async function setPassword(page: Page, url: string, password: string, pin: string) {
  await page.goto(url);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="passwordRepeat"]').fill(password);
  await page.getByLabel(/PIN/).fill(pin);
  await page.getByRole('button', { name: 'PASSWORT SPEICHERN' }).click();
}

test('admin creates an employee who sets a password with the PIN and logs in', async ({ page, browser }) => {
  const id = unique();
  const email = `lena.vogel.${id}@demo-makler.example`;
  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/users/new`);
  await page.getByLabel('Vorname').fill('Lena');
  await page.getByLabel('Nachname').fill(`Vogel${id}`);
  await page.getByLabel('Geburtsdatum').fill('1991-07-05');
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('VERSICHERUNGEN').selectOption('write');
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page).toHaveURL(/\/users\?neu=/);
  await expect(page.locator('tr[data-highlight="true"]')).toContainText(`Vogel${id}, Lena`);
  await expect(page.locator('tr[data-highlight="true"]')).toContainText('eingeladen');

  const link = await linkFromMailbox(page, email, /Passwort vergeben/, '/activate/');
  const fresh = await (browser as Browser).newContext();
  const visitor = await fresh.newPage();
  // A wrong PIN first: a German message next to the field, the link stays usable.
  await setPassword(visitor, link, 'Ein sicherer Satz für Lena', '01011990');
  await expect(visitor.getByText('Die PIN stimmt nicht.')).toBeVisible();
  await setPassword(visitor, link, 'Ein sicherer Satz für Lena', '05.07.1991');
  await expect(visitor.getByText('Ihr Passwort wurde erfolgreich gespeichert.')).toBeVisible();
  const username = `lena.vogel${id}`;
  await expect(visitor.getByText(username)).toBeVisible();

  const mail2 = await mailText(page, email, /Ihr Benutzername/);
  expect(mail2).toContain(username);

  await login(visitor, demo, username, 'Ein sicherer Satz für Lena');
  await expect(visitor).toHaveURL(`${demo}/dashboard`);
  await expect(visitor.getByRole('heading', { name: 'Guten Tag, Lena' })).toBeVisible();
  await fresh.close();
});

test('a contact is created with German field errors first, then onboarded and logs in on a phone', async ({
  page,
  browser,
}) => {
  const id = unique();
  const email = `paul.${id}@kunde.example`;
  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/contacts/new`);
  await page.getByLabel('Nachname').fill(`Neumann${id}`);
  await page.getByLabel('Geburtsdatum').fill('1980-02-01');
  await page.getByLabel('KUNDEN-E-MAIL').fill('paul-at-example');
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('Bitte geben Sie den Vornamen ein.')).toBeVisible();
  await expect(page.getByText('Bitte geben Sie eine gültige E-Mail-Adresse ein')).toBeVisible();
  // What was typed is still there, and nothing was saved.
  await expect(page.getByLabel('Nachname')).toHaveValue(`Neumann${id}`);
  await page.goto(`${demo}/contacts?q=Neumann${id}`);
  await expect(page.getByText(`Keine Kontakte zu „Neumann${id}“ gefunden`)).toBeVisible();

  // The same e-mail as an existing account is refused next to the field.
  await page.goto(`${demo}/contacts/new`);
  await page.getByLabel('Vorname').fill('Paul');
  await page.getByLabel('Nachname').fill(`Neumann${id}`);
  await page.getByLabel('Geburtsdatum').fill('1980-02-01');
  await page.getByLabel('KUNDEN-E-MAIL').fill('JULIA.SCHMIDT@kunde.example');
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('Diese E-Mail-Adresse wird in Ihrem Portal bereits verwendet')).toBeVisible();
  await page.getByLabel('KUNDEN-E-MAIL').fill(email);
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page).toHaveURL(/\/contacts\?neu=/);
  const row = page.locator('tr[data-highlight="true"]');
  await expect(row).toContainText(`Neumann${id}, Paul`);
  await row.getByRole('link').click();

  await page.getByRole('button', { name: 'BENUTZERKONTO ERSTELLEN' }).click();
  await expect(page.getByRole('dialog')).toContainText('Noch wird keine E-Mail verschickt');
  await page.getByRole('button', { name: 'Ja, Konto erstellen' }).click();
  await page.getByRole('button', { name: 'REGISTRIERUNGSMAIL VERSCHICKEN' }).click();
  await expect(page.getByText('Die REGISTRIERUNGSMAIL (PASSWORT-MAIL #1) ist unterwegs.')).toBeVisible();

  const link = await linkFromMailbox(page, email, /Passwort vergeben/, '/activate/');
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const client = await phone.newPage();
  await setPassword(client, link, 'Mein Garten blüht im Mai', '01021980');
  await expect(client.getByText('Ihr Passwort wurde erfolgreich gespeichert.')).toBeVisible();
  await client.getByRole('link', { name: 'ZUM LOGIN' }).click();
  await login(client, demo, email, 'Mein Garten blüht im Mai');
  await expect(client).toHaveURL(`${demo}/portal`);
  await expect(client.getByRole('heading', { name: 'Hallo Paul' })).toBeVisible();
  // The link works once only.
  await client.goto(link);
  await expect(client.getByText('Mit diesem Link wurde bereits ein Passwort vergeben.')).toBeVisible();
  await phone.close();
});

test('forgot password answers the same for unknown accounts', async ({ page }) => {
  await page.goto(`${demo}/login`);
  await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
  // The login page has a field with the same label: wait for the reset page first.
  await expect(page.getByRole('heading', { name: 'Passwort vergessen?' })).toBeVisible();
  await page.getByLabel('Benutzername oder E-Mail').fill('niemand-hier');
  await page.getByRole('button', { name: 'LINK ANFORDERN' }).click();
  await expect(page.getByText('Wenn es zu diesen Angaben ein Benutzerkonto gibt')).toBeVisible();
});

test('an employee without rights sees a helpful empty state, not the contacts', async ({ page }) => {
  // demo.mitarbeiter has rights; a fresh employee without rights is created by the admin.
  const id = unique();
  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/users/new`);
  await page.getByLabel('Vorname').fill('Ohne');
  await page.getByLabel('Nachname').fill(`Rechte${id}`);
  await page.getByLabel('Geburtsdatum').fill('1990-01-01');
  await page.getByLabel('E-Mail').fill(`ohne.${id}@demo-makler.example`);
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page).toHaveURL(/\/users\?neu=/);
  const link = await linkFromMailbox(page, `ohne.${id}@demo-makler.example`, /Passwort vergeben/, '/activate/');
  const other = await page.context().browser()!.newContext();
  const p = await other.newPage();
  await setPassword(p, link, 'Noch keine Rechte bisher', '01011990');
  await expect(p.getByText('Ihr Passwort wurde erfolgreich gespeichert.')).toBeVisible();
  await login(p, demo, `ohne.rechte${id}`, 'Noch keine Rechte bisher');
  await expect(p).toHaveURL(`${demo}/dashboard`);
  await p.goto(`${demo}/contacts`);
  await expect(p.getByText('Ihnen wurden noch keine Rechte vergeben')).toBeVisible();
  await p.goto(`${demo}/users`);
  await expect(p.getByText('Nur für Admins')).toBeVisible();
  await other.close();
});
