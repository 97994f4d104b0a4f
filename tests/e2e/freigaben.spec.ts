import { expect, test, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../lib/auth/password';
import { createDb } from '../../lib/db/client';
import { contactProfiles, tenants } from '../../lib/db/schema';
import { createAccount } from '../../lib/users/create';
import { demo, login, loginAsDemoAdmin, PORT } from './helpers';

test.describe.configure({ mode: 'serial' });

/** A client of its own (active account, nothing granted), so no other test file sees these switches change. */
const tag = Math.random().toString(36).slice(2, 7);
const client = {
  firstName: 'Julia',
  lastName: `Frei${tag}`,
  email: `julia.frei.${tag}@kunde.example`,
  password: 'Mein Ordner ist sicher 2026',
};

test.beforeAll(async () => {
  const { db, sql } = createDb(`postgres://postgres:mappe-local@127.0.0.1:${54000 + (PORT % 1000)}/mappe`, 1);
  const [demoTenant] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'demo'));
  const passwordHash = await hashPassword(client.password);
  await db.transaction(async (tx) => {
    const user = await createAccount(tx, {
      tenantId: demoTenant!.id,
      kind: 'client',
      email: client.email,
      firstName: client.firstName,
      lastName: client.lastName,
      birthDate: '1990-03-21',
      passwordHash,
      status: 'active',
    });
    await tx.insert(contactProfiles).values({ tenantId: demoTenant!.id, userId: user.id, city: 'Hamburg' });
  });
  await sql.end();
});

const modules = [
  'PROFIL',
  'KOMMUNIKATION',
  'VERSICHERUNGEN',
  'FINANZEN (Sparen / Finanzieren)',
  'SONSTIGE VERTRÄGE',
  'NOTFALL-ORDNER',
] as const;
const switches = ['FREISCHALTUNG', 'DATENFREIGABE', 'NUR LESEN'] as const;
type Setting = Partial<Record<(typeof modules)[number], (typeof switches)[number][]>>;

async function openJulia(page: Page) {
  await loginAsDemoAdmin(page);
  await gotoJulia(page);
}

async function gotoJulia(page: Page) {
  await page.goto(`${demo}/contacts?q=${client.email}`);
  await page.getByRole('link', { name: `${client.lastName}, ${client.firstName}` }).click();
  await expect(page.getByRole('heading', { name: 'FREIGABEN ERTEILEN' })).toBeVisible();
}

async function setGrants(page: Page, setting: Setting) {
  for (const m of modules) {
    for (const s of switches) {
      const box = page.getByRole('checkbox', { name: `${m}: ${s}` });
      const want = setting[m]?.includes(s) ?? false;
      if ((await box.isChecked()) !== want) await box.click();
    }
  }
}

async function save(page: Page) {
  // The success message of an earlier save may still be on screen: wait for this save's answer.
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/contacts/')),
    page.getByRole('button', { name: 'FREIGABEN SPEICHERN' }).click(),
  ]);
  await expect(page.getByText('Die FREIGABEN sind gespeichert')).toBeVisible();
}

test('the handbook example, as the client sees it on a phone, and the "Nur Kommunikation" preset', async ({
  page,
  browser,
}) => {
  await openJulia(page);
  await setGrants(page, {
    KOMMUNIKATION: ['FREISCHALTUNG'],
    VERSICHERUNGEN: ['NUR LESEN'],
    'FINANZEN (Sparen / Finanzieren)': ['FREISCHALTUNG'],
    'SONSTIGE VERTRÄGE': ['FREISCHALTUNG'],
    'NOTFALL-ORDNER': ['FREISCHALTUNG', 'NUR LESEN'],
  });
  await expect(page.getByTestId('summary-emergency')).toHaveText('sieht nur eigene Inhalte · nur lesen');
  await expect(page.getByTestId('summary-profile')).toHaveText('ausgeblendet');
  await save(page);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const clientPage = await phone.newPage();
  await login(clientPage, demo, client.email, client.password);
  await expect(clientPage).toHaveURL(`${demo}/portal`);
  const main = clientPage.getByRole('main');
  await expect(main.getByRole('heading', { name: 'KOMMUNIKATION' })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'DIGITALER ORDNER' })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'PROFIL' })).toHaveCount(0);
  await clientPage.goto(`${demo}/portal/folder`);
  await expect(clientPage.getByTestId('mode-insurance')).toHaveText('nur lesen');
  await expect(clientPage.getByTestId('mode-finance')).toHaveText(
    'Sie können Verträge anlegen und Dokumente hochladen',
  );
  await expect(clientPage.getByTestId('mode-other')).toHaveText('Sie können Verträge anlegen und Dokumente hochladen');
  await expect(clientPage.getByTestId('mode-emergency')).toHaveText('nur lesen');
  await clientPage.goto(`${demo}/portal/folder/emergency`);
  await expect(clientPage.getByText('Hier erscheinen die Verträge, die Sie selbst anlegen.')).toBeVisible();
  expect((await clientPage.goto(`${demo}/portal/profile`))?.status()).toBe(404);

  // The advisor switches to "Nur Kommunikation": the client's next page load reflects it, no new login.
  await page.getByRole('button', { name: 'Nur Kommunikation' }).click();
  await save(page);
  await clientPage.goto(`${demo}/portal`);
  await expect(clientPage.getByRole('main').getByRole('heading', { name: 'KOMMUNIKATION' })).toBeVisible();
  await expect(clientPage.getByRole('main').getByRole('heading', { name: 'DIGITALER ORDNER' })).toHaveCount(0);
  expect((await clientPage.goto(`${demo}/portal/folder`))?.status()).toBe(404);
  expect((await clientPage.goto(`${demo}/portal/folder/insurance`))?.status()).toBe(404);

  // "Keine Freigaben": the friendly empty state.
  await page.getByRole('button', { name: 'Keine Freigaben' }).click();
  await save(page);
  await clientPage.goto(`${demo}/portal`);
  await expect(clientPage.getByText('Ihr Ordner wird gerade vorbereitet')).toBeVisible();
  await phone.close();
});

test('DATENFREIGABE shows the handbook warning; a client edits the PROFIL and the advisor sees it', async ({
  page,
  browser,
}) => {
  await openJulia(page);
  await setGrants(page, { PROFIL: ['FREISCHALTUNG'], VERSICHERUNGEN: ['DATENFREIGABE'] });
  await expect(page.getByText('auch von IHNEN ANGELEGTE VERTRÄGE ÄNDERN und LÖSCHEN')).toBeVisible();
  await save(page);

  const context = await browser.newContext();
  const clientPage = await context.newPage();
  await login(clientPage, demo, client.email, client.password);
  await expect(clientPage).toHaveURL(`${demo}/portal`);
  await clientPage.goto(`${demo}/portal/profile`);
  await clientPage.getByLabel('Telefon').fill('040 123456');
  await clientPage.getByLabel('PLZ').fill('2009');
  await clientPage.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(clientPage.getByText('Die PLZ hat fünf Ziffern.')).toBeVisible();
  await expect(clientPage.getByLabel('Telefon')).toHaveValue('040 123456');
  await clientPage.getByLabel('PLZ').fill('20099');
  await clientPage.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(clientPage.getByText('Ihre Angaben sind gespeichert.')).toBeVisible();

  await page.reload();
  const activity = page.getByRole('list', { name: 'Aktivität' });
  await expect(activity).toContainText('Profil durch den Kunden geändert');
  await expect(activity).toContainText('Telefon, PLZ');
  await expect(activity).toContainText('VERSICHERUNGEN: DATENFREIGABE an');

  // Kundenansicht shows what the client sees, read-only.
  await page.getByRole('link', { name: 'KUNDENANSICHT' }).click();
  await expect(page.getByText(`so sieht ${client.firstName} ${client.lastName} das Portal`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'PROFIL' })).toBeVisible();
  await expect(page.getByTestId('mode-insurance')).toHaveText('Sie können Verträge anlegen und Dokumente hochladen');

  // Without the write right the profile is read-only.
  await gotoJulia(page);
  await setGrants(page, { PROFIL: ['FREISCHALTUNG', 'NUR LESEN'] });
  await save(page);
  await clientPage.goto(`${demo}/portal/profile`);
  await expect(clientPage.getByRole('button', { name: 'SPEICHERN' })).toHaveCount(0);
  await expect(clientPage.getByText('040 123456')).toBeVisible();
  await context.close();
});
