/**
 * Datenschutz end to end: KONTAKT LÖSCHEN through the dialog (wrong name refused next to the field, right
 * name deletes everything: page, row, files, attachments, mails naming the client), the DATENEXPORT of the
 * advisor (ZIP with daten.json, documents and attachments, internal notes included) and of the client on
 * a phone (without internal notes), no export without PROFIL, and ARCHIVIEREN locking the login.
 *
 * Every test makes its own people in the e2e database (tests/e2e/world.ts); the deleting and archiving
 * is done by demo.admin, as in the handbook.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { contactProfiles, deletionJobs, documents, outbox, tickets, users } from '../../lib/db/schema';
import { demo, loginAsDemoAdmin } from './helpers';
import {
  escapeRe,
  getAs,
  loginAs,
  mailsTo,
  makeClient,
  makeEmployee,
  minimalPdf,
  on,
  PASSWORD,
  readZip,
  seedTicket,
  tag,
  uuidRe,
  withDb,
  type Person,
} from './world';

async function userRow(id: string) {
  return withDb(
    async (db, tenantId) =>
      (
        await db
          .select()
          .from(users)
          .where(and(eq(users.tenantId, tenantId), eq(users.id, id)))
      )[0],
  );
}

async function downloadBytes(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFileSync(file);
}

/** The JSON of a DATENEXPORT ZIP, after checking it is one. */
function exportData(zip: Buffer): { files: Map<string, Buffer>; json: string; data: Record<string, unknown> } {
  expect(zip.subarray(0, 2).toString('latin1'), 'a ZIP starts with "PK"').toBe('PK');
  const files = readZip(zip);
  const raw = files.get('daten.json');
  expect(raw, `daten.json in ${[...files.keys()].join(', ')}`).toBeDefined();
  const json = raw!.toString('utf8');
  return { files, json, data: JSON.parse(json) as Record<string, unknown> };
}

/** The client sends a message with a PDF attachment through the portal; returns ticket and attachment ids. */
async function sendWithAttachment(
  page: Page,
  subject: string,
  filename: string,
  pdf: Buffer,
): Promise<{ ticketId: string; attachmentId: string }> {
  await page.goto(`${demo}/portal/messages/new`);
  await page.getByRole('textbox', { name: 'BETREFF', exact: true }).fill(subject);
  await page.getByRole('textbox', { name: 'NACHRICHT', exact: true }).fill('Anbei die unterschriebene Vollmacht.');
  await page.getByTestId('file-input').setInputFiles({ name: filename, mimeType: 'application/pdf', buffer: pdf });
  await expect(
    page.getByRole('list', { name: 'Ausgewählte Dateien' }).getByRole('listitem').filter({ hasText: filename }),
  ).toContainText('geprüft ✓');
  await page.getByRole('button', { name: 'SENDEN' }).click();
  await expect(page).toHaveURL(new RegExp(`^${escapeRe(demo)}/portal/messages/${uuidRe}\\?gesendet=1$`));
  const ticketId = new URL(page.url()).pathname.split('/').pop()!;
  const href = await page
    .getByRole('list', { name: 'Verlauf' })
    .getByRole('link', { name: new RegExp(escapeRe(filename)) })
    .getAttribute('href');
  const attachmentId = new RegExp(`^/api/attachments/(${uuidRe})$`).exec(href ?? '')?.[1];
  expect(attachmentId, `attachment link ${href}`).toBeTruthy();
  return { ticketId, attachmentId: attachmentId! };
}

/** The advisor adds a PDF document in SONSTIGE VERTRÄGE of the contact; returns the file id. */
async function addDocument(page: Page, contact: Person, title: string, filename: string, pdf: Buffer): Promise<string> {
  await page.goto(`${demo}/contacts/${contact.id}/folder/other`);
  await page.getByRole('button', { name: '+ DOKUMENT HINZUFÜGEN' }).click();
  const form = page.locator('form').filter({ has: page.getByTestId('file-input') });
  await form.getByLabel('TITEL').fill(title);
  await form.getByTestId('file-input').setInputFiles({ name: filename, mimeType: 'application/pdf', buffer: pdf });
  await expect(
    form.getByRole('list', { name: 'Ausgewählte Dateien' }).getByRole('listitem').filter({ hasText: filename }),
  ).toContainText('geprüft ✓');
  await form.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('Das Dokument ist gespeichert.').first()).toBeVisible();
  const href = await page
    .getByRole('list', { name: 'Dokumente' })
    .getByRole('link', { name: `${filename} herunterladen`, exact: true })
    .getAttribute('href');
  const id = new RegExp(`^/api/files/(${uuidRe})$`).exec(href ?? '')?.[1];
  expect(id, `download link ${href}`).toBeTruthy();
  return id!;
}

test('KONTAKT LÖSCHEN: the advisor exports first, a wrong name is refused next to the field, the right name deletes everything', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const advisor = await makeEmployee('Karl', 'Loeschberater');
  const client = await makeClient('Loeschen', { communication: on, profile: on }, advisor.id);
  const subject = `Vollmacht ${tag()}`;
  const vollmacht = minimalPdf('Vollmacht');
  const vertrag = minimalPdf('Maklervertrag');

  // The client writes with an attachment (mail to the BETREUER, which names the client).
  const portal = await browser.newContext({ locale: 'de-DE' });
  const clientPage = await portal.newPage();
  await loginAs(clientPage, client, '/portal');
  const { ticketId, attachmentId } = await sendWithAttachment(clientPage, subject, 'vollmacht.pdf', vollmacht);
  expect((await mailsTo([advisor.email])).map((m) => m.subject)).toEqual(['Neue Nachricht von einem Kunden']);

  // The advisor adds a document; file and attachment can be downloaded.
  await loginAsDemoAdmin(page);
  const fileId = await addDocument(page, client, 'Maklervertrag', 'maklervertrag.pdf', vertrag);
  for (const path of [`/api/files/${fileId}`, `/api/attachments/${attachmentId}`])
    expect((await getAs(page, `${demo}${path}`)).status(), path).toBe(200);

  // DATENEXPORT (ZIP) on the contact page: daten.json, the document and the attachment.
  await page.goto(`${demo}/contacts/${client.id}`);
  await expect(page.getByRole('heading', { name: 'Datenschutz' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'DATENEXPORT (ZIP)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^Datenexport ${escapeRe(client.name)} \\d{4}-\\d{2}-\\d{2}\\.zip$`),
  );
  const { files, data } = exportData(await downloadBytes(download));
  const kontakt = data.kontakt as Record<string, unknown>;
  expect([kontakt.firstName, kontakt.lastName, kontakt.email]).toEqual([
    client.firstName,
    client.lastName,
    client.email,
  ]);
  expect(kontakt).not.toHaveProperty('passwordHash');
  const docEntry = [...files.keys()].find(
    (k) => k.startsWith('Dokumente/Sonstige Verträge/Maklervertrag/') && k.endsWith('.pdf'),
  );
  const attachmentEntry = [...files.keys()].find((k) => k.startsWith(`Nachrichten/${subject}/`) && k.endsWith('.pdf'));
  expect(docEntry, [...files.keys()].join(', ')).toBeDefined();
  expect(attachmentEntry, [...files.keys()].join(', ')).toBeDefined();
  expect(Buffer.compare(files.get(docEntry!)!, vertrag)).toBe(0);
  expect(Buffer.compare(files.get(attachmentEntry!)!, vollmacht)).toBe(0);
  expect((data.kommunikation as { betreff: string }[]).map((t) => t.betreff)).toEqual([subject]);

  // KONTAKT LÖSCHEN with a wrong name: refused next to the field, nothing deleted.
  await page.getByRole('button', { name: 'KONTAKT LÖSCHEN' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Kontakt endgültig löschen?');
  const confirm = dialog.getByLabel(`Zur Bestätigung „${client.name}“ eingeben`);
  await confirm.fill(`${client.firstName} Falsch`);
  await dialog.getByRole('button', { name: 'ENDGÜLTIG LÖSCHEN' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(`Bitte geben Sie zur Bestätigung genau „${client.name}“ ein.`);
  await expect(confirm).toHaveAttribute('aria-invalid', 'true');
  await expect(confirm).toHaveAttribute('aria-describedby', /field-confirmName-error/);
  await expect(page).toHaveURL(`${demo}/contacts/${client.id}`);
  expect(await userRow(client.id)).toBeDefined();
  expect((await getAs(page, `${demo}/api/files/${fileId}`)).status()).toBe(200);

  // The right name: gone.
  await confirm.fill(client.name);
  await dialog.getByRole('button', { name: 'ENDGÜLTIG LÖSCHEN' }).click();
  await expect(page).toHaveURL(`${demo}/contacts?geloescht=1`);
  await expect(page.getByRole('status')).toHaveText(
    'Der Kontakt und alle seine Daten sind gelöscht. Im Protokoll steht nur noch ein Pseudonym.',
  );
  expect((await page.goto(`${demo}/contacts/${client.id}`))?.status()).toBe(404);
  await expect(page.getByText(client.lastName)).toHaveCount(0);
  for (const path of [
    `/tickets/${ticketId}`,
    `/api/files/${fileId}`,
    `/api/attachments/${attachmentId}`,
    `/api/contacts/${client.id}/export`,
  ]) {
    expect((await getAs(page, `${demo}${path}`)).status(), path).toBe(404);
  }
  await page.goto(`${demo}/contacts?q=${encodeURIComponent(client.lastName)}`);
  await expect(page.getByRole('main')).not.toContainText(client.email);

  // The database: no row with their id, no ticket, no document, no mail naming them; the file job ran.
  await withDb(async (db, tenantId) => {
    expect(await db.select({ id: users.id }).from(users).where(eq(users.id, client.id))).toEqual([]);
    expect(
      await db
        .select({ id: contactProfiles.userId })
        .from(contactProfiles)
        .where(eq(contactProfiles.userId, client.id)),
    ).toEqual([]);
    expect(await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, ticketId))).toEqual([]);
    expect(await db.select({ id: documents.id }).from(documents).where(eq(documents.contactId, client.id))).toEqual([]);
    const mails = await db
      .select({ to: outbox.toAddress, subject: outbox.subject })
      .from(outbox)
      .where(eq(outbox.tenantId, tenantId));
    expect(mails.filter((m) => m.to === advisor.email || m.to === client.email)).toEqual([]);
    const pseudonym = `Gelöschter Kontakt ${createHash('sha256').update(client.id).digest('hex').slice(0, 8)}`;
    const [job] = await db
      .select()
      .from(deletionJobs)
      .where(and(eq(deletionJobs.tenantId, tenantId), eq(deletionJobs.pseudonym, pseudonym)));
    expect(job?.status).toBe('done');
    expect(job?.objectKeys).toEqual([]);
  });

  // The client's open session ends with the account.
  await clientPage.goto(`${demo}/portal/messages`);
  await expect(clientPage).toHaveURL(/\/login/);
  await portal.close();
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a client downloads their own DATENEXPORT from PROFIL: a ZIP with daten.json, their data, no internal note', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const advisor = await makeEmployee('Lars', 'Exportberater');
    const colleague = await makeEmployee('Mona', 'Exportkollegin');
    const client = await makeClient('Export', { profile: on, communication: on }, advisor.id);
    const subject = `Rentenauskunft ${tag()}`;
    const note = `Intern: Kundin wünscht Rückruf nach 18 Uhr ${tag()}`;
    await seedTicket({
      client,
      assignee: advisor,
      subject,
      messages: [
        { by: client, kind: 'client', body: 'Wie hoch wird meine Rente?' },
        { by: colleague, kind: 'employee', body: 'Wir rechnen das gerne für Sie durch.' },
      ],
      forward: { from: advisor, to: colleague, by: advisor, note },
    });

    await loginAs(page, client, '/portal');
    await page.getByRole('navigation').getByRole('link', { name: 'Profil' }).click();
    await expect(page).toHaveURL(`${demo}/portal/profile`);
    await expect(page.getByRole('heading', { name: 'Meine Daten' })).toBeVisible();
    const link = page.getByRole('link', { name: 'DATENEXPORT HERUNTERLADEN' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^Datenexport ${escapeRe(client.name)} \\d{4}-\\d{2}-\\d{2}\\.zip$`),
    );
    const { json, data } = exportData(await downloadBytes(download));
    const kontakt = data.kontakt as Record<string, unknown>;
    expect(kontakt.firstName).toBe(client.firstName);
    expect(kontakt.lastName).toBe(client.lastName);
    expect(kontakt.email).toBe(client.email);
    expect(kontakt).not.toHaveProperty('passwordHash');
    expect(json).toContain(client.name.split(' ')[1]!);
    const [thread] = data.kommunikation as {
      betreff: string;
      nachrichten: { text: string; von: string }[];
      historie: Record<string, string>[];
    }[];
    expect(thread!.betreff).toBe(subject);
    expect(thread!.nachrichten.map((m) => m.von)).toEqual([client.name, colleague.name]);
    expect(thread!.historie.find((h) => h.ereignis === 'forwarded')).toMatchObject({
      von: advisor.name,
      vorher: advisor.name,
      an: colleague.name,
    });
    expect(json, 'the internal note is for staff only').not.toContain(note);
    expect(json).not.toContain('interneNotiz');

    // The same file by a direct request: private, no caching, a ZIP.
    const direct = await getAs(page, `${demo}/api/portal/export`);
    expect(direct.status()).toBe(200);
    expect(direct.headers()['content-type']).toBe('application/zip');
    expect(direct.headers()['cache-control']).toContain('no-store');
    expect(direct.headers()['content-disposition']).toMatch(/^attachment; /);
  });
});

test('DATENEXPORT access: no PROFIL → 404 for the client; an employee without rights in every module sees no export and gets 403', async ({
  page,
  browser,
}) => {
  const advisor = await makeEmployee('Nora', 'Ohneprofil');
  const client = await makeClient('Ohneprofil', { communication: on }, advisor.id);
  await loginAs(page, client, '/portal');
  const refused = await getAs(page, `${demo}/api/portal/export`);
  expect(refused.status()).toBe(404);
  expect(refused.headers()['content-type']).not.toContain('zip');
  expect((await refused.body()).subarray(0, 2).toString('latin1')).not.toBe('PK');
  expect((await page.goto(`${demo}/portal/profile`))?.status()).toBe(404);
  // A client cannot use the advisor's export route either, not even for themselves.
  expect((await getAs(page, `${demo}/api/contacts/${client.id}/export`)).status()).toBe(404);

  // advisor has KOMMUNIKATION only: the contact page has no Datenschutz box, the route answers 403.
  const other = await makeClient('Fremd', {}, advisor.id);
  const context = await browser.newContext({ locale: 'de-DE' });
  const a = await context.newPage();
  await loginAs(a, advisor, '/dashboard');
  await a.goto(`${demo}/contacts/${other.id}`);
  await expect(a.getByRole('heading', { name: other.name, level: 1 })).toBeVisible();
  await expect(a.getByRole('heading', { name: 'Datenschutz' })).toHaveCount(0);
  await expect(a.getByRole('link', { name: 'DATENEXPORT (ZIP)' })).toHaveCount(0);
  await expect(a.getByRole('button', { name: 'KONTAKT LÖSCHEN' })).toHaveCount(0);
  expect((await getAs(a, `${demo}/api/contacts/${other.id}/export`)).status()).toBe(403);
  await context.close();
});

test('ARCHIVIEREN locks the login and ends the session; WIEDER AKTIVIEREN lifts the mark (a new password is needed)', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const advisor = await makeEmployee('Olaf', 'Archivberater');
  const client = await makeClient('Archiv', { communication: on }, advisor.id);
  const portal = await browser.newContext({ locale: 'de-DE' });
  const clientPage = await portal.newPage();
  await loginAs(clientPage, client, '/portal');

  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/contacts/${client.id}`);
  await expect(
    page.getByText('Sperrt den Login und beendet alle Sitzungen; die Daten bleiben erhalten (Aufbewahrungsfristen).'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'ARCHIVIEREN' }).click();
  await expect(page.getByRole('button', { name: 'WIEDER AKTIVIEREN' })).toBeVisible();
  await expect(
    page.getByText('Der Kontakt ist archiviert: kein Login, die Daten bleiben für Aufbewahrungsfristen erhalten.'),
  ).toBeVisible();
  await expect(page.getByText('archiviert', { exact: true })).toBeVisible();
  const archived = await userRow(client.id);
  expect(archived?.status).toBe('locked');
  await withDb(async (db, tenantId) => {
    const [p] = await db
      .select({ archivedAt: contactProfiles.archivedAt })
      .from(contactProfiles)
      .where(and(eq(contactProfiles.tenantId, tenantId), eq(contactProfiles.userId, client.id)));
    expect(p?.archivedAt).toBeTruthy();
  });

  // The open session is over …
  await clientPage.goto(`${demo}/portal/messages`);
  await expect(clientPage).toHaveURL(/\/login/);
  // … and the right password no longer opens the portal.
  await clientPage.goto(`${demo}/login`);
  await clientPage.getByLabel('Benutzername oder E-Mail').fill(client.email);
  await clientPage.getByLabel('Passwort').fill(PASSWORD);
  await clientPage.getByRole('button', { name: 'LOGIN' }).click();
  await expect(clientPage.getByRole('main').getByRole('alert')).toHaveText(
    'Benutzername oder Passwort ist nicht korrekt.',
  );
  await expect(clientPage).toHaveURL(`${demo}/login`);
  // The data stays: the advisor still sees the contact.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Datenschutz' })).toBeVisible();

  // WIEDER AKTIVIEREN: the mark is gone, the account waits for a new password (status "created").
  await page.getByRole('button', { name: 'WIEDER AKTIVIEREN' }).click();
  await expect(page.getByRole('button', { name: 'ARCHIVIEREN' })).toBeVisible();
  expect((await userRow(client.id))?.status).toBe('created');
  await portal.close();
});
