import { expect, test, type Page } from '@playwright/test';
import { demo, demoLogins, login, loginAsDemoAdmin } from './helpers';

test.describe.configure({ mode: 'serial' });

const modules = ['PROFIL', 'KOMMUNIKATION', 'VERSICHERUNGEN', 'FINANZEN (Sparen / Finanzieren)', 'SONSTIGE VERTRÄGE', 'NOTFALL-ORDNER'] as const;
const switches = ['FREISCHALTUNG', 'DATENFREIGABE', 'NUR LESEN'] as const;
type Setting = Partial<Record<(typeof modules)[number], (typeof switches)[number][]>>;

async function openJulia(page: Page) {
  await loginAsDemoAdmin(page);
  await gotoJulia(page);
}

async function gotoJulia(page: Page) {
  await page.goto(`${demo}/contacts?q=julia.schmidt`);
  await page.getByRole('link', { name: 'Schmidt, Julia' }).click();
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

test('the handbook example, as the client sees it on a phone, and the "Nur Kommunikation" preset', async ({ page, browser }) => {
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
  const client = await phone.newPage();
  await login(client, demo, demoLogins.demo.client.username, demoLogins.demo.client.password);
  await expect(client).toHaveURL(`${demo}/portal`);
  const main = client.getByRole('main');
  await expect(main.getByRole('heading', { name: 'KOMMUNIKATION' })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'DIGITALER ORDNER' })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'PROFIL' })).toHaveCount(0);
  await client.goto(`${demo}/portal/folder`);
  await expect(client.getByTestId('mode-insurance')).toHaveText('nur lesen');
  await expect(client.getByTestId('mode-finance')).toHaveText('Sie können Verträge anlegen und Dokumente hochladen');
  await expect(client.getByTestId('mode-other')).toHaveText('Sie können Verträge anlegen und Dokumente hochladen');
  await expect(client.getByTestId('mode-emergency')).toHaveText('nur lesen');
  await client.goto(`${demo}/portal/folder/emergency`);
  await expect(client.getByText('Hier erscheinen die Verträge, die Sie selbst anlegen.')).toBeVisible();
  expect((await client.goto(`${demo}/portal/profile`))?.status()).toBe(404);

  // The advisor switches to "Nur Kommunikation": the client's next page load reflects it, no new login.
  await page.getByRole('button', { name: 'Nur Kommunikation' }).click();
  await save(page);
  await client.goto(`${demo}/portal`);
  await expect(client.getByRole('main').getByRole('heading', { name: 'KOMMUNIKATION' })).toBeVisible();
  await expect(client.getByRole('main').getByRole('heading', { name: 'DIGITALER ORDNER' })).toHaveCount(0);
  expect((await client.goto(`${demo}/portal/folder`))?.status()).toBe(404);
  expect((await client.goto(`${demo}/portal/folder/insurance`))?.status()).toBe(404);

  // "Keine Freigaben": the friendly empty state.
  await page.getByRole('button', { name: 'Keine Freigaben' }).click();
  await save(page);
  await client.goto(`${demo}/portal`);
  await expect(client.getByText('Ihr Ordner wird gerade vorbereitet')).toBeVisible();
  await phone.close();
});

test('DATENFREIGABE shows the handbook warning; a client edits the PROFIL and the advisor sees it', async ({ page, browser }) => {
  await openJulia(page);
  await setGrants(page, { PROFIL: ['FREISCHALTUNG'], VERSICHERUNGEN: ['DATENFREIGABE'] });
  await expect(page.getByText('auch von IHNEN ANGELEGTE VERTRÄGE ÄNDERN und LÖSCHEN')).toBeVisible();
  await save(page);

  const context = await browser.newContext();
  const client = await context.newPage();
  await login(client, demo, demoLogins.demo.client.username, demoLogins.demo.client.password);
  await expect(client).toHaveURL(`${demo}/portal`);
  await client.goto(`${demo}/portal/profile`);
  await client.getByLabel('Telefon').fill('040 123456');
  await client.getByLabel('PLZ').fill('2009');
  await client.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(client.getByText('Die PLZ hat fünf Ziffern.')).toBeVisible();
  await expect(client.getByLabel('Telefon')).toHaveValue('040 123456');
  await client.getByLabel('PLZ').fill('20099');
  await client.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(client.getByText('Ihre Angaben sind gespeichert.')).toBeVisible();

  await page.reload();
  const activity = page.getByRole('list', { name: 'Aktivität' });
  await expect(activity).toContainText('Profil durch den Kunden geändert');
  await expect(activity).toContainText('Telefon, PLZ');
  await expect(activity).toContainText('VERSICHERUNGEN: DATENFREIGABE an');

  // Kundenansicht shows what the client sees, read-only.
  await page.getByRole('link', { name: 'KUNDENANSICHT' }).click();
  await expect(page.getByText('so sieht Julia Schmidt das Portal')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'PROFIL' })).toBeVisible();
  await expect(page.getByTestId('mode-insurance')).toHaveText('Sie können Verträge anlegen und Dokumente hochladen');

  // Without the write right the profile is read-only.
  await gotoJulia(page);
  await setGrants(page, { PROFIL: ['FREISCHALTUNG', 'NUR LESEN'] });
  await save(page);
  await client.goto(`${demo}/portal/profile`);
  await expect(client.getByRole('button', { name: 'SPEICHERN' })).toHaveCount(0);
  await expect(client.getByText('040 123456')).toBeVisible();
  await context.close();
});
