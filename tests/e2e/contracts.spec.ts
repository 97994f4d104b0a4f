/**
 * Contracts and documents end to end (DIGITALER ORDNER): the advisor files a contract through the letter
 * index and adds a PDF, a client photographs a letter on the phone, NUR LESEN really is read-only,
 * the duplicate warning, editing and deleting, and a hostile file that only pretends to be a PDF.
 *
 * Every test makes its own contact in the e2e database (tenant demo), so the tests run in any order, in
 * parallel, and never touch the demo data (demo.kunde's FREIGABEN and totals stay as seeded).
 */
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { and, eq } from 'drizzle-orm';
import { emptyGrants, type ClientModule, type Switches } from '../../lib/access/freigaben';
import { hashPassword } from '../../lib/auth/password';
import { createDb } from '../../lib/db/client';
import { clientGrants, contactProfiles, contracts, tenants, users } from '../../lib/db/schema';
import { createAccount } from '../../lib/users/create';
import { demo, demoLogins, login, loginAsDemoAdmin, PORT, viaHost } from './helpers';

/** scripts/services.ts localPorts(): the embedded PostgreSQL of the app under test. */
const DATABASE_URL = `postgres://postgres:mappe-local@127.0.0.1:${54000 + (PORT % 1000)}/mappe`;
const PASSWORD = 'Mein Ordner ist sicher 2026';
const ADMIN_NAME = 'Anna Berger'; // demo.admin in lib/db/seed.ts
const EMPLOYEE_NAME = 'Max Keller'; // demo.mitarbeiter

const on: Switches = { activation: true, dataRelease: false, readOnly: false };
const readOnly: Switches = { activation: false, dataRelease: false, readOnly: true };

/* ------------------------------------------------------------------ data of each test */

interface Contact {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  name: string;
}

const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function withDb<T>(fn: (db: ReturnType<typeof createDb>['db'], tenantId: string) => Promise<T>): Promise<T> {
  const { db, sql } = createDb(DATABASE_URL, 1);
  try {
    const [t] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'demo'));
    return await fn(db, t!.id);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * A fresh contact of tenant demo. With `grants` it gets an active client account (password PASSWORD) and
 * exactly these FREIGABEN; without, it is a contact without an account.
 */
async function makeContact(label: string, grants?: Partial<Record<ClientModule, Switches>>): Promise<Contact> {
  const t = tag();
  const firstName = 'Lena';
  const lastName = `${label}${t}`;
  const email = `lena.${label.toLowerCase()}.${t}@kunde.example`;
  const passwordHash = grants ? await hashPassword(PASSWORD) : null;
  return withDb(async (db, tenantId) => {
    const [employee] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.username, demoLogins.demo.employee.username)));
    const id = await db.transaction(async (tx) => {
      const u = await createAccount(tx, {
        tenantId,
        kind: 'client',
        email,
        firstName,
        lastName,
        birthDate: '1991-05-17',
        passwordHash,
        status: grants ? 'active' : 'none',
      });
      await tx
        .insert(contactProfiles)
        .values({ tenantId, userId: u.id, city: 'Hamburg', advisorId: employee!.id, createdBy: employee!.id });
      const all = { ...emptyGrants(), ...grants };
      for (const [module, s] of Object.entries(all)) {
        if (s.activation || s.dataRelease || s.readOnly)
          await tx.insert(clientGrants).values({ tenantId, userId: u.id, module: module as ClientModule, ...s });
      }
      return u.id;
    });
    return { id, firstName, lastName, email, name: `${firstName} ${lastName}` };
  });
}

/** A contract filed by an employee (demo.admin or demo.mitarbeiter) straight into the database. */
async function seedContract(
  contactId: string,
  by: 'admin' | 'employee',
  c: {
    area: 'insurance' | 'finance' | 'other';
    product: string;
    provider: string;
    number: string;
    frequency: 'monatlich' | 'jährlich';
    premiumCents: number;
  },
): Promise<string> {
  return withDb(async (db, tenantId) => {
    const username = by === 'admin' ? demoLogins.demo.admin.username : demoLogins.demo.employee.username;
    const [u] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.username, username)));
    const [row] = await db
      .insert(contracts)
      .values({
        tenantId,
        contactId,
        ...c,
        status: 'aktiv',
        paymentMethod: 'Lastschrift',
        startDate: '2025-01-01',
        createdBy: u!.id,
        updatedBy: u!.id,
      })
      .returning({ id: contracts.id });
    return row!.id;
  });
}

/* ------------------------------------------------------------------ files */

/** A small but well-formed one-page PDF (catalog, pages, page, content stream, font, xref, trailer). */
function minimalPdf(text: string): Buffer {
  const content = `BT /F1 18 Tf 24 60 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 140] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A Windows program: "MZ", the DOS stub text, padding. What a renamed .exe looks like to the byte check. */
function windowsExecutable(): Buffer {
  const b = Buffer.alloc(1024);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('This program cannot be run in DOS mode.\r\r\n$', 0x4e, 'latin1');
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

/* ------------------------------------------------------------------ helpers */

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The document form of DOKUMENT HINZUFÜGEN on the page (there is one open at a time in these tests). */
const documentForm = (page: Page) => page.locator('form').filter({ has: page.getByTestId('file-input') });

/** A request with the browser context's session (Node cannot resolve *.localhost: 127.0.0.1 plus Host). */
async function requestAs(page: Page, method: 'GET' | 'POST', url: string, data?: unknown) {
  const target = viaHost(url);
  const cookie = (await page.context().cookies(demo)).map((c) => `${c.name}=${c.value}`).join('; ');
  return page.request.fetch(target.url, {
    method,
    headers: {
      ...target.headers,
      ...(cookie ? { cookie } : {}),
      ...(method === 'POST' ? { origin: demo, 'content-type': 'application/json' } : {}),
    },
    data: data === undefined ? undefined : JSON.stringify(data),
    maxRedirects: 0,
  });
}

/** Adds one PDF through the open DOKUMENT HINZUFÜGEN panel and waits for the confirmation. */
async function addPdf(page: Page, title: string, filename: string) {
  const form = documentForm(page);
  await form.getByLabel('TITEL').fill(title);
  await form
    .getByTestId('file-input')
    .setInputFiles({ name: filename, mimeType: 'application/pdf', buffer: minimalPdf(title) });
  await expect(
    form.getByRole('list', { name: 'Ausgewählte Dateien' }).getByRole('listitem').filter({ hasText: filename }),
  ).toContainText('geprüft ✓');
  await form.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('Das Dokument ist gespeichert.').first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Dokumente' })).toContainText(title);
}

/** The file id behind a file's link in a document list. */
async function fileIdOf(page: Page, filename: string): Promise<string> {
  const href = await page
    .getByRole('list', { name: 'Dokumente' })
    .getByRole('link', { name: `${filename} herunterladen`, exact: true })
    .getAttribute('href');
  const id = /^\/api\/files\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1];
  expect(id, `download link of ${filename}: ${href}`).toBeTruthy();
  return id!;
}

/* ------------------------------------------------------------------ the tests */

test('advisor: contract via the letter index, a PDF to it, totals, viewer and download headers', async ({ page }) => {
  test.setTimeout(90_000);
  const contact = await makeContact('Vertrag');
  const number = `PHV-${tag().toUpperCase()}`;
  await loginAsDemoAdmin(page);

  // The contact page: an empty folder.
  await page.goto(`${demo}/contacts/${contact.id}`);
  await expect(page.getByRole('heading', { name: 'DIGITALER ORDNER' })).toBeVisible();
  await expect(page.getByTestId('area-insurance')).toContainText('0Verträge');
  await expect(page.getByTestId('folder-total')).toContainText('Beitragsübersicht: Summe pro Jahr');
  await expect(page.getByTestId('folder-total')).toContainText('0,00 €');

  await page.getByTestId('area-insurance').click();
  await expect(page).toHaveURL(`${demo}/contacts/${contact.id}/folder/insurance`);
  await expect(page.getByTestId('area-total')).toContainText('0,00 €');
  await page.getByRole('link', { name: '+ VERTRAG HINZUFÜGEN' }).click();
  await expect(page).toHaveURL(`${demo}/contacts/${contact.id}/folder/insurance/new`);

  // VERTRAG HINZUFÜGEN.
  await expect(page.getByLabel('VERTRAGSSTATUS')).toHaveValue('aktiv');
  await page.getByLabel('PRODUKT / SPARTE').selectOption('Privathaftpflichtversicherung');

  // The letter index: "C" moves the list towards the C entries; CONDOR is chosen from there.
  // (Where exactly the list lands is checked by the next test.)
  const list = page.getByRole('listbox', { name: 'VERSICHERER' });
  await expect(list).toBeVisible();
  expect(await list.evaluate((el) => el.scrollTop)).toBe(0);
  await page.getByRole('button', { name: 'Zu C springen' }).click();
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await expect(list.getByRole('option').first()).not.toBeInViewport();
  await list.getByRole('option', { name: 'CONDOR Allgemeine Versicherungs-AG', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'VERSICHERER' })).toHaveValue('CONDOR Allgemeine Versicherungs-AG');

  await page.getByLabel('VERSICHERUNGSNUMMER').fill(number);
  await page.getByLabel('ZAHLART').selectOption('Lastschrift');
  await page.getByLabel('ZAHLWEISE').selectOption('monatlich');
  await expect(page.getByText('gem. ZAHLWEISE: monatlich')).toBeVisible();
  await page.getByLabel('BRUTTOBEITRAG (€)').fill('12,50');
  await page.getByLabel('Beginn').fill('2026-01-01');
  await page.getByLabel('Kündigungsfrist', { exact: true }).fill('3 Monate zum Ablauf');
  await page.getByLabel('NOTIZ').fill('Abgeschlossen im Beratungsgespräch.');
  await page.getByRole('button', { name: 'SPEICHERN' }).click();

  // The new contract.
  await expect(page).toHaveURL(
    new RegExp(`^${escapeRe(demo)}/contacts/${contact.id}/contracts/[0-9a-f-]{36}\\?neu=1$`),
  );
  const contractUrl = page.url().replace(/\?neu=1$/, '');
  await expect(page.getByText('Der Vertrag ist angelegt. Sie können jetzt Dokumente hinzufügen.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Vertrag: Privathaftpflichtversicherung' })).toBeVisible();
  await expect(page.getByText('CONDOR Allgemeine Versicherungs-AG', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(number, { exact: true })).toBeVisible();
  await expect(page.getByText('12,50 €', { exact: true })).toBeVisible();
  await expect(page.getByText('150,00 €', { exact: true })).toBeVisible(); // Beitrag pro Jahr
  await expect(page.getByTestId('contract-meta')).toContainText(`Angelegt von ${ADMIN_NAME}`);
  await expect(page.getByTestId('contract-meta')).toContainText(`zuletzt geändert von ${ADMIN_NAME}`);

  // + DOKUMENT HINZUFÜGEN (open, the contract has no document yet): a PDF, checked, then SPEICHERN.
  await expect(page.getByText('Zu diesem Vertrag gibt es noch keine Dokumente.')).toBeVisible();
  const form = documentForm(page);
  await expect(form.getByLabel('ART')).toHaveValue('Police');
  await form.getByLabel('DATUM').fill('2026-01-02');
  await addPdf(page, 'Police 2026', 'police.pdf');
  const fileId = await fileIdOf(page, 'police.pdf');

  // Totals: the area and the contact's Beitragsübersicht show 12 × 12,50 € = 150,00 €.
  await page.goto(`${demo}/contacts/${contact.id}/folder/insurance`);
  await expect(page.getByTestId('area-total')).toContainText('150,00 €');
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('CONDOR Allgemeine Versicherungs-AG');
  await expect(row).toContainText('12,50 € monatlich');
  await expect(row).toContainText('150,00 €');
  await page.goto(`${demo}/contacts/${contact.id}`);
  await expect(page.getByTestId('area-insurance')).toContainText('1Vertrag · 150,00 € pro Jahr');
  await expect(page.getByTestId('folder-total')).toContainText('150,00 €');
  const activity = page.getByRole('list', { name: 'Aktivität' });
  await expect(activity).toContainText('Vertrag angelegt');
  await expect(activity).toContainText(
    'VERSICHERUNGEN: Privathaftpflichtversicherung · CONDOR Allgemeine Versicherungs-AG',
  );
  await expect(activity).toContainText('Dokument hinzugefügt');
  await expect(activity).toContainText('VERSICHERUNGEN: „Police 2026“');

  // The viewer page, reached from the contract.
  await page.goto(contractUrl);
  await page.getByRole('list', { name: 'Dokumente' }).getByRole('link', { name: 'police.pdf', exact: true }).click();
  await expect(page).toHaveURL(`${demo}/documents/${fileId}`);
  await expect(page.getByRole('heading', { name: 'Police 2026' })).toBeVisible();
  await expect(page.locator('iframe[title="Police 2026"]')).toHaveAttribute('src', `/api/files/${fileId}?inline=1`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Herunterladen' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('police.pdf');

  // The download: the same bytes, as an attachment, nosniff, sandboxed.
  const file = await requestAs(page, 'GET', `${demo}/api/files/${fileId}`);
  expect(file.status()).toBe(200);
  const h = file.headers();
  expect(h['content-type']).toBe('application/pdf');
  expect(h['content-disposition']).toMatch(/^attachment; filename="police\.pdf"/);
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['cache-control']).toContain('no-store');
  expect(Buffer.compare(await file.body(), minimalPdf('Police 2026'))).toBe(0);
  const inline = await requestAs(page, 'GET', `${demo}/api/files/${fileId}?inline=1`);
  expect(inline.headers()['content-disposition']).toMatch(/^inline; /);
  expect(inline.headers()['x-content-type-options']).toBe('nosniff');

  // Without a session the file does not exist.
  const target = viaHost(`${demo}/api/files/${fileId}`);
  const anonymous = await page.request.get(target.url, { headers: target.headers, maxRedirects: 0 });
  expect(anonymous.status()).toBe(404);
});

test('the letter index: "C" scrolls the VERSICHERER list so that it starts with the first C entry', async ({
  page,
}) => {
  const contact = await makeContact('Index');
  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/contacts/${contact.id}/folder/insurance/new`);
  const list = page.getByRole('listbox', { name: 'VERSICHERER' });
  const options = list.getByRole('option');
  await expect(list).toBeVisible();
  const names = await options.allTextContents();
  const firstC = names.findIndex((n) => /^c/i.test(n.trim()));
  expect(firstC, 'the catalogue has entries before the C entries').toBeGreaterThan(5);
  await page.getByRole('button', { name: 'Zu C springen' }).click();
  await expect
    .poll(
      async () => {
        const [box, c] = [await list.boundingBox(), await options.nth(firstC).boundingBox()];
        return Math.round(Math.abs(c!.y - box!.y));
      },
      { message: 'distance of the first C entry from the top of the list (px)', timeout: 3_000 },
    )
    .toBeLessThanOrEqual(8);
  await expect(options.nth(firstC)).toBeInViewport();
  await expect(options.nth(firstC - 2)).not.toBeInViewport();
  await expect(list.getByRole('option', { name: 'CONDOR Allgemeine Versicherungs-AG', exact: true })).toBeInViewport();
});

test('a download carries the sandbox CSP that /api/files/<id> sets (nothing in a file runs on our origin)', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const contact = await makeContact('Sandbox');
  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/contacts/${contact.id}/folder/other`);
  await page.getByRole('button', { name: '+ DOKUMENT HINZUFÜGEN' }).click();
  await addPdf(page, 'Vertragsunterlagen', 'unterlagen.pdf');
  const fileId = await fileIdOf(page, 'unterlagen.pdf');
  const file = await requestAs(page, 'GET', `${demo}/api/files/${fileId}`);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-disposition']).toMatch(/^attachment; /);
  const csp = file.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain('sandbox');
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a client with write right in FINANZEN photographs a letter; it is scaled, and the advisor sees the change', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const client = await makeContact('Foto', { finance: on });
    const title = `Brief der Bausparkasse ${tag()}`;

    // A 4,800 × 3,200 photo straight from the camera, with EXIF data.
    const photo = await sharp({
      create: { width: 4800, height: 3200, channels: 3, background: { r: 236, g: 230, b: 214 } },
    })
      .composite([
        {
          input: { create: { width: 2400, height: 1200, channels: 3, background: { r: 40, g: 60, b: 120 } } },
          left: 600,
          top: 900,
        },
      ])
      .jpeg({ quality: 85 })
      .withExif({ IFD0: { Make: 'Testkamera', Model: 'E2E', Copyright: 'Lena' } })
      .toBuffer();
    const original = await sharp(photo).metadata();
    expect([original.width, original.height]).toEqual([4800, 3200]);
    expect(original.exif).toBeDefined();

    await login(page, demo, client.email, PASSWORD);
    await expect(page).toHaveURL(`${demo}/portal`);
    await page.goto(`${demo}/portal/folder`);
    await expect(page.getByTestId('mode-finance')).toHaveText('Sie können Verträge anlegen und Dokumente hochladen');
    await page.getByRole('link', { name: /FINANZEN \(Sparen \/ Finanzieren\)/ }).click();
    await expect(page).toHaveURL(`${demo}/portal/folder/finance`);
    await expect(page.getByRole('link', { name: '+ VERTRAG HINZUFÜGEN' })).toBeVisible();

    // The panel is open for an empty area; on a phone the camera button is there.
    const form = documentForm(page);
    await expect(form.locator('button', { hasText: 'Foto aufnehmen' })).toBeVisible();
    await form.getByLabel('TITEL').fill(title);
    await form.getByLabel('ART').selectOption('Korrespondenz');
    await form.getByTestId('camera-input').setInputFiles({ name: 'brief.jpg', mimeType: 'image/jpeg', buffer: photo });
    const item = form
      .getByRole('list', { name: 'Ausgewählte Dateien' })
      .getByRole('listitem')
      .filter({ hasText: 'brief.jpg' });
    await expect(item).toContainText('geprüft ✓', { timeout: 30_000 });
    await form.getByRole('button', { name: 'SPEICHERN' }).click();
    await expect(page.getByText('Das Dokument ist gespeichert.').first()).toBeVisible();
    const docs = page.getByRole('list', { name: 'Dokumente' });
    await expect(docs).toContainText(title);
    await expect(docs).toContainText('von Ihnen');
    const fileId = await fileIdOf(page, 'brief.jpg');

    // The stored file: a JPEG with a long edge of at most 2,560 px, same proportions, no EXIF.
    const res = await requestAs(page, 'GET', `${demo}/api/files/${fileId}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/jpeg');
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    const stored = await sharp(await res.body()).metadata();
    expect(stored.format).toBe('jpeg');
    expect(Math.max(stored.width!, stored.height!)).toBeLessThanOrEqual(2560);
    expect(stored.width).toBe(2560);
    expect(Math.abs(stored.height! - Math.round((3200 * 2560) / 4800))).toBeLessThanOrEqual(1);
    expect(stored.exif, 'metadata (EXIF) is removed before the upload').toBeUndefined();

    // The viewer page shows the photo.
    await docs.getByRole('link', { name: 'brief.jpg', exact: true }).click();
    await expect(page).toHaveURL(`${demo}/portal/documents/${fileId}`);
    const img = page.getByRole('img', { name: title });
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(2560);

    // The advisor: "Änderungen durch Kunden" on the start page and the contact's activity.
    const advisor = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const admin = await advisor.newPage();
    await loginAsDemoAdmin(admin);
    const changes = admin.getByRole('list', { name: 'Änderungen durch Kunden' });
    const entry = changes.getByRole('listitem').filter({ hasText: client.name });
    await expect(entry).toContainText(
      `${client.name} Dokument hinzugefügt – FINANZEN (Sparen / Finanzieren): „${title}“`,
    );
    await entry.getByRole('link', { name: client.name }).click();
    await expect(admin).toHaveURL(`${demo}/contacts/${client.id}`);
    const activity = admin.getByRole('list', { name: 'Aktivität' });
    const line = activity.getByRole('listitem').filter({ hasText: title });
    await expect(line).toContainText('Dokument hinzugefügt');
    await expect(line).toContainText('durch den Kunden');
    await expect(line).toContainText(`FINANZEN (Sparen / Finanzieren): „${title}“`);
    await admin.goto(`${demo}/contacts/${client.id}/folder/finance`);
    await expect(admin.getByRole('list', { name: 'Dokumente' })).toContainText(title);
    await expect(admin.getByRole('list', { name: 'Dokumente' })).toContainText('vom Kunden');
    await advisor.close();
  });
});

test('a client with NUR LESEN sees contracts and documents but cannot add, change or upload', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const client = await makeContact('Leser', { insurance: readOnly, finance: on });
  const number = `HR-${tag().toUpperCase()}`;
  const contractId = await seedContract(client.id, 'admin', {
    area: 'insurance',
    product: 'Hausratversicherung',
    provider: 'Allianz Versicherungs-AG',
    number,
    frequency: 'monatlich',
    premiumCents: 1000,
  });

  // The advisor puts a policy on the contract.
  const advisor = await browser.newContext({ locale: 'de-DE' });
  const admin = await advisor.newPage();
  await loginAsDemoAdmin(admin);
  await admin.goto(`${demo}/contacts/${client.id}/contracts/${contractId}`);
  await addPdf(admin, 'Police Hausrat', 'hausrat.pdf');
  const fileId = await fileIdOf(admin, 'hausrat.pdf');
  await advisor.close();

  await login(page, demo, client.email, PASSWORD);
  await expect(page).toHaveURL(`${demo}/portal`);
  await page.goto(`${demo}/portal/folder`);
  await expect(page.getByTestId('mode-insurance')).toHaveText('nur lesen');
  await expect(page.getByTestId('count-insurance')).toContainText('1 Vertrag · 120,00 € pro Jahr');

  // The area: the advisor's contract, no way to add anything.
  await page.goto(`${demo}/portal/folder/insurance`);
  await expect(page.getByText('Sie können die Inhalte dieses Bereichs lesen.')).toBeVisible();
  await expect(page.getByTestId('area-total')).toContainText('120,00 €');
  await expect(page.getByRole('row').filter({ hasText: number })).toBeVisible();
  await expect(page.getByText('+ VERTRAG HINZUFÜGEN')).toHaveCount(0);
  await expect(page.getByText('+ DOKUMENT HINZUFÜGEN')).toHaveCount(0);
  await expect(page.getByTestId('file-input')).toHaveCount(0);
  await expect(page.getByTestId('camera-input')).toHaveCount(0);

  // The contract: readable with its document, but no delete, no edit, no upload.
  await page.getByRole('link', { name: 'Hausratversicherung' }).click();
  await expect(page).toHaveURL(`${demo}/portal/contracts/${contractId}`);
  await expect(page.getByText(number, { exact: true })).toBeVisible();
  await expect(page.getByTestId('contract-meta')).toContainText(`Angelegt von ${ADMIN_NAME}`);
  await expect(page.getByRole('list', { name: 'Dokumente' })).toContainText('Police Hausrat');
  await expect(page.getByRole('button', { name: 'Vertrag löschen' })).toHaveCount(0);
  await expect(page.getByText('Vertrag bearbeiten')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Löschen' })).toHaveCount(0);
  await expect(page.getByText('+ DOKUMENT HINZUFÜGEN')).toHaveCount(0);
  await expect(page.getByTestId('file-input')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'SPEICHERN' })).toHaveCount(0);

  // Reading the document is allowed.
  await page.getByRole('link', { name: 'hausrat.pdf', exact: true }).click();
  await expect(page).toHaveURL(`${demo}/portal/documents/${fileId}`);
  await expect(page.getByRole('heading', { name: 'Police Hausrat' })).toBeVisible();
  const file = await requestAs(page, 'GET', `${demo}/api/files/${fileId}`);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-disposition']).toMatch(/^attachment; /);

  // The form page does not exist for this area (FINANZEN, with write right, has it).
  expect((await page.goto(`${demo}/portal/folder/insurance/new`))?.status()).toBe(404);
  expect((await page.goto(`${demo}/portal/folder/finance/new`))?.status()).toBe(200);

  // The upload API refuses the area, the contract, and an area that is not visible at all.
  const upload = { filename: 'scan.pdf', contentType: 'application/pdf', size: 2048 };
  for (const [body, status] of [
    [{ ...upload, area: 'insurance' }, 403],
    [{ ...upload, area: 'insurance', contractId }, 403],
    [{ ...upload, area: 'emergency' }, 404],
  ] as const) {
    const res = await requestAs(page, 'POST', `${demo}/api/uploads`, body);
    const json = await res.json();
    expect(res.status(), JSON.stringify(body)).toBe(status);
    expect(json.ok).toBe(false);
    expect(json.message).toMatch(/Berechtigung|gibt es nicht/);
    expect(json.url).toBeUndefined();
    expect(json.fields).toBeUndefined();
  }
  // The same request for FINANZEN is accepted (so the refusals above are about the right, not the request).
  const allowed = await requestAs(page, 'POST', `${demo}/api/uploads`, { ...upload, area: 'finance' });
  const allowedJson = await allowed.json();
  expect(allowed.status()).toBe(200);
  expect(allowedJson.ok).toBe(true);
  const discard = viaHost(`${demo}/api/uploads/${allowedJson.id}`);
  const cookie = (await page.context().cookies(demo)).map((c) => `${c.name}=${c.value}`).join('; ');
  expect(
    (await page.request.delete(discard.url, { headers: { ...discard.headers, cookie, origin: demo } })).status(),
  ).toBe(200);
});

test('the duplicate warning: same VERSICHERER and number → "Möglicherweise doppelt", "Trotzdem speichern" saves', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const contact = await makeContact('Doppelt');
  await seedContract(contact.id, 'employee', {
    area: 'insurance',
    product: 'Hausratversicherung',
    provider: 'CONDOR Allgemeine Versicherungs-AG',
    number: 'HR-2026/0815',
    frequency: 'monatlich',
    premiumCents: 1000,
  });
  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/contacts/${contact.id}/folder/insurance/new`);

  await page.getByLabel('PRODUKT / SPARTE').selectOption('Glasversicherung');
  // Type-ahead instead of the letter index this time.
  const provider = page.getByRole('combobox', { name: 'VERSICHERER' });
  await provider.fill('condor allg');
  await page
    .getByRole('listbox', { name: 'VERSICHERER' })
    .getByRole('option', { name: 'CONDOR Allgemeine Versicherungs-AG', exact: true })
    .click();
  await expect(provider).toHaveValue('CONDOR Allgemeine Versicherungs-AG');
  await page.getByLabel('VERSICHERUNGSNUMMER').fill('hr 2026 0815'); // the same number, written differently
  await page.getByLabel('ZAHLWEISE').selectOption('jährlich');
  await page.getByLabel('BRUTTOBEITRAG (€)').fill('48,00');
  await page.getByRole('button', { name: 'SPEICHERN' }).click();

  const warning = page.getByRole('alert').filter({ hasText: 'Möglicherweise doppelt' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(
    'Für diesen Kontakt gibt es schon einen Vertrag bei CONDOR Allgemeine Versicherungs-AG mit dieser Nummer.',
  );
  await expect(page).toHaveURL(`${demo}/contacts/${contact.id}/folder/insurance/new`);
  // What was typed is still there.
  await expect(provider).toHaveValue('CONDOR Allgemeine Versicherungs-AG');
  await expect(page.getByLabel('VERSICHERUNGSNUMMER')).toHaveValue('hr 2026 0815');
  await expect(page.getByLabel('BRUTTOBEITRAG (€)')).toHaveValue('48,00');
  await expect(page.getByLabel('PRODUKT / SPARTE')).toHaveValue('Glasversicherung');

  await warning.getByLabel('Trotzdem speichern').check();
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page).toHaveURL(
    new RegExp(`^${escapeRe(demo)}/contacts/${contact.id}/contracts/[0-9a-f-]{36}\\?neu=1$`),
  );
  await expect(page.getByRole('heading', { name: 'Vertrag: Glasversicherung' })).toBeVisible();

  await page.goto(`${demo}/contacts/${contact.id}/folder/insurance`);
  await expect(page.getByRole('row').filter({ hasText: 'CONDOR Allgemeine Versicherungs-AG' })).toHaveCount(2);
  await expect(page.getByTestId('area-total')).toContainText('168,00 €'); // 12 × 10,00 € + 48,00 €
});

test('edit a contract ("zuletzt geändert von"), then delete it after the confirmation', async ({ page }) => {
  test.setTimeout(90_000);
  const contact = await makeContact('Aendern');
  const number = `KFZ-${tag().toUpperCase()}`;
  const contractId = await seedContract(contact.id, 'employee', {
    area: 'insurance',
    product: 'Kfz-Versicherung',
    provider: 'HUK-COBURG Allgemeine Versicherung AG',
    number,
    frequency: 'monatlich',
    premiumCents: 4500,
  });
  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/contacts/${contact.id}/contracts/${contractId}`);
  await expect(page.getByTestId('contract-meta')).toContainText(`Angelegt von ${EMPLOYEE_NAME}`);
  await expect(page.getByText('540,00 €', { exact: true })).toBeVisible();

  await page.getByText('Vertrag bearbeiten').click();
  const edit = page.locator('form').filter({ has: page.getByRole('combobox', { name: 'VERSICHERER' }) });
  await expect(edit.getByLabel('BRUTTOBEITRAG (€)')).toHaveValue('45,00');
  await edit.getByLabel('ZAHLWEISE').selectOption('jährlich');
  await edit.getByLabel('BRUTTOBEITRAG (€)').fill('1.234,56');
  await edit.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('Die Änderungen sind gespeichert.')).toBeVisible();
  await expect(page.getByTestId('contract-meta')).toContainText(`Angelegt von ${EMPLOYEE_NAME}`);
  await expect(page.getByTestId('contract-meta')).toContainText(`zuletzt geändert von ${ADMIN_NAME}`);
  await page.reload();
  await expect(page.getByText('1.234,56 €', { exact: true }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Vertrag löschen' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Kfz-Versicherung bei HUK-COBURG Allgemeine Versicherung AG wird');
  await expect(dialog).toContainText('endgültig gelöscht.');
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Vertrag löschen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(page).toHaveURL(`${demo}/contacts/${contact.id}/folder/insurance?geloescht=1`);
  await expect(page.getByText('Der Vertrag ist gelöscht.')).toBeVisible();
  await expect(page.getByText('Noch keine Verträge in diesem Bereich')).toBeVisible();
  await expect(page.getByTestId('area-total')).toContainText('0,00 €');
  expect((await page.goto(`${demo}/contacts/${contact.id}/contracts/${contractId}`))?.status()).toBe(404);
  await page.goto(`${demo}/contacts/${contact.id}`);
  const activity = page.getByRole('list', { name: 'Aktivität' });
  await expect(activity).toContainText('Vertrag geändert');
  await expect(activity).toContainText('(Zahlweise, Beitrag)');
  await expect(activity).toContainText('Vertrag gelöscht');
});

test('a hostile upload (a program renamed to .pdf) is refused next to the file; a real PDF beside it is kept', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const contact = await makeContact('Datei');
  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/contacts/${contact.id}/folder/other`);
  await page.getByRole('button', { name: '+ DOKUMENT HINZUFÜGEN' }).click();
  const form = documentForm(page);
  await form.getByLabel('TITEL').fill('Stromrechnung');
  await form.getByTestId('file-input').setInputFiles([
    { name: 'rechnung.pdf', mimeType: 'application/pdf', buffer: windowsExecutable() },
    { name: 'echt.pdf', mimeType: 'application/pdf', buffer: minimalPdf('Stromrechnung') },
  ]);
  const chosen = form.getByRole('list', { name: 'Ausgewählte Dateien' });
  const bad = chosen.getByRole('listitem').filter({ hasText: 'rechnung.pdf' });
  const good = chosen.getByRole('listitem').filter({ hasText: 'echt.pdf' });
  await expect(bad.getByRole('alert')).toHaveText(
    'Diese Datei können wir nicht annehmen. Erlaubt sind PDF, JPEG, PNG, WebP und HEIC.',
  );
  await expect(bad).toHaveAttribute('data-status', 'error');
  await expect(good).toContainText('geprüft ✓');

  // Only the checked file is saved.
  await form.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('Das Dokument ist gespeichert.').first()).toBeVisible();
  const docs = page.getByRole('list', { name: 'Dokumente' });
  await expect(docs).toContainText('Stromrechnung');
  await expect(docs.getByRole('link', { name: 'echt.pdf', exact: true })).toBeVisible();
  await expect(docs).not.toContainText('rechnung.pdf');

  // With only the hostile file, SPEICHERN stays disabled.
  await page.getByRole('button', { name: '+ DOKUMENT HINZUFÜGEN' }).click();
  await form.getByLabel('TITEL').fill('Noch eine');
  await form
    .getByTestId('file-input')
    .setInputFiles({ name: 'setup.pdf', mimeType: 'application/pdf', buffer: windowsExecutable() });
  await expect(form.getByRole('listitem').filter({ hasText: 'setup.pdf' }).getByRole('alert')).toContainText(
    'Diese Datei können wir nicht annehmen',
  );
  await expect(form.getByRole('button', { name: 'SPEICHERN' })).toBeDisabled();
});
