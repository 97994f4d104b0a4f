/**
 * KONTAKTE → IMPORTIEREN end to end (issue 14): a CSV of 50 contacts with 3 bad rows through the column
 * mapping, the review (the three errors with their German reasons) and the report (the refused rows as CSV);
 * then an insurer's GDV file whose contracts land in the right contacts' folders with the right values – and
 * the clients see them exactly as their FREIGABEN allow.
 *
 * Every run uses its own names, e-mail addresses and policy numbers (tag), so it never meets older data.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { and, eq, like } from 'drizzle-orm';
import { contracts, users } from '../../lib/db/schema';
import * as w from '../unit/gdv/writer';
import { demo, login, loginAsDemoAdmin } from './helpers';
import { PASSWORD, makeClient, on, readOnly, tag, uuidRe, withDb } from './world';

// The worker checks and applies in the background (polling every 2 s): give each test room on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer, kind?: string) {
  await page.goto(`${demo}/contacts/import`);
  if (kind) await page.getByLabel(kind).check();
  await page.locator('#import-file').setInputFiles({ name, mimeType, buffer });
  await expect(page).toHaveURL(new RegExp(`/contacts/import/${uuidRe}$`), { timeout: 30_000 });
}

/** The worker checks / applies in the background; the page refreshes itself while it runs. */
async function waitFor(page: Page, text: string | RegExp) {
  await expect(page.getByText(text).first()).toBeVisible({ timeout: 60_000 });
}

async function accept(page: Page, button: string) {
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: button }).click();
}

test('a CSV of 50 contacts with 3 bad rows: mapping, review with the reasons, report with the refused rows', async ({
  page,
}) => {
  const t = tag();
  const lines = ['Anrede;Vorname;Nachname;Geburtsdatum;E-Mail;Telefon;PLZ;Ort'];
  for (let i = 1; i <= 50; i++) {
    let row = `Frau;Ida${i};Import${t};01.02.1980;ida${i}.${t}@kunde.example;0221 ${1000 + i};50667;Köln`;
    if (i === 10) row = `Herr;Ede${i};Import${t};01.02.1980;keine-mail;;;`;
    if (i === 20) row = `Herr;Eik${i};Import${t};31.02.1990;eik${i}.${t}@kunde.example;;;`;
    if (i === 30) row = `Frau;Ohne${i};;01.02.1980;ohne${i}.${t}@kunde.example;;;`;
    lines.push(row);
  }
  await loginAsDemoAdmin(page);
  await upload(page, `kontakte-${t}.csv`, 'text/csv', Buffer.from(lines.join('\r\n'), 'utf8'));

  // Spalten zuordnen: the German headers are detected; the user could change each one.
  await expect(page.getByRole('heading', { name: 'Spalten zuordnen' })).toBeVisible();
  await expect(page.locator('#col_1')).toHaveValue('firstName');
  await expect(page.locator('#col_4')).toHaveValue('email');
  await page.locator('#col_5').selectOption('phone');
  await page.getByRole('button', { name: 'PRÜFEN' }).click();

  // Prüfung: 47 neu, 3 Fehler with their German reasons next to the line.
  await waitFor(page, 'ÜBERNEHMEN');
  await page.getByRole('navigation', { name: 'Prüfung' }).getByRole('link', { name: 'Fehler' }).click();
  await expect(page).toHaveURL(/status=error/);
  const errors = page.locator('tr[data-status="error"]');
  await expect(errors).toHaveCount(3);
  await expect(errors.filter({ hasText: 'Bitte geben Sie eine gültige E-Mail-Adresse ein' })).toContainText('11');
  await expect(errors.filter({ hasText: 'Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ).' })).toContainText('21');
  await expect(errors.filter({ hasText: 'Bitte den Nachnamen angeben.' })).toContainText('31');
  await page.getByRole('navigation', { name: 'Prüfung' }).getByRole('link', { name: 'neu' }).click();
  await expect(page.locator('tr[data-status="new"]')).toHaveCount(47);

  // ÜBERNEHMEN → Bericht; the refused rows as CSV to fix and import again.
  await accept(page, 'ÜBERNEHMEN');
  await waitFor(page, 'Bericht');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'ABGELEHNTE ZEILEN (CSV)' }).click(),
  ]);
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  const refused = csv.split('\r\n').filter(Boolean);
  expect(refused).toHaveLength(4);
  expect(refused[0]).toMatch(/^Zeile;Grund;/);
  expect(refused.find((l) => l.startsWith('11;'))).toContain('keine-mail');
  expect(refused.find((l) => l.startsWith('21;'))).toContain('gültiges Datum');
  expect(refused.find((l) => l.startsWith('31;'))).toContain('Nachnamen');

  const imported = await withDb((db, tenantId) =>
    db
      .select({ email: users.email, status: users.status })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), like(users.lastName, `Import${t}`))),
  );
  expect(imported).toHaveLength(47);
  expect(imported.every((u) => u.status === 'none')).toBe(true); // an import never creates accounts
});

test('a GDV file: contracts in the right folders with the right values, seen by the clients per FREIGABEN', async ({
  page,
  browser,
}) => {
  const t = tag();
  // Two clients the insurer knows by name and birth date: one may read the advisor's VERSICHERUNGEN, one not.
  const reader = await makeClient('Gdvlesen', { insurance: readOnly }, null);
  const own = await makeClient('Gdveigen', { insurance: on }, null);
  const vorsatz = { vu: '5339', sender: 'Nordlicht Allgemeine', from: '2026-11-01', to: '2026-11-30' };
  const contract = (who: typeof reader, policy: string, sparte: string, gross: number, product: string) => {
    const h = { vu: '5339', sparte, policy };
    return [
      ...w.person(h, { salutation: '2', surname: who.lastName, firstName: who.firstName, birth: '1991-05-17' }),
      ...w.vertrag(h, {
        start: '2024-01-01',
        end: '2027-01-01',
        due: '2027-01-01',
        frequency: '1',
        status: '1',
        net: gross - 1900,
        gross,
        product,
        printable: policy,
      }),
    ];
  };
  const body = [
    ...contract(reader, `H${t}`, '040', 11900, 'Privathaftpflicht Komfort'),
    ...contract(own, `R${t}`, '130', 23800, 'Hausrat Plus'),
  ];
  await loginAsDemoAdmin(page);
  await upload(page, `bestand-${t}.gdv`, 'text/plain', w.file(w.paket(vorsatz, body), '\r\n'), 'Verträge (GDV-Datei)');
  await waitFor(page, 'ÜBERNEHMEN');
  // Both persons are matched to the existing contacts (no new contact), the two contracts are neu.
  await expect(page.locator('tr[data-status="new"]').filter({ hasText: `Nr. H${t}` })).toBeVisible();
  await expect(page.locator('tr[data-status="new"]').filter({ hasText: `Nr. R${t}` })).toBeVisible();
  await expect(page.locator('tr[data-status="error"]')).toHaveCount(0);
  await accept(page, 'ÜBERNEHMEN');
  await waitFor(page, 'Bericht');

  const rows = await withDb((db, tenantId) =>
    db
      .select()
      .from(contracts)
      .where(and(eq(contracts.tenantId, tenantId), like(contracts.gdvKey, `%${t}%`))),
  );
  expect(rows.map((r) => [r.contactId, r.number, r.premiumCents, r.frequency]).sort()).toEqual(
    [
      [reader.id, `H${t}`, 11900, 'jährlich'],
      [own.id, `R${t}`, 23800, 'jährlich'],
    ].sort(),
  );

  // The advisor sees each contract in its contact's folder.
  await page.goto(`${demo}/contacts/${reader.id}/folder/insurance`);
  await expect(page.getByRole('row').filter({ hasText: `H${t}` })).toContainText('119,00');
  await page.goto(`${demo}/contacts/${own.id}/folder/insurance`);
  await expect(page.getByRole('row').filter({ hasText: `R${t}` })).toContainText('238,00');

  // NUR LESEN shows the advisor's (imported) contracts; "Aktivierung" alone shows only the client's own.
  const ctxA = await browser.newContext({ locale: 'de-DE' });
  const a = await ctxA.newPage();
  await login(a, demo, reader.email, PASSWORD);
  await expect(a).toHaveURL(`${demo}/portal`);
  await a.goto(`${demo}/portal/folder/insurance`);
  await expect(a.getByRole('row').filter({ hasText: `H${t}` })).toContainText('119,00');
  await ctxA.close();
  const ctxB = await browser.newContext({ locale: 'de-DE' });
  const b = await ctxB.newPage();
  await login(b, demo, own.email, PASSWORD);
  await expect(b).toHaveURL(`${demo}/portal`);
  await b.goto(`${demo}/portal/folder/insurance`);
  await expect(b.getByText(`R${t}`)).toHaveCount(0);
  await ctxB.close();
});

test('the review of a mixed file: neu, geändert (before → after), unverändert, Fehler – desktop and phone', async ({
  page,
}) => {
  const t = tag();
  const same = await makeClient('Bleibt', {}, null);
  const moved = await makeClient('Umzug', {}, null);
  const rows = [
    'Anrede;Vorname;Nachname;Geburtsdatum;E-Mail;Telefon;Straße;PLZ;Ort',
    `;${same.firstName};${same.lastName};17.05.1991;${same.email};;;;Hamburg`,
    `;${moved.firstName};${moved.lastName};17.05.1991;${moved.email};040 8877665;Elbchaussee 12;22763;Köln`,
    `Herr;Jürgen;Özdemir${t};03.04.1975;juergen.${t}@kunde.example;0221 445566;Venloer Str. 5;50672;Köln`,
    `Frau;Marie;Schäfer${t};1988-11-30;marie.${t}@kunde.example;;Hauptstr. 1;10115;Berlin`,
    `Herr;Karl;Krume${t};12.12.1960;karl.${t}@krume.example;0711 123;Marktplatz 3;70173;Stuttgart`,
    `Herr;Paul;Ohnemail${t};;;;;;München`,
    `Frau;Doris;Doppelt${t};01.01.1970;JUERGEN.${t}@kunde.example;;;;`,
    `Herr;Tom;Datum${t};31.02.1990;tom.${t}@kunde.example;;;;`,
  ];
  await loginAsDemoAdmin(page);
  await upload(page, `bestand-alt-${t}.csv`, 'text/csv', Buffer.from(rows.join('\n'), 'utf8'));
  await page.getByRole('button', { name: 'PRÜFEN' }).click();
  await waitFor(page, 'ÜBERNEHMEN');
  await expect(page.locator('tr[data-status="unchanged"]')).toHaveCount(1);
  const changed = page.locator('tr[data-status="changed"]');
  await expect(changed).toContainText('Hamburg');
  await expect(changed).toContainText('Köln');
  await expect(page.locator('tr[data-status="new"]')).toHaveCount(4);
  await expect(page.locator('tr[data-status="error"]')).toHaveCount(2);
  await expect(page.getByText('Diese E-Mail-Adresse steht schon in Zeile 4 der Datei.')).toBeVisible();
  const axe = () =>
    new AxeBuilder({ page })
      .setLegacyMode(true)
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .options({ resultTypes: ['violations'] })
      .analyze();
  expect((await axe()).violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'screenshots/import-review-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect((await axe()).violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'screenshots/import-review-mobile.png', fullPage: true });
});
