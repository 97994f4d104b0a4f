/**
 * Zwei-Faktor-Anmeldung (issue 16): an employee sets up TOTP in "Mein Zugang" (the code computed here from
 * the secret shown as text) and signs in with password + code; the admin makes the second factor compulsory
 * and an employee without one is led through the setup before any client data.
 */
import { expect, test, type Page } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { generateSync } from 'otplib';
import { hashPassword } from '../../lib/auth/password';
import { createDb } from '../../lib/db/client';
import { createTenant } from '../../lib/tenant/create';
import { createAccount } from '../../lib/users/create';
import { demo, login, PORT } from './helpers';
import { DATABASE_URL, makeEmployee, PASSWORD, tag, withDb } from './world';

test.describe.configure({ mode: 'serial' });
// Waiting for a fresh 30-second step takes up to half a minute.
test.setTimeout(120_000);

const allRead = {
  insurance: 'write',
  finance: 'read',
  other: 'read',
  emergency: 'read',
  communication: 'read',
} as const;

/** A code of a 30-second step after `after` (a step is accepted once), and that step. */
async function freshCode(secret: string, after = 0): Promise<{ code: string; step: number }> {
  for (;;) {
    const now = Date.now() / 1000;
    const step = Math.floor(now / 30);
    if (step > after && now % 30 < 27) return { code: generateSync({ secret, epoch: Math.floor(now) }), step };
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Runs the setup on the current page: EINRICHTEN, the secret as text, the first code; returns the secret. */
async function setUpTotp(page: Page): Promise<{ secret: string; step: number }> {
  await page.getByRole('button', { name: 'EINRICHTEN' }).click();
  await expect(page.getByAltText('QR-Code für Ihre Authenticator-App')).toBeVisible();
  await page.screenshot({ path: `test-results/shots/setup-${Date.now()}.png`, fullPage: true });
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const { code, step } = await freshCode(secret);
  await page.getByLabel('Code aus der App').fill(code);
  await page.getByRole('button', { name: 'BESTÄTIGEN' }).click();
  await expect(page.getByText('Die Zwei-Faktor-Anmeldung ist eingeschaltet.')).toBeVisible();
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  await page.screenshot({ path: `test-results/shots/recovery-${Date.now()}.png`, fullPage: true });
  return { secret, step };
}

test('an employee sets up TOTP and signs in with password and code; a replayed code is refused', async ({ page }) => {
  const e = await makeEmployee('Tara', 'Totp', allRead);
  const username = await withDb(async (db) => {
    const rows = await db.execute<{ username: string }>(sql`SELECT username FROM users WHERE id = ${e.id}`);
    return rows[0]!.username;
  });
  await login(page, demo, username, PASSWORD);
  await expect(page).toHaveURL(`${demo}/dashboard`);
  await page.goto(`${demo}/account`);
  await expect(page.getByText('Ausgeschaltet. Ihr Zugang ist nur mit dem Passwort geschützt.')).toBeVisible();
  const { secret, step } = await setUpTotp(page);

  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/login\?abgemeldet=1/);
  await login(page, demo, username, PASSWORD);
  await expect(page).toHaveURL(`${demo}/login/code`);
  // The password alone opened nothing.
  await page.goto(`${demo}/dashboard`);
  await expect(page).toHaveURL(/\/login$/);

  await login(page, demo, username, PASSWORD);
  await expect(page).toHaveURL(`${demo}/login/code`);
  await page.getByLabel(/^Code/).fill('000000');
  await page.getByRole('button', { name: 'ANMELDEN' }).click();
  await expect(page.getByText('Dieser Code stimmt nicht (oder wurde schon benutzt).')).toBeVisible();
  await page.screenshot({ path: 'test-results/shots/login-code.png', fullPage: true });
  const fresh = await freshCode(secret, step);
  await page.getByLabel(/^Code/).fill(fresh.code);
  await page.getByRole('button', { name: 'ANMELDEN' }).click();
  await expect(page).toHaveURL(`${demo}/dashboard`);

  // The same code once more (another browser session, same 30 s): refused.
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/login\?abgemeldet=1/);
  await login(page, demo, username, PASSWORD);
  await expect(page).toHaveURL(`${demo}/login/code`);
  await page.getByLabel(/^Code/).fill(fresh.code);
  await page.getByRole('button', { name: 'ANMELDEN' }).click();
  await expect(page.getByText('Dieser Code stimmt nicht (oder wurde schon benutzt).')).toBeVisible();
});

/** A tenant of its own (the setting must not hold the demo tenant's accounts of other specs running beside). */
async function ownTenant() {
  const t = tag();
  const passwordHash = await hashPassword(PASSWORD);
  const { db, sql: conn } = createDb(DATABASE_URL, 1);
  try {
    return await db.transaction(async (tx) => {
      const { tenant, admin } = await createTenant(tx, {
        slug: `zf${t}`,
        name: `Pflicht ${t} GmbH`,
        admin: { email: `admin.${t}@pflicht.example`, firstName: 'Anja', lastName: 'Admin', passwordHash },
      });
      const employee = await createAccount(tx, {
        tenantId: tenant.id,
        kind: 'employee',
        role: 'employee',
        email: `nora.${t}@pflicht.example`,
        firstName: 'Nora',
        lastName: 'Neu',
        passwordHash,
        status: 'active',
        rights: allRead,
        scope: 'all',
      });
      return { base: `http://${tenant.slug}.localhost:${PORT}`, admin: admin.username, employee: employee.username };
    });
  } finally {
    await conn.end({ timeout: 5 });
  }
}

test('the admin makes two factors compulsory; an employee without one is led through the setup first', async ({
  browser,
}) => {
  const t = await ownTenant();
  const admin = await browser.newPage();
  await login(admin, t.base, t.admin, PASSWORD);
  await expect(admin).toHaveURL(`${t.base}/dashboard`);
  await admin.goto(`${t.base}/settings`);
  await admin.getByLabel('Zwei-Faktor-Anmeldung für Mitarbeiter verpflichtend').check();
  await admin.screenshot({ path: 'test-results/shots/settings-security.png', fullPage: true });
  await admin.getByRole('button', { name: 'SPEICHERN' }).click();
  // The admin is an employee too: without a factor of their own, they are the first to be led to the setup.
  await expect(admin).toHaveURL(`${t.base}/account/zwei-faktor`);
  await admin.close();

  const page = await browser.newPage();
  await login(page, t.base, t.employee, PASSWORD);
  await expect(page).toHaveURL(`${t.base}/account/zwei-faktor`);
  await expect(page.getByRole('heading', { name: 'Zwei-Faktor-Anmeldung einrichten' })).toBeVisible();
  // No client data before the setup: the contact list sends back to the setup.
  await page.goto(`${t.base}/contacts`);
  await expect(page).toHaveURL(`${t.base}/account/zwei-faktor`);
  // Route handlers answer 401 as well (the page's own fetch, with its cookie).
  expect(await page.evaluate(() => fetch('/api/tickets/unread').then((r) => r.status))).toBe(401);
  await page.screenshot({ path: 'test-results/shots/forced-setup.png', fullPage: true });

  await setUpTotp(page);
  await page.getByRole('link', { name: 'WEITER' }).click();
  await expect(page).toHaveURL(`${t.base}/dashboard`);
  await page.goto(`${t.base}/contacts`);
  await expect(page).toHaveURL(`${t.base}/contacts`);
  await page.close();
});
