/**
 * KOMMUNIKATION end to end: a client writes on the phone with a photo, the BETREUER sees the badge,
 * forwards to a colleague with an internal note, the colleague answers, the client reads the answer and
 * the HISTORIE (without the note), the ticket is closed and listed under GESCHLOSSENE TICKETS, and the
 * three notification mails say nothing about the content. Also: a double tap on SENDEN makes one ticket,
 * a client's answer reopens a closed ticket, and NUR LESEN really is read-only (no form, no crafted
 * close or reply).
 *
 * Every test makes its own employees and clients in the e2e database (tests/e2e/world.ts), so badges,
 * lists and mail counts are deterministic and independent of the demo data and of other tests.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { and, count, eq } from 'drizzle-orm';
import { ticketEvents, ticketMessages, tickets } from '../../lib/db/schema';
import { demo, allowMailbox } from './helpers';
import {
  escapeRe,
  formFields,
  getAs,
  loginAs,
  mailsTo,
  makeClient,
  makeEmployee,
  on,
  postFormAs,
  readOnly,
  seedTicket,
  tag,
  ticketRow,
  uuidRe,
  withDb,
} from './world';

/** Date and time as the thread and the HISTORIE show them (de-DE, medium date, short time). */
const shownTime = /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/;

async function desktop(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

const ticketRowIn = (page: Page, subject: string) =>
  page.getByRole('list', { name: 'Tickets' }).getByRole('listitem').filter({ hasText: subject });

async function ticketsOfClient(contactId: string): Promise<number> {
  return withDb(
    async (db, tenantId) =>
      (
        await db
          .select({ n: count() })
          .from(tickets)
          .where(and(eq(tickets.tenantId, tenantId), eq(tickets.contactId, contactId)))
      )[0]!.n,
  );
}

async function messagesOf(ticketId: string): Promise<number> {
  return withDb(
    async (db, tenantId) =>
      (
        await db
          .select({ n: count() })
          .from(ticketMessages)
          .where(and(eq(ticketMessages.tenantId, tenantId), eq(ticketMessages.ticketId, ticketId)))
      )[0]!.n,
  );
}

async function eventsOf(ticketId: string): Promise<string[]> {
  return withDb(async (db, tenantId) =>
    (
      await db
        .select({ type: ticketEvents.type })
        .from(ticketEvents)
        .where(and(eq(ticketEvents.tenantId, tenantId), eq(ticketEvents.ticketId, ticketId)))
        .orderBy(ticketEvents.id)
    ).map((e) => e.type),
  );
}

/** NEUE NACHRICHT up to (not including) SENDEN. */
async function writeNewMessage(page: Page, subject: string, text: string) {
  await page.goto(`${demo}/portal/messages/new`);
  await page.getByRole('textbox', { name: 'BETREFF', exact: true }).fill(subject);
  await page.getByRole('textbox', { name: 'NACHRICHT', exact: true }).fill(text);
}

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('walkthrough: photo message → badge → forward with internal note → answer → client reads it → closed → mails without content', async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const anna = await makeEmployee('Anne', 'Betreuerin');
    const ben = await makeEmployee('Bernd', 'Kollege');
    const client = await makeClient('Schreiberin', { communication: on }, anna.id);
    const t = tag();
    const subject = `Wasserschaden Küche ${t}`;
    const text = `Bei mir ist die Spülmaschine ausgelaufen, Foto anbei ${t}`;
    const note = `Bitte übernehmen, Kundin ruft morgen an ${t}`;
    const answer = `Wir melden den Schaden heute noch der Versicherung ${t}`;

    // A photo straight from the phone's camera.
    const photo = await sharp({
      create: { width: 1600, height: 1200, channels: 3, background: { r: 220, g: 214, b: 200 } },
    })
      .composite([
        {
          input: { create: { width: 600, height: 400, channels: 3, background: { r: 30, g: 80, b: 160 } } },
          left: 500,
          top: 400,
        },
      ])
      .jpeg({ quality: 80 })
      .toBuffer();

    // 1. The client writes: AN is the BETREUER, the colleague could be chosen too.
    await loginAs(page, client, '/portal');
    await page.goto(`${demo}/portal/messages`);
    await expect(page.getByRole('heading', { name: 'KOMMUNIKATION' })).toBeVisible();
    await expect(page.getByText('Keine offenen Nachrichten')).toBeVisible();
    await page.getByRole('link', { name: '+ NEUE NACHRICHT' }).click();
    await expect(page).toHaveURL(`${demo}/portal/messages/new`);
    const to = page.getByRole('combobox', { name: 'AN', exact: true });
    await expect(to).toHaveValue(anna.id);
    await expect(to.locator('option', { hasText: ben.name })).toHaveCount(1);
    await page.getByRole('textbox', { name: 'BETREFF', exact: true }).fill(subject);
    await page.getByRole('textbox', { name: 'NACHRICHT', exact: true }).fill(text);
    await expect(page.locator('button', { hasText: 'Foto aufnehmen' })).toBeVisible();
    await page.getByTestId('camera-input').setInputFiles({ name: 'kueche.jpg', mimeType: 'image/jpeg', buffer: photo });
    const chosen = page
      .getByRole('list', { name: 'Ausgewählte Dateien' })
      .getByRole('listitem')
      .filter({ hasText: 'kueche' });
    await expect(chosen).toContainText('geprüft ✓', { timeout: 30_000 });
    await page.getByRole('button', { name: 'SENDEN' }).click();

    await expect(page).toHaveURL(new RegExp(`^${escapeRe(demo)}/portal/messages/${uuidRe}\\?gesendet=1$`));
    const ticketId = new URL(page.url()).pathname.split('/').pop()!;
    await expect(
      page.getByText(`Ihre Nachricht ist gesendet. ${anna.name} wurde per E-Mail benachrichtigt.`),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: subject })).toBeVisible();
    await expect(page.getByText(`offen · an ${anna.name}`)).toBeVisible();
    const clientThread = page.getByRole('list', { name: 'Verlauf' });
    await expect(clientThread).toContainText(text);
    const photoLink = clientThread.getByRole('link', { name: /kueche/ });
    await expect(photoLink).toBeVisible();
    const attachmentPath = await photoLink.getAttribute('href');
    expect(attachmentPath).toMatch(new RegExp(`^/api/attachments/${uuidRe}$`));
    const own = await getAs(page, `${demo}${attachmentPath}`);
    expect(own.status()).toBe(200);
    expect(own.headers()['content-type']).toBe('image/jpeg');
    expect((await sharp(await own.body()).metadata()).format).toBe('jpeg');
    // One's own message is never unread.
    await expect(page.getByTestId('unread-badge-mobile')).toHaveCount(0);

    // 2. The BETREUER: badge 1, the ticket first and unread in OFFENE TICKETS; opening it reads it.
    const a = await desktop(browser);
    await loginAs(a, anna, '/dashboard');
    await expect(a.getByTestId('unread-badge')).toHaveText('1');
    await a.goto(`${demo}/tickets`);
    await expect(a.getByRole('combobox', { name: 'Tickets' })).toHaveValue('open');
    const annaRow = ticketRowIn(a, subject);
    await expect(annaRow).toHaveAttribute('data-unread', 'true');
    await expect(annaRow).toContainText(`${client.name} · bei ${anna.name}`);
    await annaRow.getByRole('link').click();
    await expect(a).toHaveURL(`${demo}/tickets/${ticketId}`);
    await expect(a.getByRole('heading', { name: subject })).toBeVisible();
    await expect(a.getByTestId('assignee')).toHaveText(anna.name);
    await expect(a.getByRole('list', { name: 'Verlauf' })).toContainText(text);
    await expect(a.getByTestId('unread-badge')).toHaveCount(0);
    const seen = await getAs(a, `${demo}${attachmentPath}`);
    expect(seen.status()).toBe(200);
    expect(Buffer.compare(await seen.body(), await own.body())).toBe(0);

    // 3. WEITERLEITEN to the colleague with an internal note.
    await a.getByRole('button', { name: 'WEITERLEITEN' }).click();
    const forward = a.getByRole('dialog');
    await expect(forward).toContainText('Ticket weiterleiten');
    await expect(
      forward.getByRole('combobox', { name: 'AN', exact: true }).locator('option', { hasText: anna.name }),
    ).toHaveCount(0); // not to oneself
    await forward.getByRole('combobox', { name: 'AN', exact: true }).selectOption({ label: ben.name });
    await forward.getByLabel('Interne Notiz (optional)').fill(note);
    await forward.getByRole('button', { name: 'WEITERLEITEN' }).click();
    await expect(a.getByText('Das Ticket ist weitergeleitet.')).toBeVisible();
    await expect(a.getByTestId('assignee')).toHaveText(ben.name);
    await a.getByText(/^HISTORIE \(\d+\)$/).click();
    const staffHistory = a.getByRole('list', { name: 'Historie' });
    await expect(staffHistory.getByRole('listitem').filter({ hasText: 'Weitergeleitet' })).toContainText(
      `Interne Notiz: ${note}`,
    );
    await a.goto(`${demo}/tickets`);
    await expect(ticketRowIn(a, subject)).toHaveCount(0); // no longer hers
    await expect(a.getByTestId('unread-badge')).toHaveCount(0); // her own forward is nothing new for her

    // 4. The colleague: badge 1, sees the note, answers.
    const b = await desktop(browser);
    await loginAs(b, ben, '/dashboard');
    await expect(b.getByTestId('unread-badge')).toHaveText('1');
    await b.goto(`${demo}/tickets`);
    const benRow = ticketRowIn(b, subject);
    await expect(benRow).toHaveAttribute('data-unread', 'true');
    await expect(benRow).toContainText(`${client.name} · bei ${ben.name}`);
    await benRow.getByRole('link').click();
    await expect(b).toHaveURL(`${demo}/tickets/${ticketId}`);
    await expect(b.getByTestId('unread-badge')).toHaveCount(0);
    await b.getByText(/^HISTORIE \(\d+\)$/).click();
    await expect(b.getByRole('list', { name: 'Historie' })).toContainText(`Interne Notiz: ${note}`);
    await b.getByLabel('NEUER EINTRAG').fill(answer);
    await b.getByRole('button', { name: 'SENDEN' }).click();
    const benThread = b.getByRole('list', { name: 'Verlauf' });
    await expect(benThread).toContainText(answer);
    await expect(b.getByLabel('NEUER EINTRAG')).toHaveValue('');

    // 5. The client: the open page asks GET /api/tickets/unread when it becomes visible again (or every
    //    30 s) → badge 1, without reloading the page.
    const badge = page.getByTestId('unread-badge-mobile');
    const polls: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/tickets/unread')) polls.push(r.status());
    });
    await expect(async () => {
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await expect(badge).toHaveText('1', { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(badge).toBeVisible();
    expect(polls.length, 'the badge came from GET /api/tickets/unread').toBeGreaterThan(0);
    expect(polls.every((status) => status === 200)).toBe(true);
    expect(page.url()).toContain(`/portal/messages/${ticketId}`);
    await page.goto(`${demo}/portal/messages`);
    await expect(badge).toHaveText('1');
    const clientRow = ticketRowIn(page, subject);
    await expect(clientRow).toHaveAttribute('data-unread', 'true');
    await expect(clientRow).toContainText(`an ${ben.name}`);
    await clientRow.getByRole('link').click();
    await expect(page).toHaveURL(`${demo}/portal/messages/${ticketId}`);
    const reply = clientThread.getByRole('listitem').filter({ hasText: answer });
    await expect(reply).toContainText(ben.name);
    await expect(reply.locator('time')).toHaveText(shownTime);
    await expect(page.getByText(`offen · an ${ben.name}`)).toBeVisible();
    await expect(badge).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'ABSCHLIESSEN' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'WEITERLEITEN' })).toHaveCount(0);

    // HISTORIE: opened, forwarded, answered – with names and times, without the internal note.
    await page.getByText('HISTORIE (3)').click();
    const history = page.getByRole('list', { name: 'Historie' }).getByRole('listitem');
    await expect(history).toHaveCount(3);
    await expect(history.nth(0)).toContainText(`Ticket eröffnet an ${anna.name} · ${client.name}`);
    await expect(history.nth(1)).toContainText(`Weitergeleitet von ${anna.name} an ${ben.name} · ${anna.name}`);
    await expect(history.nth(2)).toContainText(`Antwort · ${ben.name}`);
    for (let i = 0; i < 3; i++) await expect(history.nth(i).locator('time')).toHaveText(shownTime);
    await expect(page.getByRole('list', { name: 'Historie' })).not.toContainText('Interne Notiz');
    expect(await page.content(), 'the note is nowhere in the page, not even in its data').not.toContain(note);
    const raw = await getAs(page, `${demo}/portal/messages/${ticketId}`);
    expect(raw.status()).toBe(200);
    expect(await raw.text()).not.toContain(note);

    // 6. The colleague closes the ticket: GESCHLOSSENE TICKETS.
    await b.getByRole('button', { name: 'ABSCHLIESSEN' }).click();
    const closing = b.getByRole('dialog');
    await expect(closing).toContainText('Ticket abschließen?');
    await closing.getByRole('button', { name: 'ABSCHLIESSEN' }).click();
    await expect(b.getByText('abgeschlossen', { exact: true })).toBeVisible();
    await expect(b.getByRole('button', { name: 'ABSCHLIESSEN' })).toHaveCount(0);
    await expect(b.getByRole('button', { name: 'WEITERLEITEN' })).toHaveCount(0);
    await b.goto(`${demo}/tickets`);
    await expect(ticketRowIn(b, subject)).toHaveCount(0);
    await b.getByRole('combobox', { name: 'Tickets' }).selectOption({ label: 'GESCHLOSSENE TICKETS' });
    await b.getByRole('button', { name: 'Anzeigen' }).click();
    await expect(b).toHaveURL(new RegExp(`^${demo}/tickets\\?status=closed(&scope=mine)?$`));
    await expect(ticketRowIn(b, subject)).toContainText(`${client.name} · bei ${ben.name}`);
    const closed = await ticketRow(ticketId);
    expect(closed?.status).toBe('closed');
    expect(closed?.closedAt).toBeTruthy();

    // The client finds it under "Abgeschlossen".
    await page.goto(`${demo}/portal/messages`);
    await expect(ticketRowIn(page, subject)).toHaveCount(0);
    await page.getByRole('link', { name: 'Abgeschlossen' }).click();
    await expect(page).toHaveURL(`${demo}/portal/messages?status=closed`);
    await expect(ticketRowIn(page, subject)).toBeVisible();

    // 7. Exactly three mails, none with the subject, the message, the answer or the note.
    const mails = await mailsTo([anna.email, ben.email, client.email]);
    expect(mails.map((m) => `${m.toAddress} | ${m.subject}`).sort()).toEqual(
      [
        `${anna.email} | Neue Nachricht von einem Kunden`,
        `${ben.email} | Ein Ticket wurde an Sie weitergeleitet`,
        `${client.email} | Sie haben eine NEUE NACHRICHT`,
      ].sort(),
    );
    for (const m of mails) {
      for (const secret of [subject, text, answer, note, t]) {
        expect(`${m.subject}\n${m.text}\n${m.html}`, `mail "${m.subject}" to ${m.toAddress}`).not.toContain(secret);
      }
      expect(m.text).toContain(m.toAddress === client.email ? `/portal/messages/${ticketId}` : `/tickets/${ticketId}`);
    }
    // … and the local mailbox lists them.
    await allowMailbox(b);
    await b.goto(`${demo}/dev/mailbox`);
    for (const m of mails) {
      await expect(b.getByRole('row').filter({ hasText: m.toAddress }).filter({ hasText: m.subject })).toHaveCount(1);
    }
    await a.context().close();
    await b.context().close();
  });

  test('a double tap on SENDEN creates one ticket (and so does a form sent twice at once)', async ({ page }) => {
    test.setTimeout(90_000);
    const advisor = await makeEmployee('Dora', 'Doppel');
    const client = await makeClient('Doppeltipp', { communication: on }, advisor.id);
    await loginAs(page, client, '/portal');

    const first = `Doppelt getippt ${tag()}`;
    await writeNewMessage(page, first, 'Ist meine Nachricht angekommen?');
    await page.getByRole('button', { name: 'SENDEN' }).dblclick();
    await expect(page).toHaveURL(new RegExp(`^${escapeRe(demo)}/portal/messages/${uuidRe}\\?gesendet=1$`));
    const ticketId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await ticketsOfClient(client.id)).toBe(1);
    expect(await messagesOf(ticketId)).toBe(1);

    // The same form submitted twice in the same instant (a slow phone, a twitchy finger): still one.
    const second = `Zweimal gesendet ${tag()}`;
    await writeNewMessage(page, second, 'Noch eine Frage.');
    await page.evaluate(() => {
      const form = document.querySelector('main form') as HTMLFormElement;
      form.requestSubmit();
      form.requestSubmit();
    });
    await expect(page).toHaveURL(new RegExp(`^${escapeRe(demo)}/portal/messages/${uuidRe}\\?gesendet=1$`));
    expect(await ticketsOfClient(client.id)).toBe(2);
    await page.goto(`${demo}/portal/messages`);
    await expect(ticketRowIn(page, first)).toHaveCount(1);
    await expect(ticketRowIn(page, second)).toHaveCount(1);
    // One mail per ticket to the BETREUER.
    expect((await mailsTo([advisor.email])).map((m) => m.subject)).toEqual([
      'Neue Nachricht von einem Kunden',
      'Neue Nachricht von einem Kunden',
    ]);
  });
});

test('a client’s answer to a closed ticket reopens it (HISTORIE „Wieder geöffnet“, the assignee is told)', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const advisor = await makeEmployee('Egon', 'Zustaendig');
  const client = await makeClient('Nachfrage', { communication: on }, advisor.id);
  const subject = `Kündigung Kfz ${tag()}`;
  const ticketId = await seedTicket({
    client,
    assignee: advisor,
    subject,
    messages: [
      { by: client, kind: 'client', body: 'Bitte kündigen Sie meine Kfz-Versicherung.' },
      { by: advisor, kind: 'employee', body: 'Erledigt, die Bestätigung kommt per Post.' },
    ],
    closedBy: advisor,
  });
  const followUp = `Die Bestätigung ist nicht angekommen ${tag()}`;

  await loginAs(page, client, '/portal');
  await page.goto(`${demo}/portal/messages`);
  await expect(ticketRowIn(page, subject)).toHaveCount(0);
  await page.getByRole('link', { name: 'Abgeschlossen' }).click();
  await ticketRowIn(page, subject).getByRole('link').click();
  await expect(page).toHaveURL(`${demo}/portal/messages/${ticketId}`);
  await expect(page.getByText(`abgeschlossen · an ${advisor.name}`)).toBeVisible();
  await expect(page.getByText('Ihre Antwort öffnet das Ticket wieder.')).toBeVisible();
  await page.getByLabel('NEUER EINTRAG').fill(followUp);
  await page.getByRole('button', { name: 'SENDEN' }).click();
  await expect(page.getByRole('list', { name: 'Verlauf' })).toContainText(followUp);
  await expect(page.getByText(`offen · an ${advisor.name}`)).toBeVisible();
  await page.getByText(/^HISTORIE \(\d+\)$/).click();
  const history = page.getByRole('list', { name: 'Historie' }).getByRole('listitem');
  await expect(history.filter({ hasText: 'Wieder geöffnet' })).toContainText(`Wieder geöffnet · ${client.name}`);
  await expect(history.last()).toContainText(`Antwort · ${client.name}`);

  const row = await ticketRow(ticketId);
  expect(row?.status).toBe('open');
  expect(row?.closedAt).toBeNull();
  expect(await eventsOf(ticketId)).toEqual(['created', 'replied', 'closed', 'reopened', 'replied']);
  await page.goto(`${demo}/portal/messages`);
  await expect(ticketRowIn(page, subject)).toBeVisible();

  // The assignee: a mail without content, the ticket back under OFFENE TICKETS, unread.
  const mails = await mailsTo([advisor.email]);
  expect(mails.map((m) => m.subject)).toEqual(['Neue Antwort eines Kunden']);
  expect(`${mails[0]!.text}${mails[0]!.html}`).not.toContain(followUp);
  const a = await desktop(browser);
  await loginAs(a, advisor, '/dashboard');
  await expect(a.getByTestId('unread-badge')).toHaveText('1');
  await a.goto(`${demo}/tickets`);
  await expect(ticketRowIn(a, subject)).toHaveAttribute('data-unread', 'true');
  await a.context().close();
});

test('NUR LESEN: no "+ NEUE NACHRICHT", no reply form, no ABSCHLIESSEN; /tickets/<id> sends the client away; crafted close and reply POSTs change nothing', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const advisor = await makeEmployee('Frida', 'Leseberaterin');
  const client = await makeClient('Nurlesen', { communication: readOnly }, advisor.id);
  const writer = await makeClient('Schreibt', { communication: on }, advisor.id);
  const subject = `Beitragsanpassung ${tag()}`;
  const ticketId = await seedTicket({
    client,
    assignee: advisor,
    subject,
    messages: [
      { by: client, kind: 'client', body: 'Warum steigt mein Beitrag?' },
      { by: advisor, kind: 'employee', body: 'Die Anpassung steht in § 12 der Bedingungen.' },
    ],
  });

  await loginAs(page, client, '/portal');
  await page.goto(`${demo}/portal/messages`);
  await expect(page.getByText('Nachrichten Ihres Beraters (nur lesen).')).toBeVisible();
  await expect(page.getByText('+ NEUE NACHRICHT')).toHaveCount(0);
  await expect(page.getByTestId('unread-badge')).toHaveText('1'); // the advisor's answer (desktop sidebar)
  await ticketRowIn(page, subject).getByRole('link').click();
  await expect(page).toHaveURL(`${demo}/portal/messages/${ticketId}`);
  await expect(page.getByRole('list', { name: 'Verlauf' })).toContainText(
    'Die Anpassung steht in § 12 der Bedingungen.',
  );
  await expect(page.getByTestId('unread-badge')).toHaveCount(0); // reading is allowed and counts
  await expect(page.getByLabel('NEUER EINTRAG')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'SENDEN' })).toHaveCount(0);
  await expect(page.getByTestId('file-input')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'ABSCHLIESSEN' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'WEITERLEITEN' })).toHaveCount(0);
  expect((await page.goto(`${demo}/portal/messages/new`))?.status()).toBe(404);

  // The advisor's ticket page is not for clients: redirected to the portal.
  await page.goto(`${demo}/tickets/${ticketId}`);
  await expect(page).toHaveURL(`${demo}/portal`);
  const direct = await getAs(page, `${demo}/tickets/${ticketId}`);
  expect(direct.status()).toBe(307);
  expect(new URL(direct.headers()['location']!, demo).pathname).toBe('/portal');
  expect(await direct.text()).not.toContain(subject);

  // Crafted requests: the real ABSCHLIESSEN form (as the advisor's page has it) and a real reply form
  // (from a client who may write), posted with the read-only client's session.
  const a = await desktop(browser);
  await loginAs(a, advisor, '/dashboard');
  const advisorHtml = await (await getAs(a, `${demo}/tickets/${ticketId}`)).text();
  const close = formFields(advisorHtml, 'Das Ticket erscheint danach unter GESCHLOSSENE TICKETS');
  expect(close.ticketId).toBe(ticketId);
  const w = await desktop(browser);
  await loginAs(w, writer, '/portal');
  const ownTicket = await seedTicket({
    client: writer,
    assignee: advisor,
    subject: `Eigenes ${tag()}`,
    messages: [{ by: writer, kind: 'client', body: 'Hallo' }],
  });
  const replyForm = formFields(await (await getAs(w, `${demo}/portal/messages/${ownTicket}`)).text(), 'NEUER EINTRAG');
  await w.context().close();

  const messagesBefore = await messagesOf(ticketId);
  const closeAttempt = await postFormAs(page, `${demo}/tickets/${ticketId}`, close);
  expect(closeAttempt.status()).toBe(307);
  const replyAttempt = await postFormAs(page, `${demo}/portal/messages/${ticketId}`, {
    ...replyForm,
    ticketId,
    idempotencyKey: `crafted-${tag()}`,
    message: 'Eingeschmuggelte Antwort',
    uploads: '',
  });
  expect(replyAttempt.status()).toBeLessThan(500);
  expect((await ticketRow(ticketId))?.status).toBe('open');
  expect(await eventsOf(ticketId)).toEqual(['created', 'replied']);
  expect(await messagesOf(ticketId)).toBe(messagesBefore);
  expect(await mailsTo([advisor.email])).toHaveLength(0);

  // The same close form with the advisor's session does close it (so the refusal above is about the client).
  const closedByAdvisor = await postFormAs(a, `${demo}/tickets/${ticketId}`, close);
  expect(closedByAdvisor.status()).toBe(200);
  expect((await ticketRow(ticketId))?.status).toBe('closed');
  await a.context().close();
});

test('WEITERLEITEN offers exactly the colleagues who may write (not oneself, not a reader)', async ({ page }) => {
  const anna = await makeEmployee('Gina', 'Weiter');
  const reader = await makeEmployee('Hans', 'Nurleser', {
    insurance: 'none',
    finance: 'none',
    other: 'none',
    emergency: 'none',
    communication: 'read',
  });
  const writer = await makeEmployee('Ida', 'Schreiberin');
  const client = await makeClient('Weiterleitung', { communication: on }, anna.id);
  const ticketId = await seedTicket({
    client,
    assignee: anna,
    subject: `Adressänderung ${tag()}`,
    messages: [{ by: client, kind: 'client', body: 'Ich bin umgezogen.' }],
  });
  await loginAs(page, anna, '/dashboard');
  await page.goto(`${demo}/tickets/${ticketId}`);
  await page.getByRole('button', { name: 'WEITERLEITEN' }).click();
  const dialog = page.getByRole('dialog');
  const select = dialog.getByRole('combobox', { name: 'AN', exact: true });
  await expect(select.locator('option', { hasText: writer.name })).toHaveCount(1);
  await expect(select.locator('option', { hasText: reader.name })).toHaveCount(0);
  await expect(select.locator('option', { hasText: anna.name })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await ticketRow(ticketId))?.assigneeId).toBe(anna.id);
});
