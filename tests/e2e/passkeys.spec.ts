/**
 * Passkeys (issue 16) in Chromium with a CDP virtual authenticator (internal transport, resident keys, user
 * verification): a client adds a passkey in "Mein Zugang" on a 390 px phone and signs in without a password;
 * an employee uses the passkey as the second factor after the password, then alone; the passkey of demo is
 * not offered on another tenant's host.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, login, nord } from './helpers';
import { makeClient, makeEmployee, on, PASSWORD } from './world';

test.describe.configure({ mode: 'parallel', timeout: 90_000 });

async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function addPasskey(page: Page, name: string) {
  await page.getByLabel('Name des Passkeys').fill(name);
  await page.getByLabel('Ihr Passwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'PASSKEY HINZUFÜGEN' }).click();
  await expect(page.getByText(`Der Passkey „${name}“ ist hinterlegt.`)).toBeVisible();
  await expect(page.getByTestId('passkeys').getByRole('button', { name: `Umbenennen ${name}` })).toBeVisible();
}

async function logout(page: Page) {
  await page.getByRole('button', { name: 'Abmelden' }).filter({ visible: true }).first().click();
  await expect(page).toHaveURL(/\/login\?abgemeldet=1/);
}

test('a client adds a passkey on a 390 px phone and signs in without a password @phone', async ({ page }, info) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const client = await makeClient('Passkey', { profile: on }, null);
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  await login(page, demo, client.email, PASSWORD);
  await expect(page).toHaveURL(`${demo}/portal`);
  await page.goto(`${demo}/portal/account`);
  await expect(page.getByText('Noch kein Passkey hinterlegt.')).toBeVisible();

  // A wrong password: the message at the field, no passkey made.
  await page.getByLabel('Ihr Passwort').fill('falsch');
  await page.getByRole('button', { name: 'PASSKEY HINZUFÜGEN' }).click();
  await expect(page.getByText('Das Passwort stimmt nicht.')).toBeVisible();

  await addPasskey(page, 'Mein Telefon');
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]!.rpId).toBe('demo.localhost');
  expect(credentials[0]!.isResidentCredential).toBe(true);
  await page.getByTestId('passkeys').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/shots/passkeys-account-${info.project.name}.png`, fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no sideways scrolling at 390 px').toBeLessThanOrEqual(390);

  await logout(page);
  await page.getByRole('button', { name: 'MIT PASSKEY ANMELDEN' }).click();
  await expect(page).toHaveURL(`${demo}/portal`);
  await page.goto(`${demo}/portal/account`);
  await expect(page.getByTestId('passkeys').getByText(/Zuletzt benutzt am/)).toBeVisible();

  // Rename it.
  await page.getByRole('button', { name: 'Umbenennen Mein Telefon' }).click();
  await page.getByLabel('Neuer Name für „Mein Telefon“').fill('Pixel');
  await page.getByRole('button', { name: 'SPEICHERN', exact: true }).click();
  await expect(page.getByText('Der Passkey heißt jetzt „Pixel“.')).toBeVisible();
});

test('an employee confirms the password with a passkey, then signs in with the passkey alone', async ({
  page,
}, info) => {
  const e = await makeEmployee('Paul', 'Passkey');
  await virtualAuthenticator(page);
  await login(page, demo, e.email, PASSWORD);
  await expect(page).toHaveURL(`${demo}/dashboard`);
  await page.goto(`${demo}/account`);
  await addPasskey(page, 'Büro-Laptop');
  await page.screenshot({
    path: `test-results/shots/passkeys-account-employee-${info.project.name}.png`,
    fullPage: true,
  });
  await logout(page);

  // The password alone is not enough any more: the second step, completed by the passkey.
  await login(page, demo, e.email, PASSWORD);
  await expect(page).toHaveURL(`${demo}/login/code`);
  await page.screenshot({ path: `test-results/shots/passkeys-code-${info.project.name}.png`, fullPage: true });
  await page.getByRole('button', { name: 'MIT PASSKEY BESTÄTIGEN' }).click();
  await expect(page).toHaveURL(`${demo}/dashboard`);
  await logout(page);

  await page.getByRole('button', { name: 'MIT PASSKEY ANMELDEN' }).click();
  await expect(page).toHaveURL(`${demo}/dashboard`);

  // On another tenant's host the browser has no passkey to offer.
  await page.goto(`${nord}/login`);
  await page.getByRole('button', { name: 'MIT PASSKEY ANMELDEN' }).click();
  await expect(
    page.getByText('Der Vorgang wurde abgebrochen oder Ihr Gerät hat keinen Passkey angeboten.'),
  ).toBeVisible();
  await expect(page).toHaveURL(`${nord}/login`);
});
