/**
 * KOMMUNIKATION (SPEC §5) against real PostgreSQL and s3rver: tickets with their thread, attachments through
 * the shared upload path (area 'communication'), forwarding with internal notes, closing and reopening,
 * the HISTORIE, unread markers and badges, the lists with keyset pages, idempotent sending (also under
 * concurrency), notification mails without content written in the same transaction, and who may do what.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql as dsql } from 'drizzle-orm';
import type postgres from 'postgres';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../lib/errors';
import type { SessionUser } from '../../lib/auth/sessions';
import { viewerOf } from '../../lib/access/viewer';
import { ticketRights } from '../../lib/access/tickets';
import { createContract } from '../../lib/contracts';
import type { Db } from '../../lib/db/client';
import {
  auditLog,
  outbox,
  ticketEvents,
  ticketFiles,
  ticketMessages,
  ticketReads,
  tickets,
  uploads,
  users,
  type OutboxMail,
  type Tenant,
} from '../../lib/db/schema';
import { presignDocumentUpload } from '../../lib/documents/presign';
import { checkUpload } from '../../lib/uploads';
import { saveGrants } from '../../lib/grants';
import { getObjectBytes, listKeys } from '../../lib/storage';
import { assignableEmployees } from '../../lib/tickets/assignees';
import { closeTicket } from '../../lib/tickets/close';
import { createTicket, newTicketOptions } from '../../lib/tickets/create';
import { openTicketFile } from '../../lib/tickets/files';
import { forwardTicket } from '../../lib/tickets/forward';
import { listClientTickets, listTickets, TICKET_PAGE, unreadCount } from '../../lib/tickets/list';
import { openTicket } from '../../lib/tickets/open';
import { replyToTicket } from '../../lib/tickets/reply';
import { forwardSchema, newTicketSchema, replySchema } from '../../lib/tickets/schemas';
import { testDb } from './db';
import {
  actorOf,
  contact,
  contractForm,
  employee,
  everywhere,
  folderPrint,
  level,
  makeWorld,
  sw,
  type World,
} from './folder-world';
import { ctxFor } from './ctx';

let db: Db;
let pg: postgres.Sql;
let w: World;
let jpeg: Buffer;

beforeAll(async () => {
  let owner: postgres.Sql;
  ({ db, sql: pg, owner } = await testDb());
  w = await makeWorld(db, 'ticket');
  jpeg = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#33aa00' } })
    .jpeg()
    .toBuffer();
  // A failure AFTER the mail row is written: a deferred trigger refuses the commit of any transaction that
  // queued a mail to an address starting with "fehlschlag" (accounts named "Fehlschlag…" below).
  await owner.unsafe(`
    CREATE FUNCTION test_fail_mail() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.to_address LIKE 'fehlschlag%' THEN RAISE EXCEPTION 'Testfehler nach dem Mail-Eintrag'; END IF;
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER test_fail_mail AFTER INSERT ON outbox DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_fail_mail();
    CREATE FUNCTION test_slow_message() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.body = 'LANGSAME ANTWORT' THEN PERFORM pg_sleep(1.5); END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER test_slow_message BEFORE INSERT ON ticket_messages FOR EACH ROW EXECUTE FUNCTION test_slow_message();
  `);
});

const A = () => w.A.id;
const NOT_THERE = '00000000-0000-4000-8000-000000000000';

/* ------------------------------------------------------------------ helpers */

// Distinctive strings (plain ASCII, so HTML escaping cannot hide them) that must never appear in a mail.
const SECRET_SUBJECT = 'BETREFFGEHEIM4711 Hausrat';
const SECRET_BODY = 'NACHRICHTGEHEIM0815 meine IBAN DE02120300000000202051';
const SECRET_NOTE = 'NOTIZGEHEIM1234 Kunde ist schwierig';

const ticketForm = (assigneeId: string, over: Record<string, string> = {}) =>
  newTicketSchema.parse({
    assigneeId,
    subject: 'Frage zur Hausratversicherung',
    message: 'Guten Tag, ich bin umgezogen.',
    contractId: '',
    uploads: '',
    idempotencyKey: randomUUID(),
    ...over,
  });
const replyForm = (ticketId: string, message = 'Vielen Dank für Ihre Nachricht.', over: Record<string, string> = {}) =>
  replySchema.parse({ ticketId, message, uploads: '', idempotencyKey: randomUUID(), ...over });
const forwardForm = (ticketId: string, toId: string, note?: string) => forwardSchema.parse({ ticketId, toId, note });

/** A fresh portal client of tenant A with the same switches in every module (KOMMUNIKATION included). */
let seq = 0;
const client = (name: string, s = sw(true, false, false), advisorId = w.writer.id) =>
  contact(db, w.A, `${name}${++seq}`, advisorId, { by: w.adminA, grants: everywhere(s) });
/** A fresh employee of tenant A. */
const staff = (name: string, l: 'none' | 'read' | 'write' = 'write', scope: 'all' | 'own' = 'all') =>
  employee(db, w.A, `${name}${++seq}`, level(l), scope);

/** A ticket written by the client to the assignee (tenant A unless given). */
async function ticket(
  by: SessionUser,
  assignee: SessionUser,
  over: Record<string, string> = {},
  tenant: Tenant = w.A,
): Promise<string> {
  const { id, created } = await createTicket(await ctxFor(db, tenant, by), ticketForm(assignee.id, over));
  expect(created).toBe(true);
  return id;
}

async function ticketRow(id: string) {
  const [t] = await db.select().from(tickets).where(eq(tickets.id, id));
  return t!;
}
const messagesOf = (id: string) =>
  db
    .select()
    .from(ticketMessages)
    .where(eq(ticketMessages.ticketId, id))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
const eventsOf = (id: string) =>
  db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, id)).orderBy(asc(ticketEvents.id));
const eventTypes = async (id: string) => (await eventsOf(id)).map((e) => e.type);

/** Runs the call and returns the mails it queued. */
async function mailsOf<T>(call: () => Promise<T>): Promise<{ result: T; mails: OutboxMail[] }> {
  const before = new Set((await db.select({ id: outbox.id }).from(outbox)).map((r) => r.id));
  const result = await call();
  const mails = (await db.select().from(outbox)).filter((m) => !before.has(m.id));
  return { result, mails };
}

/** A notification mail: right template, recipient and link, and none of the confidential strings. */
function expectNotification(
  mail: OutboxMail,
  template: string,
  to: string,
  link: string,
  secrets: string[] = [SECRET_SUBJECT, SECRET_BODY, SECRET_NOTE],
) {
  expect(mail).toMatchObject({ template, toAddress: to, tenantId: A(), status: 'pending' });
  // positive control: we are looking at the rendered mail
  expect(mail.html).toContain(link);
  expect(mail.text).toContain(link);
  for (const s of secrets) {
    for (const part of [s, s.split(' ')[0]!]) {
      expect(mail.subject, `subject must not contain "${part}"`).not.toContain(part);
      expect(mail.html, `html must not contain "${part}"`).not.toContain(part);
      expect(mail.text, `text must not contain "${part}"`).not.toContain(part);
    }
  }
}

/** The ticket tables, uploads, outbox and audit, hashed: what a refused call must leave alone. */
async function ticketPrint(): Promise<Record<string, string>> {
  const [row] = await pg<Record<string, string>[]>`
    SELECT
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM tickets x), '')) AS tickets,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM ticket_messages x), '')) AS messages,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM ticket_files x), '')) AS files,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM ticket_events x), '')) AS events,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.ticket_id, x.user_id) FROM ticket_reads x), '')) AS reads,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM outbox x), '')) AS outbox`;
  return { ...row!, ...(await folderPrint(pg)) };
}

/** Refused with one of the codes, and nothing changed (tickets, reads, mails, uploads, audit). */
async function refused(
  call: () => Promise<unknown>,
  codes: string[] = ['forbidden', 'not_found'],
): Promise<DomainError> {
  const before = await ticketPrint();
  let error: unknown;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  expect(error, 'expected a refusal, but the call succeeded').toBeInstanceOf(DomainError);
  expect(codes, `refusal code (${(error as Error).message})`).toContain((error as DomainError).code);
  expect(await ticketPrint(), 'nothing changed').toEqual(before);
  return error as DomainError;
}

/** A read that must not reveal anything: either an empty answer or a refusal, and nothing written. */
async function emptyOrRefused(call: () => Promise<unknown[]>) {
  const before = await ticketPrint();
  try {
    expect(await call()).toEqual([]);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect(['forbidden', 'not_found']).toContain((e as DomainError).code);
  }
  expect(await ticketPrint()).toEqual(before);
}

const all = { status: 'open' as const, scope: 'all' as const, limit: 1000 };
const mine = { status: 'open' as const, scope: 'mine' as const, limit: 1000 };
const idsOf = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

/** What the browser does with the presigned POST. */
async function postTo(
  post: { url: string; fields: Record<string, string> },
  bytes: Uint8Array,
  filename: string,
): Promise<number> {
  const form = new FormData();
  for (const [k, v] of Object.entries(post.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: post.fields['Content-Type'] }), filename);
  const res = await fetch(post.url, { method: 'POST', body: form });
  await res.arrayBuffer();
  return res.status;
}

/** The real upload flow for a message attachment: presignDocumentUpload (area 'communication') → POST → checkUpload. */
async function attach(
  actor: SessionUser,
  contactId: string,
  filename = 'schaden.jpg',
  tenant: Tenant = w.A,
): Promise<{ id: string; key: string }> {
  const ctx = await ctxFor(db, tenant, actor);
  const post = await presignDocumentUpload(ctx, {
    contactId,
    area: 'communication',
    filename,
    contentType: 'image/jpeg',
    size: jpeg.length,
  });
  expect(await postTo(post, jpeg, filename)).toBeLessThan(300);
  expect(await checkUpload(ctx, { id: post.id, purpose: 'tickets' })).toEqual({
    ok: true,
    mime: 'image/jpeg',
    size: jpeg.length,
  });
  const [row] = await db.select().from(uploads).where(eq(uploads.id, post.id));
  return { id: post.id, key: row!.objectKey };
}
const keysOf = (tenantId: string, sub: string) => listKeys(tenantId, `tenants/${tenantId}/${sub}`);

/* ------------------------------------------------------------------ creating */

describe('a client writes a new message', () => {
  it('creates ticket, first message, HISTORIE, read marker, audit and exactly one mail without content', async () => {
    const { act } = w.clients;
    const badgeBefore = await unreadCount(await ctxFor(db, A(), w.writer));
    const { result, mails } = await mailsOf(async () =>
      createTicket(
        await ctxFor(db, w.A, act),
        ticketForm(w.writer.id, { subject: SECRET_SUBJECT, message: SECRET_BODY }),
      ),
    );
    expect(result.created).toBe(true);
    const id = result.id;

    expect(await ticketRow(id)).toMatchObject({
      tenantId: A(),
      contactId: act.id,
      assigneeId: w.writer.id,
      contractId: null,
      subject: SECRET_SUBJECT,
      status: 'open',
      createdBy: act.id,
      lastEntryBy: act.id,
      lastPublicBy: act.id,
      closedAt: null,
    });
    const msgs = await messagesOf(id);
    expect(msgs.map((m) => [m.authorId, m.authorKind, m.body])).toEqual([[act.id, 'client', SECRET_BODY]]);
    const events = await eventsOf(id);
    expect(events.map((e) => [e.type, e.actorId, e.actorKind, e.meta])).toEqual([
      ['created', act.id, 'client', { toId: w.writer.id }],
    ]);
    const reads = await db.select().from(ticketReads).where(eq(ticketReads.ticketId, id));
    expect(reads.map((r) => r.userId)).toEqual([act.id]);
    const [a] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ticket.created'), dsql`${auditLog.meta}->>'ticketId' = ${id}`));
    expect(a).toMatchObject({ tenantId: A(), actorId: act.id, targetType: 'contact', targetId: act.id });

    expect(mails).toHaveLength(1);
    expectNotification(mails[0]!, 'ticket.created', w.writer.email, `/tickets/${id}`);
    expect(mails[0]!.subject).toBe('Neue Nachricht von einem Kunden');
    expect(mails[0]!.text).toContain('Karla Freischaltung');

    // unread for the assignee, not for the author
    expect(await unreadCount(await ctxFor(db, A(), w.writer))).toBe(badgeBefore + 1);
    expect(
      (await listClientTickets(await ctxFor(db, A(), act), { status: 'open' })).find((t) => t.id === id),
    ).toMatchObject({ unread: false, subject: SECRET_SUBJECT, assigneeName: `Erika ${w.writer.lastName}` });
    expect((await listTickets(await ctxFor(db, A(), w.writer), mine)).items.find((t) => t.id === id)).toMatchObject({
      unread: true,
      contactName: 'Karla Freischaltung',
      assigneeName: `Erika ${w.writer.lastName}`,
      contractLabel: null,
    });
  });

  it('may be sent with FREISCHALTUNG or DATENFREIGABE, to an admin or to a scoped BETREUER', async () => {
    const a = await ticket(w.clients.rel, w.adminA);
    const b = await ticket(w.clients.mine, w.scoped);
    expect((await ticketRow(a)).assigneeId).toBe(w.adminA.id);
    expect((await ticketRow(b)).assigneeId).toBe(w.scoped.id);
  });

  it('refuses clients without the right to send, employees and accounts of another tenant', async () => {
    const { ro, actRo, none } = w.clients;
    await refused(async () => createTicket(await ctxFor(db, w.A, ro), ticketForm(w.writer.id)), ['forbidden']); // NUR LESEN
    await refused(async () => createTicket(await ctxFor(db, w.A, actRo), ticketForm(w.writer.id)), ['forbidden']); // FREISCHALTUNG + NUR LESEN
    await refused(async () => createTicket(await ctxFor(db, w.A, none), ticketForm(w.writer.id)), ['not_found']); // KOMMUNIKATION not visible
    for (const e of [w.adminA, w.writer, w.reader, w.noRights])
      await refused(async () => createTicket(await ctxFor(db, w.A, e), ticketForm(w.writer.id)), ['forbidden']);
    await refused(async () => createTicket(await ctxFor(db, w.A, w.clientB), ticketForm(w.writer.id)));
    // at home, the client of B cannot address A's employee
    await refused(async () => createTicket(await ctxFor(db, w.B, w.clientB), ticketForm(w.writer.id)), ['invalid']);
  });

  it('lets the client choose only active employees with the write right in KOMMUNIKATION (or admins)', async () => {
    const locked = await staff('Gesperrt');
    await db.update(users).set({ status: 'locked' }).where(eq(users.id, locked.id));
    const invited = await staff('Eingeladen');
    await db.update(users).set({ status: 'invited' }).where(eq(users.id, invited.id));
    const list = await assignableEmployees(await ctxFor(db, A(), w.adminA), { advisorId: w.scoped.id });
    const listed = list.map((e) => e.id);
    // Scope "own": offered only for contacts they look after.
    expect(
      (await assignableEmployees(await ctxFor(db, A(), w.adminA), { advisorId: w.writer.id })).map((e) => e.id),
    ).not.toContain(w.scoped.id);
    for (const ok of [w.adminA, w.writer, w.scoped]) expect(listed).toContain(ok.id);
    for (const no of [w.mixed, w.reader, w.noRights, locked, invited, w.writerB, w.adminB, w.clients.act])
      expect(listed).not.toContain(no.id);
    expect(list.find((e) => e.id === w.adminA.id)).toEqual({
      id: w.adminA.id,
      name: 'Ada Admin',
      email: w.adminA.email,
    });
    // sorted by last name
    const names = list.map((e) => e.name.split(' ').slice(1).join(' '));
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y)));

    const { act } = w.clients;
    for (const no of [w.mixed, w.reader, w.noRights, locked, invited, w.writerB, w.adminB]) {
      const e = await refused(async () => createTicket(await ctxFor(db, w.A, act), ticketForm(no.id)), ['invalid']);
      expect(e.field).toBe('assigneeId');
    }
    await refused(async () => createTicket(await ctxFor(db, w.A, act), ticketForm(act.id)), ['invalid']); // a client
    await refused(async () => createTicket(await ctxFor(db, w.A, act), ticketForm(NOT_THERE)), ['invalid']);
  });

  it('names one of the client’s own, visible contracts – never another contact’s or a hidden one', async () => {
    const { rel, act } = w.clients;
    const { id: relContract } = await createContract(await ctxFor(db, A(), w.writer), {
      ...contractForm('insurance'),
      contactId: rel.id,
    });
    const { id: actAdvisorContract } = await createContract(await ctxFor(db, A(), w.writer), {
      ...contractForm('insurance'),
      contactId: act.id,
    });
    const { id: k2Contract } = await createContract(await ctxFor(db, A(), w.writer), {
      ...contractForm('finance'),
      contactId: w.k2.id,
    });
    const id = await ticket(rel, w.writer, { contractId: relContract });
    expect((await ticketRow(id)).contractId).toBe(relContract);
    expect(
      (await listTickets(await ctxFor(db, A(), w.writer), mine)).items.find((t) => t.id === id)!.contractLabel,
    ).toBe('Kfz-Versicherung · CONDOR Allgemeine Versicherungs-AG');
    expect((await openTicket(await ctxFor(db, A(), rel), { ticketId: id })).contract).toMatchObject({
      id: relContract,
      area: 'insurance',
    });
    // another contact's contract
    await refused(
      async () => createTicket(await ctxFor(db, w.A, rel), ticketForm(w.writer.id, { contractId: k2Contract })),
      ['invalid'],
    );
    // FREISCHALTUNG alone does not show the BETREUER's contract
    await refused(
      async () => createTicket(await ctxFor(db, w.A, act), ticketForm(w.writer.id, { contractId: actAdvisorContract })),
      ['invalid'],
    );
    await refused(
      async () => createTicket(await ctxFor(db, w.A, rel), ticketForm(w.writer.id, { contractId: NOT_THERE })),
      ['invalid'],
    );
    // the form offers exactly the visible ones, and the BETREUER first
    const options = await newTicketOptions(await ctxFor(db, A(), rel));
    expect(options.contracts.map((c) => c.id)).toContain(relContract);
    expect(options.contracts.map((c) => c.id)).not.toContain(k2Contract);
    expect(options.advisorId).toBe(w.writer.id);
    expect((await newTicketOptions(await ctxFor(db, A(), act))).contracts.map((c) => c.id)).not.toContain(
      actAdvisorContract,
    );
    // a BETREUER who may not receive messages is not preselected
    const looked = await client('BetreutVonLeser', sw(true, false, false), w.reader.id);
    expect((await newTicketOptions(await ctxFor(db, A(), looked))).advisorId).toBeNull();
  });
});

/* ------------------------------------------------------------------ idempotency */

describe('idempotent sending', () => {
  it('the same key from the same client is one ticket; another client may use the same key', async () => {
    const c1 = await client('Doppeltipp');
    const c2 = await client('Doppeltipp');
    const form = ticketForm(w.writer.id, { subject: 'Doppelt gesendet' });
    const first = await mailsOf(async () => createTicket(await ctxFor(db, w.A, c1), form));
    const second = await mailsOf(async () =>
      createTicket(await ctxFor(db, w.A, c1), { ...form, message: 'Anderer Text, gleicher Schlüssel' }),
    );
    expect(first.result.created).toBe(true);
    expect(second.result).toEqual({ id: first.result.id, created: false });
    expect(first.mails).toHaveLength(1);
    expect(second.mails).toHaveLength(0);
    expect((await messagesOf(first.result.id)).map((m) => m.body)).toEqual(['Guten Tag, ich bin umgezogen.']);
    const other = await createTicket(await ctxFor(db, w.A, c2), form);
    expect(other.created).toBe(true);
    expect(other.id).not.toBe(first.result.id);
    expect(
      await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.idempotencyKey, form.idempotencyKey)),
    ).toHaveLength(2);
  });

  it('five parallel sends with the same key: one ticket, one message, one event, one audit row, one mail', async () => {
    for (let round = 0; round < 3; round++) {
      const c = await client('Parallel');
      const form = ticketForm(w.writer.id, { subject: `Parallel ${round}` });
      const { result, mails } = await mailsOf(() =>
        Promise.all(Array.from({ length: 5 }, async () => createTicket(await ctxFor(db, w.A, c), form))),
      );
      const ids = new Set(result.map((r) => r.id));
      expect(ids.size).toBe(1);
      expect(result.filter((r) => r.created)).toHaveLength(1);
      const [id] = [...ids];
      expect(await db.select().from(tickets).where(eq(tickets.contactId, c.id))).toHaveLength(1);
      expect(await messagesOf(id!)).toHaveLength(1);
      expect(await eventTypes(id!)).toEqual(['created']);
      expect(
        await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'ticket.created'), eq(auditLog.targetId, c.id))),
      ).toHaveLength(1);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.template).toBe('ticket.created');
    }
  });

  it('replies are idempotent per author and key – sequentially and in parallel', async () => {
    const c = await client('Antwortdoppel');
    const id = await ticket(c, w.writer);
    const form = replyForm(id, 'Einmal bitte');
    const r1 = await mailsOf(async () => replyToTicket(await ctxFor(db, w.A, w.writer), form));
    const r2 = await mailsOf(async () => replyToTicket(await ctxFor(db, w.A, w.writer), form));
    expect(r2.result).toEqual({ messageId: r1.result.messageId, reopened: false });
    expect(r1.mails).toHaveLength(1);
    expect(r2.mails).toHaveLength(0);
    // the same key from another author is another message
    await replyToTicket(await ctxFor(db, w.A, c), { ...form, message: 'Gleicher Schlüssel, andere Person' });
    expect((await messagesOf(id)).map((m) => m.body)).toEqual([
      'Guten Tag, ich bin umgezogen.',
      'Einmal bitte',
      'Gleicher Schlüssel, andere Person',
    ]);

    const parallel = replyForm(id, 'Parallel geantwortet');
    const { result, mails } = await mailsOf(() =>
      Promise.all(Array.from({ length: 5 }, async () => replyToTicket(await ctxFor(db, w.A, w.writer), parallel))),
    );
    expect(new Set(result.map((r) => r.messageId)).size).toBe(1);
    expect((await messagesOf(id)).filter((m) => m.body === 'Parallel geantwortet')).toHaveLength(1);
    expect((await eventTypes(id)).filter((t) => t === 'replied')).toHaveLength(3);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.template).toBe('ticket.client');
  });
});

/* ------------------------------------------------------------------ replies, forward, close */

describe('replies', () => {
  it('an employee’s reply mails the client (no content), makes it unread for the client until opened', async () => {
    const c = await client('Antwort');
    const id = await ticket(c, w.writer, { subject: SECRET_SUBJECT });
    expect(await unreadCount(await ctxFor(db, A(), c))).toBe(0);
    const { result, mails } = await mailsOf(async () =>
      replyToTicket(await ctxFor(db, w.A, w.writer), replyForm(id, SECRET_BODY)),
    );
    expect(result.reopened).toBe(false);
    expect(mails).toHaveLength(1);
    expectNotification(mails[0]!, 'ticket.client', c.email, `/portal/messages/${id}`);
    expect(mails[0]!.subject).toBe('Sie haben eine NEUE NACHRICHT');
    const [m] = await db.select().from(ticketMessages).where(eq(ticketMessages.id, result.messageId));
    expect(m).toMatchObject({ ticketId: id, authorId: w.writer.id, authorKind: 'employee', body: SECRET_BODY });
    expect(await ticketRow(id)).toMatchObject({ lastEntryBy: w.writer.id, lastPublicBy: w.writer.id, status: 'open' });
    expect(await eventTypes(id)).toEqual(['created', 'replied']);

    expect(await unreadCount(await ctxFor(db, A(), c))).toBe(1);
    expect(
      (await listClientTickets(await ctxFor(db, A(), c), { status: 'open' })).map((t) => [t.id, t.unread]),
    ).toEqual([[id, true]]);
    const seen = await openTicket(await ctxFor(db, A(), c), { ticketId: id });
    expect(seen.messages.map((x) => [x.body, x.authorKind, x.mine])).toEqual([
      ['Guten Tag, ich bin umgezogen.', 'client', true],
      [SECRET_BODY, 'employee', false],
    ]);
    expect(await unreadCount(await ctxFor(db, A(), c))).toBe(0);
    expect((await listClientTickets(await ctxFor(db, A(), c), { status: 'open' }))[0]!.unread).toBe(false);
  });

  it('a client’s reply mails the assignee and makes it unread for them', async () => {
    const c = await client('Rueckfrage');
    const post = await staff('Postfach');
    const id = await ticket(c, post);
    await openTicket(await ctxFor(db, A(), post), { ticketId: id });
    expect(await unreadCount(await ctxFor(db, A(), post))).toBe(0);
    const { mails } = await mailsOf(async () => replyToTicket(await ctxFor(db, w.A, c), replyForm(id, SECRET_BODY)));
    expect(mails).toHaveLength(1);
    expectNotification(mails[0]!, 'ticket.replied', post.email, `/tickets/${id}`);
    expect(mails[0]!.subject).toBe('Neue Antwort eines Kunden');
    expect(await unreadCount(await ctxFor(db, A(), post))).toBe(1);
  });

  it('a reply to a closed ticket reopens it – by the client and by an employee', async () => {
    const c = await client('Wiederauf');
    const id = await ticket(c, w.writer);
    await closeTicket(await ctxFor(db, w.A, w.writer), { ticketId: id });
    expect(await ticketRow(id)).toMatchObject({ status: 'closed' });
    expect((await ticketRow(id)).closedAt).toBeInstanceOf(Date);
    const r = await replyToTicket(await ctxFor(db, w.A, c), replyForm(id, 'Doch noch eine Frage'));
    expect(r.reopened).toBe(true);
    expect(await ticketRow(id)).toMatchObject({ status: 'open', closedAt: null });
    expect(await eventTypes(id)).toEqual(['created', 'closed', 'reopened', 'replied']);

    await closeTicket(await ctxFor(db, w.A, w.adminA), { ticketId: id });
    const r2 = await replyToTicket(await ctxFor(db, w.A, w.writer), replyForm(id, 'Nachtrag vom Berater'));
    expect(r2.reopened).toBe(true);
    expect(await eventTypes(id)).toEqual(['created', 'closed', 'reopened', 'replied', 'closed', 'reopened', 'replied']);
    const reopened = (await eventsOf(id)).filter((e) => e.type === 'reopened');
    expect(reopened.map((e) => [e.actorId, e.actorKind])).toEqual([
      [c.id, 'client'],
      [w.writer.id, 'employee'],
    ]);
    expect(
      (await listTickets(await ctxFor(db, A(), w.writer), { ...mine, status: 'closed' })).items.map((t) => t.id),
    ).not.toContain(id);
  });
});

describe('forwarding', () => {
  it('moves the ticket with an internal note the client never sees; mails the new assignee', async () => {
    const c = await client('Weiter');
    const from = await staff('Abgeber');
    const to = await staff('Empfaenger');
    const id = await ticket(c, from, { subject: SECRET_SUBJECT, message: SECRET_BODY });
    await openTicket(await ctxFor(db, A(), from), { ticketId: id });
    const before = await ticketRow(id);
    const { mails } = await mailsOf(async () =>
      forwardTicket(await ctxFor(db, w.A, from), forwardForm(id, to.id, SECRET_NOTE)),
    );
    expect(mails).toHaveLength(1);
    expectNotification(mails[0]!, 'ticket.forwarded', to.email, `/tickets/${id}`);
    expect(mails[0]!.subject).toBe('Ein Ticket wurde an Sie weitergeleitet');
    expect(mails[0]!.text).toContain(`Erika ${from.lastName}`);

    const after = await ticketRow(id);
    expect(after).toMatchObject({ assigneeId: to.id, lastEntryBy: from.id, lastPublicBy: c.id, status: 'open' });
    expect(after.lastPublicAt).toEqual(before.lastPublicAt);
    expect(after.lastEntryAt.getTime()).toBeGreaterThan(before.lastEntryAt.getTime());
    const fwd = (await eventsOf(id)).at(-1)!;
    expect(fwd).toMatchObject({
      type: 'forwarded',
      actorId: from.id,
      actorKind: 'employee',
      meta: { fromId: from.id, toId: to.id, internalNote: SECRET_NOTE },
    });
    const [a] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ticket.forwarded'), eq(auditLog.targetId, id)));
    expect(a).toMatchObject({ actorId: from.id, targetType: 'ticket', meta: { fromId: from.id, toId: to.id } });
    expect(JSON.stringify(a!.meta)).not.toContain('NOTIZGEHEIM');

    // staff see the note; the client sees the forward, never the note
    const staffView = await openTicket(await ctxFor(db, A(), to), { ticketId: id });
    expect(staffView.history.at(-1)).toMatchObject({
      type: 'forwarded',
      actorName: `Erika ${from.lastName}`,
      fromName: `Erika ${from.lastName}`,
      toName: `Erika ${to.lastName}`,
      internalNote: SECRET_NOTE,
    });
    expect((await openTicket(await ctxFor(db, A(), w.reader), { ticketId: id })).history.at(-1)!.internalNote).toBe(
      SECRET_NOTE,
    );
    const clientView = await openTicket(await ctxFor(db, A(), c), { ticketId: id });
    const clientFwd = clientView.history.at(-1)!;
    expect(clientFwd).toMatchObject({
      type: 'forwarded',
      fromName: `Erika ${from.lastName}`,
      toName: `Erika ${to.lastName}`,
    });
    expect(clientFwd.internalNote).toBeUndefined();
    expect(JSON.stringify(clientView)).not.toContain('NOTIZGEHEIM');
    expect(clientView.rights).toEqual({ reply: true, forward: false, close: false });
    // a forward is no message for the client
    expect(await unreadCount(await ctxFor(db, A(), c))).toBe(0);
    // without a note the event carries none
    await forwardTicket(await ctxFor(db, w.A, to), forwardForm(id, from.id));
    expect((await eventsOf(id)).at(-1)!.meta).toEqual({ fromId: to.id, toId: from.id });
  });

  it('only to another active employee of the tenant with the write right, and only while open', async () => {
    const c = await client('WeiterNein');
    const id = await ticket(c, w.writer);
    const locked = await staff('GesperrtZiel');
    await db.update(users).set({ status: 'locked' }).where(eq(users.id, locked.id));
    for (const target of [w.writer, w.mixed, w.reader, w.noRights, locked, w.writerB, w.adminB, c]) {
      const e = await refused(
        async () => forwardTicket(await ctxFor(db, w.A, w.adminA), forwardForm(id, target.id)),
        ['invalid'],
      );
      expect(e.field).toBe('toId');
    }
    await refused(async () => forwardTicket(await ctxFor(db, w.A, w.adminA), forwardForm(id, NOT_THERE)), ['invalid']);
    await closeTicket(await ctxFor(db, w.A, w.writer), { ticketId: id });
    await refused(
      async () => forwardTicket(await ctxFor(db, w.A, w.adminA), forwardForm(id, w.scoped.id)),
      ['invalid'],
    );
    await refused(
      async () => forwardTicket(await ctxFor(db, w.A, w.adminA), forwardForm(NOT_THERE, w.scoped.id)),
      ['not_found'],
    );
  });
});

describe('closing', () => {
  it('an employee with the write right closes an open ticket; no mail; not twice', async () => {
    const c = await client('Schliessen');
    const id = await ticket(c, w.writer);
    const { mails } = await mailsOf(async () => closeTicket(await ctxFor(db, w.A, w.writer), { ticketId: id }));
    expect(mails).toEqual([]);
    const t = await ticketRow(id);
    expect(t.status).toBe('closed');
    expect(t.closedAt).toBeInstanceOf(Date);
    expect((await eventsOf(id)).at(-1)).toMatchObject({ type: 'closed', actorId: w.writer.id, actorKind: 'employee' });
    const [a] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ticket.closed'), eq(auditLog.targetId, id)));
    expect(a).toMatchObject({ actorId: w.writer.id, targetType: 'ticket' });
    await refused(async () => closeTicket(await ctxFor(db, w.A, w.writer), { ticketId: id }), ['invalid']);
    await refused(async () => closeTicket(await ctxFor(db, w.A, w.writer), { ticketId: NOT_THERE }), ['not_found']);
    // the client sees it under GESCHLOSSEN, with a reply button (a reply reopens) and nothing else
    expect((await listClientTickets(await ctxFor(db, A(), c), { status: 'closed' })).map((x) => x.id)).toEqual([id]);
    expect(await listClientTickets(await ctxFor(db, A(), c), { status: 'open' })).toEqual([]);
    expect((await openTicket(await ctxFor(db, A(), c), { ticketId: id })).rights).toEqual({
      reply: true,
      forward: false,
      close: false,
    });
    expect((await openTicket(await ctxFor(db, A(), w.writer), { ticketId: id })).rights).toEqual({
      reply: true,
      forward: false,
      close: false,
    });
  });
});

/* ------------------------------------------------------------------ HISTORIE */

describe('HISTORIE', () => {
  it('is complete and in order: created, replied, forwarded (from → to), closed, reopened', async () => {
    const c = await client('Historie');
    const id = await ticket(c, w.writer);
    await replyToTicket(await ctxFor(db, w.A, w.writer), replyForm(id, 'Antwort 1'));
    await forwardTicket(await ctxFor(db, w.A, w.writer), forwardForm(id, w.adminA.id, SECRET_NOTE));
    await replyToTicket(await ctxFor(db, w.A, c), replyForm(id, 'Antwort 2'));
    await closeTicket(await ctxFor(db, w.A, w.adminA), { ticketId: id });
    await replyToTicket(await ctxFor(db, w.A, c), replyForm(id, 'Antwort 3'));
    await closeTicket(await ctxFor(db, w.A, w.adminA), { ticketId: id });

    const writerName = `Erika ${w.writer.lastName}`;
    const clientName = `Karla ${c.lastName}`;
    const expected = [
      { type: 'created', actorName: clientName, actorKind: 'client', toName: writerName },
      { type: 'replied', actorName: writerName, actorKind: 'employee' },
      {
        type: 'forwarded',
        actorName: writerName,
        actorKind: 'employee',
        fromName: writerName,
        toName: 'Ada Admin',
        internalNote: SECRET_NOTE,
      },
      { type: 'replied', actorName: clientName, actorKind: 'client' },
      { type: 'closed', actorName: 'Ada Admin', actorKind: 'employee' },
      { type: 'reopened', actorName: clientName, actorKind: 'client' },
      { type: 'replied', actorName: clientName, actorKind: 'client' },
      { type: 'closed', actorName: 'Ada Admin', actorKind: 'employee' },
    ];
    const strip = (h: Awaited<ReturnType<typeof openTicket>>['history']) =>
      h.map(({ at: _at, ...rest }) => Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
    const staffView = await openTicket(await ctxFor(db, A(), w.adminA), { ticketId: id });
    expect(strip(staffView.history)).toEqual(expected);
    const clientView = await openTicket(await ctxFor(db, A(), c), { ticketId: id });
    expect(strip(clientView.history)).toEqual(expected.map(({ internalNote: _n, ...e }) => e));
    for (const view of [staffView, clientView]) {
      const times = view.history.map((h) => h.at.getTime());
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect(view.messages.map((m) => m.body)).toEqual([
        'Guten Tag, ich bin umgezogen.',
        'Antwort 1',
        'Antwort 2',
        'Antwort 3',
      ]);
    }
    expect(clientView.messages.map((m) => m.mine)).toEqual([true, false, true, true]);
    expect(clientView.messages.map((m) => m.authorName)).toEqual([clientName, writerName, clientName, clientName]);
    expect(staffView.assigneeName).toBe('Ada Admin');
    expect(staffView.rights).toEqual({ reply: true, forward: false, close: false });
  });
});

/* ------------------------------------------------------------------ unread */

describe('unread markers and badges', () => {
  it('employee badge: assigned to me, last entry by someone else, newer than my marker', async () => {
    const c = await client('Badge');
    const post = await staff('Badgepost');
    const other = await staff('Badgeziel');
    expect(await unreadCount(await ctxFor(db, A(), post))).toBe(0);
    const t1 = await ticket(c, post);
    const t2 = await ticket(c, post);
    expect(await unreadCount(await ctxFor(db, A(), post))).toBe(2);
    expect((await listTickets(await ctxFor(db, A(), post), mine)).items.map((t) => [t.id, t.unread])).toEqual([
      [t2, true],
      [t1, true],
    ]);
    await openTicket(await ctxFor(db, A(), post), { ticketId: t1 });
    expect(await unreadCount(await ctxFor(db, A(), post))).toBe(1);
    // my own reply keeps it read
    await replyToTicket(await ctxFor(db, w.A, post), replyForm(t1));
    expect(await unreadCount(await ctxFor(db, A(), post))).toBe(1);
    // the client answers: unread again
    await replyToTicket(await ctxFor(db, w.A, c), replyForm(t1, 'Und noch etwas'));
    expect(await unreadCount(await ctxFor(db, A(), post))).toBe(2);
    await openTicket(await ctxFor(db, A(), post), { ticketId: t1 });
    // a colleague's reply on my ticket is new for me too
    await replyToTicket(await ctxFor(db, w.A, w.adminA), replyForm(t1, 'Ergänzung der Chefin'));
    expect(await unreadCount(await ctxFor(db, A(), post))).toBe(2);
    await openTicket(await ctxFor(db, A(), post), { ticketId: t1 });
    await openTicket(await ctxFor(db, A(), post), { ticketId: t2 });
    expect(await unreadCount(await ctxFor(db, A(), post))).toBe(0);
    // reading it does not count for anybody else
    expect(await unreadCount(await ctxFor(db, A(), other))).toBe(0);
    // a forward makes it unread for the new assignee (even if they had read it before), gone for the old one
    await openTicket(await ctxFor(db, A(), other), { ticketId: t2 });
    await forwardTicket(await ctxFor(db, w.A, post), forwardForm(t2, other.id));
    expect(await unreadCount(await ctxFor(db, A(), other))).toBe(1);
    expect(await unreadCount(await ctxFor(db, A(), post))).toBe(0);
    expect((await listTickets(await ctxFor(db, A(), other), mine)).items.map((t) => [t.id, t.unread])).toEqual([
      [t2, true],
    ]);
    await openTicket(await ctxFor(db, A(), other), { ticketId: t2 });
    expect(await unreadCount(await ctxFor(db, A(), other))).toBe(0);
    // an admin opening somebody else's ticket does not clear it for the assignee
    await replyToTicket(await ctxFor(db, w.A, c), replyForm(t2, 'Hallo?'));
    await openTicket(await ctxFor(db, A(), w.adminA), { ticketId: t2 });
    expect(await unreadCount(await ctxFor(db, A(), other))).toBe(1);
  });

  it('client badge: tickets with a newer message from the advisor side', async () => {
    const c = await client('Kundenbadge');
    const t1 = await ticket(c, w.writer);
    const t2 = await ticket(c, w.writer);
    expect(await unreadCount(await ctxFor(db, A(), c))).toBe(0);
    await forwardTicket(await ctxFor(db, w.A, w.writer), forwardForm(t1, w.adminA.id, 'intern'));
    await closeTicket(await ctxFor(db, w.A, w.adminA), { ticketId: t2 });
    expect(await unreadCount(await ctxFor(db, A(), c))).toBe(0);
    await replyToTicket(await ctxFor(db, w.A, w.adminA), replyForm(t1, 'Antwort der Chefin'));
    await replyToTicket(await ctxFor(db, w.A, w.writer), replyForm(t2, 'Nachtrag'));
    expect(await unreadCount(await ctxFor(db, A(), c))).toBe(2);
    expect(
      (await listClientTickets(await ctxFor(db, A(), c), { status: 'open' })).map((t) => [t.id, t.unread]).sort(),
    ).toEqual(
      [
        [t1, true],
        [t2, true],
      ].sort(),
    );
    await openTicket(await ctxFor(db, A(), c), { ticketId: t1 });
    expect(await unreadCount(await ctxFor(db, A(), c))).toBe(1);
    await replyToTicket(await ctxFor(db, w.A, c), replyForm(t2, 'Danke'));
    expect(await unreadCount(await ctxFor(db, A(), c))).toBe(0);
    // an employee without the right has no badge
    expect(await unreadCount(await ctxFor(db, A(), w.noRights))).toBe(0);
  });
});

/* ------------------------------------------------------------------ lists */

describe('listTickets', () => {
  it('mine vs all: admins see every open ticket of their tenant, employees those of the contacts they may see', async () => {
    const c = await client('Liste');
    const forWriter = await ticket(c, w.writer);
    const forAdmin = await ticket(c, w.adminA);
    const closed = await ticket(c, w.writer);
    await closeTicket(await ctxFor(db, w.A, w.writer), { ticketId: closed });
    const inB = await ticket(w.clientB, w.adminB, {}, w.B);

    const adminMine = idsOf(await listTickets(await ctxFor(db, A(), w.adminA), mine));
    const adminAll = idsOf(await listTickets(await ctxFor(db, A(), w.adminA), all));
    expect(adminMine).toContain(forAdmin);
    expect(adminMine).not.toContain(forWriter);
    expect(adminAll).toEqual(expect.arrayContaining([forAdmin, forWriter]));
    expect(adminAll).not.toContain(closed);
    expect(adminAll).not.toContain(inB);
    const [open] = await pg<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM tickets WHERE tenant_id = ${A()} AND status = 'open'`;
    expect(adminAll).toHaveLength(open!.n);
    // non-admins: "mine" = assigned to them; "all" = every ticket of the contacts they may see
    const writerMine = idsOf(await listTickets(await ctxFor(db, A(), w.writer), mine));
    expect(writerMine).toContain(forWriter);
    expect(writerMine).not.toContain(forAdmin);
    const writerAll = idsOf(await listTickets(await ctxFor(db, A(), w.writer), all));
    expect(writerAll).toEqual(expect.arrayContaining([forWriter, forAdmin]));
    expect(writerAll).not.toContain(inB);
    // a scoped employee's "all" holds only tickets of contacts they look after
    expect(idsOf(await listTickets(await ctxFor(db, A(), w.scoped), all))).not.toContain(forWriter);
    // status filter
    const closedList = await listTickets(await ctxFor(db, A(), w.adminA), { ...all, status: 'closed' });
    expect(idsOf(closedList)).toContain(closed);
    expect(closedList.items.every((t) => t.status === 'closed')).toBe(true);
    expect((await listTickets(await ctxFor(db, A(), w.adminA), all)).items.every((t) => t.status === 'open')).toBe(
      true,
    );
    // newest activity first
    const times = (await listTickets(await ctxFor(db, A(), w.adminA), all)).items.map((t) => t.lastAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    // the other tenant
    expect(idsOf(await listTickets(await ctxFor(db, w.B.id, w.adminB), all))).toEqual([inB]);
    await expect(ctxFor(db, A(), w.adminB).then((ctx) => listTickets(ctx, all))).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('the contact page lists every ticket of a contact the employee may see, whoever has it', async () => {
    const c = await client('Kontaktseite');
    const t = await ticket(c, w.adminA);
    const byContact = async (e: SessionUser) => listTickets(await ctxFor(db, A(), e), { ...all, contactId: c.id });
    expect(idsOf(await byContact(w.writer))).toEqual([t]);
    expect(idsOf(await byContact(w.mixed))).toEqual([t]); // communication 'read'
    expect(idsOf(await byContact(w.reader))).toEqual([t]);
    expect(idsOf(await byContact(w.noRights))).toEqual([]);
    expect(idsOf(await byContact(w.scoped))).toEqual([]); // not their contact
    const ownContactTicket = await ticket(w.clients.mine, w.writer);
    const ofMine = await listTickets(await ctxFor(db, A(), w.scoped), { ...all, contactId: w.clients.mine.id });
    expect(idsOf(ofMine)).toContain(ownContactTicket);
    expect(ofMine.items.every((i) => i.contactId === w.clients.mine.id)).toBe(true);
    expect(idsOf(await listTickets(await ctxFor(db, w.B.id, w.adminB), { ...all, contactId: c.id }))).toEqual([]);
  });

  it('answers empty for clients and employees without the communication right', async () => {
    const noComm = await employee(db, w.A, `OhneKommunikation${++seq}`, {
      insurance: 'write',
      finance: 'write',
      other: 'write',
      emergency: 'write',
      communication: 'none',
    });
    for (const who of [w.noRights, noComm, w.clients.act, w.clients.rel])
      expect(await listTickets(await ctxFor(db, A(), who), all)).toEqual({ items: [], next: null });
    for (const who of [w.noRights, noComm]) expect(await unreadCount(await ctxFor(db, A(), who))).toBe(0);
  });

  it('keyset pages of 50 over more than 50 tickets, following `next` until null', async () => {
    const many = await staff('Vielpost');
    // Three writers: one account may open only 20 tickets an hour (sendLimits).
    const writers = [await client('Vielschreiber'), await client('Vielschreiber'), await client('Vielschreiber')];
    const created: string[] = [];
    for (let i = 0; i < 56; i++) created.push(await ticket(writers[i % 3]!, many, { subject: `Ticket ${i}` }));
    expect(TICKET_PAGE).toBe(50);

    const page1 = await listTickets(await ctxFor(db, A(), many), { status: 'open', scope: 'mine' });
    expect(page1.items).toHaveLength(50);
    expect(page1.next).toEqual(expect.any(String));
    expect(page1.items.every((t) => t.unread)).toBe(true);
    const page2 = await listTickets(await ctxFor(db, A(), many), { status: 'open', scope: 'mine', after: page1.next! });
    expect(page2.items).toHaveLength(6);
    expect(page2.next).toBeNull();
    const walked = [...idsOf(page1), ...idsOf(page2)];
    expect(new Set(walked).size).toBe(56);
    expect([...walked].sort()).toEqual([...created].sort());
    // newest first, across the page boundary
    expect(walked).toEqual([...created].reverse());

    // small pages walk the same order
    const small: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const p = await listTickets(await ctxFor(db, A(), many), { status: 'open', scope: 'mine', after, limit: 7 });
      small.push(...idsOf(p));
      after = p.next ?? undefined;
      pages++;
    } while (after && pages < 20);
    expect(pages).toBe(8);
    expect(small).toEqual(walked);

    // a broken cursor starts at the beginning instead of failing
    for (const bad of [
      'kaputt',
      Buffer.from('["x","y"]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
    ]) {
      expect(
        idsOf(await listTickets(await ctxFor(db, A(), many), { status: 'open', scope: 'mine', after: bad })),
      ).toEqual(idsOf(page1));
    }
    // reading some changes the flags, not the order
    await openTicket(await ctxFor(db, A(), many), { ticketId: walked[0]! });
    await openTicket(await ctxFor(db, A(), many), { ticketId: walked[55]! });
    const again = [
      ...(await listTickets(await ctxFor(db, A(), many), { status: 'open', scope: 'mine' })).items,
      ...(await listTickets(await ctxFor(db, A(), many), { status: 'open', scope: 'mine', after: page1.next! })).items,
    ];
    expect(again.map((t) => t.id)).toEqual(walked);
    expect(again.filter((t) => !t.unread).map((t) => t.id)).toEqual([walked[0], walked[55]]);
    expect(await unreadCount(await ctxFor(db, A(), many))).toBe(54);

    // an admin walks all open tickets of the tenant page by page, each exactly once
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await listTickets(await ctxFor(db, A(), w.adminA), { status: 'open', scope: 'all', after: cursor });
      seen.push(...idsOf(p));
      cursor = p.next ?? undefined;
    } while (cursor);
    const [open] = await pg<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM tickets WHERE tenant_id = ${A()} AND status = 'open'`;
    expect(open!.n).toBeGreaterThan(TICKET_PAGE);
    expect(seen).toHaveLength(open!.n);
    expect(new Set(seen).size).toBe(open!.n);
  });
});

describe('listClientTickets', () => {
  it('shows a client only their own tickets, by status, with assignee and unread flag', async () => {
    const c = await client('Eigene');
    const other = await client('Fremde');
    const mineOpen = await ticket(c, w.writer, { subject: 'Mein offenes' });
    const mineClosed = await ticket(c, w.adminA, { subject: 'Mein erledigtes' });
    await closeTicket(await ctxFor(db, w.A, w.adminA), { ticketId: mineClosed });
    const theirs = await ticket(other, w.writer);
    const open = await listClientTickets(await ctxFor(db, A(), c), { status: 'open' });
    expect(open.map((t) => t.id)).toEqual([mineOpen]);
    expect(open[0]).toMatchObject({
      subject: 'Mein offenes',
      status: 'open',
      contactId: c.id,
      assigneeName: `Erika ${w.writer.lastName}`,
      unread: false,
      contactName: '',
    });
    expect((await listClientTickets(await ctxFor(db, A(), c), { status: 'closed' })).map((t) => t.id)).toEqual([
      mineClosed,
    ]);
    expect((await listClientTickets(await ctxFor(db, A(), other), { status: 'open' })).map((t) => t.id)).toEqual([
      theirs,
    ]);
    // employees use listTickets
    expect(await listClientTickets(await ctxFor(db, A(), w.adminA), { status: 'open' })).toEqual([]);
  });

  it('NUR LESEN still reads; without any switch there is nothing; another tenant never', async () => {
    const c = await client('Spaeterlesen');
    const t = await ticket(c, w.writer);
    await saveGrants(await ctxFor(db, A(), w.adminA), { contactId: c.id, grants: everywhere(sw(false, false, true)) });
    expect((await listClientTickets(await ctxFor(db, A(), c), { status: 'open' })).map((x) => x.id)).toEqual([t]);
    await saveGrants(await ctxFor(db, A(), w.adminA), { contactId: c.id, grants: everywhere(sw(false, false, false)) });
    expect(await listClientTickets(await ctxFor(db, A(), c), { status: 'open' })).toEqual([]);
    await emptyOrRefused(async () => listClientTickets(await ctxFor(db, A(), w.clientB), { status: 'open' }));
    expect(await listClientTickets(await ctxFor(db, w.B.id, w.clientB), { status: 'open' })).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ id: t })]),
    );
  });
});

/* ------------------------------------------------------------------ attachments */

describe('attachments', () => {
  let ticketId: string;
  let fileId: string;
  let fileKey: string;
  let owner: SessionUser;

  it('go through the real upload flow with area "communication" and land under tickets/', async () => {
    owner = await client('Anhang', sw(false, true, false));
    const u = await attach(owner, owner.id, 'Foto vom Wasserschaden.JPG');
    expect(u.key).toMatch(new RegExp(`^tenants/${A()}/uploads/[0-9a-f-]{36}$`));
    const { id } = await createTicket(
      await ctxFor(db, w.A, owner),
      ticketForm(w.writer.id, { uploads: u.id, message: 'Siehe Foto' }),
    );
    ticketId = id;
    const [m] = await messagesOf(id);
    const files = await db.select().from(ticketFiles).where(eq(ticketFiles.messageId, m!.id));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      tenantId: A(),
      filename: 'Foto vom Wasserschaden.JPG',
      mime: 'image/jpeg',
      size: jpeg.length,
      position: 0,
    });
    fileId = files[0]!.id;
    fileKey = files[0]!.objectKey;
    expect(fileKey).toMatch(new RegExp(`^tenants/${A()}/tickets/[0-9a-f-]{36}$`));
    expect(await keysOf(A(), 'tickets/')).toContain(fileKey);
    expect(await keysOf(A(), 'uploads/')).not.toContain(u.key);
    expect(await db.select().from(uploads).where(eq(uploads.id, u.id))).toEqual([]);
    expect(Buffer.from(await getObjectBytes(A(), fileKey)).equals(jpeg)).toBe(true);

    const thread = await openTicket(await ctxFor(db, A(), w.writer), { ticketId: id });
    expect(thread.messages[0]!.files).toEqual([
      { id: fileId, filename: 'Foto vom Wasserschaden.JPG', mime: 'image/jpeg', size: jpeg.length },
    ]);
    // the used upload cannot be attached again
    await refused(
      async () => createTicket(await ctxFor(db, w.A, owner), ticketForm(w.writer.id, { uploads: u.id })),
      ['invalid'],
    );
  });

  it('open for the ticket’s client and permitted employees; null for everybody else', async () => {
    const opened = await openTicketFile(await ctxFor(db, A(), owner), { fileId });
    expect(opened).toMatchObject({ id: fileId, key: fileKey, mime: 'image/jpeg', ticketId, contactId: owner.id });
    for (const ok of [w.adminA, w.writer, w.mixed, w.reader])
      expect(await openTicketFile(await ctxFor(db, A(), ok), { fileId }), ok.lastName).not.toBeNull();
    // another client of the same tenant, even with every right
    expect(await openTicketFile(await ctxFor(db, A(), w.clients.rel), { fileId })).toBeNull();
    // other tenant: their client, their admin (with either tenant id)
    expect(await openTicketFile(await ctxFor(db, w.B.id, w.clientB), { fileId })).toBeNull();
    expect(await openTicketFile(await ctxFor(db, w.B.id, w.adminB), { fileId })).toBeNull();
    // with the tenant id of A, an account of B gets no context at all
    for (const b of [w.adminB, w.clientB])
      await expect(ctxFor(db, A(), b).then((ctx) => openTicketFile(ctx, { fileId }))).rejects.toMatchObject({
        code: 'forbidden',
      });
    // employees without the communication right or out of scope
    expect(await openTicketFile(await ctxFor(db, A(), w.noRights), { fileId })).toBeNull();
    const noComm = await employee(db, w.A, `DateiOhneKomm${++seq}`, {
      insurance: 'write',
      finance: 'write',
      other: 'write',
      emergency: 'write',
      communication: 'none',
    });
    expect(await openTicketFile(await ctxFor(db, A(), noComm), { fileId })).toBeNull();
    expect(await openTicketFile(await ctxFor(db, A(), w.scoped), { fileId })).toBeNull();
    expect(await openTicketFile(await ctxFor(db, A(), w.adminA), { fileId: NOT_THERE })).toBeNull();
    // the client loses KOMMUNIKATION: the file goes with it
    const c = await client('DateiWeg', sw(false, true, false));
    const u = await attach(c, c.id);
    const t = await createTicket(await ctxFor(db, w.A, c), ticketForm(w.writer.id, { uploads: u.id }));
    const [f] = await db
      .select({ id: ticketFiles.id })
      .from(ticketFiles)
      .innerJoin(ticketMessages, eq(ticketMessages.id, ticketFiles.messageId))
      .where(eq(ticketMessages.ticketId, t.id));
    expect(await openTicketFile(await ctxFor(db, A(), c), { fileId: f!.id })).not.toBeNull();
    await saveGrants(await ctxFor(db, A(), w.adminA), { contactId: c.id, grants: everywhere(sw(false, false, false)) });
    expect(await openTicketFile(await ctxFor(db, A(), c), { fileId: f!.id })).toBeNull();
  });

  it('an employee answers with an attachment; the upload needs the right to send to that contact', async () => {
    const u = await attach(w.writer, owner.id, 'antwort.jpg');
    const { messageId } = await replyToTicket(
      await ctxFor(db, w.A, w.writer),
      replyForm(ticketId, 'Anbei das Formular', { uploads: u.id }),
    );
    const files = await db.select().from(ticketFiles).where(eq(ticketFiles.messageId, messageId));
    expect(files.map((f) => [f.filename, f.mime])).toEqual([['antwort.jpg', 'image/jpeg']]);
    expect(await openTicketFile(await ctxFor(db, A(), owner), { fileId: files[0]!.id })).not.toBeNull();

    const file = { area: 'communication' as const, filename: 'a.jpg', contentType: 'image/jpeg', size: 100 };
    const start =
      (who: SessionUser, contactId: string, tenant = w.A) =>
      async () =>
        presignDocumentUpload(await ctxFor(db, tenant, who), { contactId, ...file });
    await refused(start(w.reader, owner.id), ['forbidden']); // read only
    await refused(start(w.mixed, owner.id), ['forbidden']); // communication 'read'
    await refused(start(w.noRights, owner.id), ['not_found']);
    await refused(start(w.scoped, owner.id), ['not_found']); // not their contact
    await refused(start(w.clients.ro, w.clients.ro.id), ['forbidden']); // NUR LESEN
    await refused(start(w.clients.actRo, w.clients.actRo.id), ['forbidden']);
    await refused(start(w.clients.none, w.clients.none.id), ['not_found']);
    await refused(start(w.clients.rel, owner.id), ['not_found']); // another client
    await refused(start(w.adminB, owner.id));
    await refused(start(w.adminB, owner.id, w.B), ['not_found']);
    await refused(start(w.clientB, owner.id));
    // allowed: scoped employee for their own contact, a client with FREISCHALTUNG for themselves
    await start(w.scoped, w.clients.mine.id)();
    await start(w.clients.act, w.clients.act.id)();

    // someone else's upload cannot be attached
    const foreign = await attach(w.adminA, owner.id);
    await refused(
      async () =>
        replyToTicket(await ctxFor(db, w.A, w.writer), replyForm(ticketId, 'Fremder Anhang', { uploads: foreign.id })),
      ['invalid'],
    );
    await refused(
      async () =>
        replyToTicket(await ctxFor(db, w.A, owner), replyForm(ticketId, 'Fremder Anhang', { uploads: foreign.id })),
      ['invalid'],
    );
    await refused(
      async () =>
        replyToTicket(await ctxFor(db, w.A, w.writer), replyForm(ticketId, 'Unbekannt', { uploads: NOT_THERE })),
      ['invalid'],
    );
    expect(await db.select().from(uploads).where(eq(uploads.id, foreign.id))).toHaveLength(1);
  });
});

/* ------------------------------------------------------------------ mails only with the change */

describe('no mail without the change', () => {
  it('a refused create (invalid assignee) leaves no ticket and no mail', async () => {
    const c = await client('KeinePost');
    const before = await db.select({ id: outbox.id }).from(outbox);
    await refused(async () => createTicket(await ctxFor(db, w.A, c), ticketForm(w.reader.id)), ['invalid']);
    expect(await db.select().from(tickets).where(eq(tickets.contactId, c.id))).toEqual([]);
    expect(await db.select({ id: outbox.id }).from(outbox)).toHaveLength(before.length);
  });

  it('a failure after the mail row (at commit) rolls back ticket, message, event, audit, read marker and mail; the upload survives', async () => {
    const failing = await staff('Fehlschlag');
    expect(failing.email.startsWith('fehlschlag')).toBe(true);
    const c = await client('Fehlerkunde', sw(true, false, false));
    const u = await attach(c, c.id);
    const ticketKeys = await keysOf(A(), 'tickets/');
    const before = await ticketPrint();
    await expect(createTicket(await ctxFor(db, w.A, c), ticketForm(failing.id, { uploads: u.id }))).rejects.toThrow();
    expect(await ticketPrint()).toEqual(before);
    expect(await db.select().from(tickets).where(eq(tickets.contactId, c.id))).toEqual([]);
    // the claimed copy is gone, the upload is still there to try again
    expect((await keysOf(A(), 'tickets/')).sort()).toEqual(ticketKeys.sort());
    expect(await db.select().from(uploads).where(eq(uploads.id, u.id))).toHaveLength(1);
    expect(await keysOf(A(), 'uploads/')).toContain(u.key);
    // and it works with a working recipient
    const id = await ticket(c, w.writer, { uploads: u.id });
    expect(
      await db
        .select()
        .from(ticketFiles)
        .innerJoin(ticketMessages, eq(ticketMessages.id, ticketFiles.messageId))
        .where(eq(ticketMessages.ticketId, id)),
    ).toHaveLength(1);
  });

  it('… for a forward and for an employee reply as well', async () => {
    const failing = await staff('Fehlschlag');
    const id = await ticket(await client('Fehlerweiter'), w.writer);
    let before = await ticketPrint();
    await expect(
      forwardTicket(await ctxFor(db, w.A, w.writer), forwardForm(id, failing.id, 'geht schief')),
    ).rejects.toThrow();
    expect(await ticketPrint()).toEqual(before);
    expect((await ticketRow(id)).assigneeId).toBe(w.writer.id);

    const failingClient = await client('Fehlschlagkunde');
    expect(failingClient.email.startsWith('fehlschlag')).toBe(true);
    const t2 = await ticket(failingClient, w.writer);
    before = await ticketPrint();
    await expect(
      replyToTicket(await ctxFor(db, w.A, w.writer), replyForm(t2, 'Diese Antwort kommt nie an')),
    ).rejects.toThrow();
    expect(await ticketPrint()).toEqual(before);
    expect(await unreadCount(await ctxFor(db, A(), failingClient))).toBe(0);
  });
});

/* ------------------------------------------------------------------ authorization */

describe('who may do what', () => {
  let t: string;
  let owner: SessionUser;
  beforeAll(async () => {
    owner = await client('Rechte', sw(false, true, false));
    t = await ticket(owner, w.writer, { subject: 'Vertraulich' });
  });

  it('a client of another tenant reaches nothing', async () => {
    const c = w.clientB;
    await refused(async () => openTicket(await ctxFor(db, A(), c), { ticketId: t }), ['forbidden']);
    await refused(async () => openTicket(await ctxFor(db, w.B.id, c), { ticketId: t }), ['not_found']);
    await refused(async () => replyToTicket(await ctxFor(db, w.A, c), replyForm(t)), ['forbidden']);
    await refused(async () => replyToTicket(await ctxFor(db, w.B, c), replyForm(t)), ['not_found']);
    await refused(async () => closeTicket(await ctxFor(db, w.B, c), { ticketId: t }), ['forbidden']);
    await refused(async () => forwardTicket(await ctxFor(db, w.B, c), forwardForm(t, w.adminB.id)), ['forbidden']);
    // and the other tenant's staff neither
    await refused(async () => openTicket(await ctxFor(db, w.B.id, w.adminB), { ticketId: t }), ['not_found']);
    await refused(async () => replyToTicket(await ctxFor(db, w.B, w.adminB), replyForm(t)), ['not_found']);
    await refused(
      async () => forwardTicket(await ctxFor(db, w.B, w.adminB), forwardForm(t, w.writerB.id)),
      ['not_found'],
    );
    await refused(async () => closeTicket(await ctxFor(db, w.B, w.adminB), { ticketId: t }), ['not_found']);
    await refused(async () => closeTicket(await ctxFor(db, w.A, w.adminB), { ticketId: t }), ['forbidden']);
  });

  it('another client of the same tenant reaches nothing, whatever their switches', async () => {
    for (const c of [w.clients.rel, w.clients.act, w.clients.ro]) {
      await refused(async () => openTicket(await ctxFor(db, A(), c), { ticketId: t }), ['not_found']);
      await refused(async () => replyToTicket(await ctxFor(db, w.A, c), replyForm(t)), ['not_found', 'forbidden']);
      expect((await listClientTickets(await ctxFor(db, A(), c), { status: 'open' })).map((x) => x.id)).not.toContain(t);
    }
    expect(
      await ticketRights(await viewerOf(await ctxFor(db, A(), w.clients.rel)), {
        id: owner.id,
        advisorId: w.writer.id,
      }),
    ).toEqual({ read: false, write: false });
  });

  it('an employee without the communication right reaches nothing', async () => {
    const noComm = await employee(db, w.A, `KeineKomm${++seq}`, {
      insurance: 'write',
      finance: 'write',
      other: 'write',
      emergency: 'write',
      communication: 'none',
    });
    for (const e of [w.noRights, noComm]) {
      await refused(async () => openTicket(await ctxFor(db, A(), e), { ticketId: t }), ['not_found']);
      await refused(async () => replyToTicket(await ctxFor(db, w.A, e), replyForm(t)), ['not_found']);
      await refused(async () => forwardTicket(await ctxFor(db, w.A, e), forwardForm(t, w.adminA.id)), ['not_found']);
      await refused(async () => closeTicket(await ctxFor(db, w.A, e), { ticketId: t }), ['not_found']);
      expect(idsOf(await listTickets(await ctxFor(db, A(), e), { ...all, contactId: owner.id }))).toEqual([]);
    }
    // scope 'own' and not the BETREUER
    await refused(async () => openTicket(await ctxFor(db, A(), w.scoped), { ticketId: t }), ['not_found']);
    await refused(async () => replyToTicket(await ctxFor(db, w.A, w.scoped), replyForm(t)), ['not_found']);
  });

  it('read-only employees see the ticket but cannot reply, forward or close', async () => {
    for (const e of [w.reader, w.mixed]) {
      const view = await openTicket(await ctxFor(db, A(), e), { ticketId: t });
      expect(view.ticket.id).toBe(t);
      expect(view.rights).toEqual({ reply: false, forward: false, close: false });
      await refused(async () => replyToTicket(await ctxFor(db, w.A, e), replyForm(t)), ['forbidden']);
      await refused(async () => forwardTicket(await ctxFor(db, w.A, e), forwardForm(t, w.adminA.id)), ['forbidden']);
      await refused(async () => closeTicket(await ctxFor(db, w.A, e), { ticketId: t }), ['forbidden']);
    }
    expect((await openTicket(await ctxFor(db, A(), w.writer), { ticketId: t })).rights).toEqual({
      reply: true,
      forward: true,
      close: true,
    });
  });

  it('a client never closes or forwards – not even their own ticket with every right', async () => {
    const e1 = await refused(async () => closeTicket(await ctxFor(db, w.A, owner), { ticketId: t }), ['forbidden']);
    expect(e1.message).toMatch(/Nur Mitarbeiter/);
    const e2 = await refused(
      async () => forwardTicket(await ctxFor(db, w.A, owner), forwardForm(t, w.adminA.id)),
      ['forbidden'],
    );
    expect(e2.message).toMatch(/Nur Mitarbeiter/);
    expect((await openTicket(await ctxFor(db, A(), owner), { ticketId: t })).rights).toEqual({
      reply: true,
      forward: false,
      close: false,
    });
  });

  it('a client with NUR LESEN reads their tickets but can neither reply nor write a new one; without switches nothing', async () => {
    const c = await client('Nurlesen', sw(true, false, false));
    const own = await ticket(c, w.writer);
    await replyToTicket(await ctxFor(db, w.A, w.writer), replyForm(own, 'Antwort vor der Änderung'));
    for (const s of [sw(false, false, true), sw(true, false, true), sw(false, true, true)]) {
      await saveGrants(await ctxFor(db, A(), w.adminA), { contactId: c.id, grants: everywhere(s) });
      const view = await openTicket(await ctxFor(db, A(), c), { ticketId: own });
      expect(view.rights).toEqual({ reply: false, forward: false, close: false });
      expect(view.messages.map((m) => m.body)).toContain('Antwort vor der Änderung');
      await refused(async () => replyToTicket(await ctxFor(db, w.A, c), replyForm(own)), ['forbidden']);
      await refused(async () => createTicket(await ctxFor(db, w.A, c), ticketForm(w.writer.id)), ['forbidden']);
      await refused(
        async () =>
          presignDocumentUpload(await ctxFor(db, A(), c), {
            contactId: c.id,
            area: 'communication',
            filename: 'a.jpg',
            contentType: 'image/jpeg',
            size: 100,
          }),
        ['forbidden'],
      );
    }
    await saveGrants(await ctxFor(db, A(), w.adminA), { contactId: c.id, grants: everywhere(sw(false, false, false)) });
    await refused(async () => openTicket(await ctxFor(db, A(), c), { ticketId: own }), ['not_found']);
    await refused(async () => replyToTicket(await ctxFor(db, w.A, c), replyForm(own)), ['not_found']);
    await refused(async () => createTicket(await ctxFor(db, w.A, c), ticketForm(w.writer.id)), ['not_found']);
  });

  it('the rights follow the KOMMUNIKATION switches only (SPEC §3)', async () => {
    const combos = [0, 1].flatMap((a) => [0, 1].flatMap((d) => [0, 1].map((r) => [!!a, !!d, !!r] as const)));
    for (const [a, d, r] of combos) {
      const c = await client('Schalter', sw(false, false, false));
      const g = everywhere(sw(true, true, false)); // every other module wide open
      g.communication = sw(a, d, r);
      await saveGrants(await ctxFor(db, A(), w.adminA), { contactId: c.id, grants: g });
      const rights = await ticketRights(await viewerOf(await ctxFor(db, A(), c)), { id: c.id, advisorId: w.writer.id });
      expect(rights, `A=${a} D=${d} R=${r}`).toEqual({ read: a || d || r, write: (a || d) && !r });
    }
  });

  it('a scoped employee works the tickets of their own contacts', async () => {
    const own = await ticket(w.clients.mine, w.writer);
    expect((await openTicket(await ctxFor(db, A(), w.scoped), { ticketId: own })).rights).toEqual({
      reply: true,
      forward: true,
      close: true,
    });
    await replyToTicket(await ctxFor(db, w.A, w.scoped), replyForm(own, 'Ihr Betreuer übernimmt'));
    await forwardTicket(await ctxFor(db, w.A, w.scoped), forwardForm(own, w.scoped.id));
    expect(idsOf(await listTickets(await ctxFor(db, A(), w.scoped), mine))).toContain(own);
    await closeTicket(await ctxFor(db, w.A, w.scoped), { ticketId: own });
    expect((await ticketRow(own)).status).toBe('closed');
  });
});

/* ------------------------------------------------------------------ known problems (see the report) */

describe('consistency between list, badge and thread', () => {
  let assignee: SessionUser;
  let hidden: string;
  let direct: SessionUser;
  let lost: SessionUser;
  let lostTicket: string;

  it('setup: tickets held by employees who may not open them, and a client who lost KOMMUNIKATION', async () => {
    // 1. assigned while the scope was 'all', then the scope became 'own' (not the BETREUER)
    const c = await client('Umgezogen', sw(true, false, false), w.writer.id);
    const e = await staff('Umstellung');
    hidden = await ticket(c, e, { subject: 'Nur für Berechtigte' });
    await db.update(users).set({ scope: 'own' }).where(eq(users.id, e.id));
    assignee = await actorOf(db, e.id);
    await refused(async () => openTicket(await ctxFor(db, A(), assignee), { ticketId: hidden }), ['not_found']);
    await refused(async () => replyToTicket(await ctxFor(db, w.A, assignee), replyForm(hidden)), ['not_found']);
    // 2. a client addresses a scoped employee who is not their BETREUER (offered by assignableEmployees):
    //    either refused, or it lands with somebody who cannot open it
    direct = await staff('NurEigene', 'write', 'own');
    const d = await client('Direkt', sw(true, false, false), w.writer.id);
    const sent = await createTicket(await ctxFor(db, w.A, d), ticketForm(direct.id)).catch((e: unknown) => e);
    if (sent instanceof DomainError) expect(sent.code).toBe('invalid');
    else
      await refused(
        async () => openTicket(await ctxFor(db, A(), direct), { ticketId: (sent as { id: string }).id }),
        ['not_found'],
      );
    // 3. a client with an unread advisor reply loses every KOMMUNIKATION switch
    lost = await client('Entzogen', sw(true, false, false));
    lostTicket = await ticket(lost, w.writer);
    await replyToTicket(await ctxFor(db, w.A, w.writer), replyForm(lostTicket, 'Antwort vor dem Entzug'));
    expect(await unreadCount(await ctxFor(db, A(), lost))).toBe(1);
    await saveGrants(await ctxFor(db, A(), w.adminA), {
      contactId: lost.id,
      grants: everywhere(sw(false, false, false)),
    });
    await refused(async () => openTicket(await ctxFor(db, A(), lost), { ticketId: lostTicket }), ['not_found']);
  });

  it('an employee’s list and badge hold only tickets they may open', async () => {
    for (const e of [assignee, direct]) {
      const listed = (await listTickets(await ctxFor(db, A(), e), mine)).items;
      for (const item of listed)
        await expect(
          openTicket(await ctxFor(db, A(), e), { ticketId: item.id }),
          `listed ${item.subject}`,
        ).resolves.toBeDefined();
    }
    expect(idsOf(await listTickets(await ctxFor(db, A(), assignee), mine))).not.toContain(hidden);
    expect(await unreadCount(await ctxFor(db, A(), assignee))).toBe(0);
    expect(await unreadCount(await ctxFor(db, A(), direct))).toBe(0);
  });

  it('a client’s badge counts only tickets they may open', async () => {
    expect(await listClientTickets(await ctxFor(db, A(), lost), { status: 'open' })).toEqual([]);
    expect(await unreadCount(await ctxFor(db, A(), lost))).toBe(0);
  });
});

describe('read marker race', () => {
  let id: string;
  let post: SessionUser;
  let opened: Awaited<ReturnType<typeof openTicket>>;

  it('setup: the assignee opens the ticket while a client reply is being written', async () => {
    const c = await client('Gleichzeitig');
    post = await staff('Gleichzeitigpost');
    id = await ticket(c, post);
    await openTicket(await ctxFor(db, A(), post), { ticketId: id });
    expect(await unreadCount(await ctxFor(db, A(), post))).toBe(0);
    // the reply's transaction sleeps in a trigger before its message row is written
    const replying = replyToTicket(await ctxFor(db, w.A, c), replyForm(id, 'LANGSAME ANTWORT'));
    let sleeping = false;
    for (let i = 0; i < 100 && !sleeping; i++) {
      const [r] = await pg<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'`;
      sleeping = r!.n > 0;
      if (!sleeping) await new Promise((res) => setTimeout(res, 20));
    }
    expect(sleeping).toBe(true);
    opened = await openTicket(await ctxFor(db, A(), post), { ticketId: id });
    await replying;
    expect(opened.messages.map((m) => m.body)).not.toContain('LANGSAME ANTWORT');
    expect((await messagesOf(id)).map((m) => m.body)).toContain('LANGSAME ANTWORT');
  });

  it('a reply the assignee has not seen is unread', async () => {
    expect(await unreadCount(await ctxFor(db, A(), post))).toBe(1);
  });
});

describe('keyset cursor precision', () => {
  let many: SessionUser;
  let created: string[];

  it('setup: 55 tickets whose last activity lies within one millisecond (PostgreSQL keeps microseconds)', async () => {
    many = await staff('Mikrosekunde');
    const writers = [await client('Mikro'), await client('Mikro'), await client('Mikro')]; // 20 new tickets per account and hour
    created = [];
    for (let i = 0; i < 55; i++) created.push(await ticket(writers[i % 3]!, many));
    const updated = await pg`
      UPDATE tickets t SET last_entry_at = '2024-05-01T10:00:00.123Z'::timestamptz + (x.n * interval '1 microsecond')
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM tickets WHERE assignee_id = ${many.id}) x
      WHERE t.id = x.id RETURNING t.id`;
    expect(updated).toHaveLength(55);
    const page1 = await listTickets(await ctxFor(db, A(), many), { status: 'open', scope: 'mine' });
    expect(page1.items).toHaveLength(50);
    expect(page1.next).not.toBeNull();
  });

  it('the next page continues exactly after the last row', async () => {
    const page1 = await listTickets(await ctxFor(db, A(), many), { status: 'open', scope: 'mine' });
    const page2 = await listTickets(await ctxFor(db, A(), many), { status: 'open', scope: 'mine', after: page1.next! });
    expect([...idsOf(page1), ...idsOf(page2)].sort()).toEqual([...created].sort());
  });

  it('a forged cursor (impossible date, bad id, garbage) starts at the first page instead of failing', async () => {
    const page1 = await listTickets(await ctxFor(db, A(), many), { status: 'open', scope: 'mine' });
    const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const after of [
      forged(['2026-13-45 99:99:99+00', randomUUID()]),
      forged(['2026-11-29 01:00:00+00', 'not-a-uuid-but-36-characters-long!!']),
      'kein-cursor',
      forged({ a: 1 }),
    ]) {
      expect(idsOf(await listTickets(await ctxFor(db, A(), many), { status: 'open', scope: 'mine', after }))).toEqual(
        idsOf(page1),
      );
    }
  });
});

/* ------------------------------------------------------------------ security findings (issue 13) */

describe('issue 13 (7): the ticket list names a linked contract only to readers of its area', () => {
  it('an employee without the NOTFALL-ORDNER right sees the ticket, never the contract’s title', async () => {
    const c = await client('Notfallkontakt', sw(false, true, false));
    const { id: contractId } = await createContract(await ctxFor(db, A(), w.adminA), {
      ...contractForm('emergency'),
      contactId: c.id,
    });
    const id = await ticket(c, w.writer, { contractId });
    const blind = await employee(db, w.A, `OhneNotfall${++seq}`, { ...level('write'), emergency: 'none' });
    const sighted = await employee(db, w.A, `NotfallLeser${++seq}`, { ...level('write'), emergency: 'read' });
    const itemFor = async (e: SessionUser) =>
      (await listTickets(await ctxFor(db, A(), e), { ...all, contactId: c.id })).items.find((t) => t.id === id);
    expect(await itemFor(blind), 'the ticket itself is listed').toBeDefined();
    expect((await itemFor(blind))!.contractLabel).toBeNull();
    expect(JSON.stringify(await listTickets(await ctxFor(db, A(), blind), all))).not.toContain('Patientenverfügung');
    expect((await openTicket(await ctxFor(db, A(), blind), { ticketId: id })).contract).toBeNull();
    // positive controls: who may see the area sees the label
    expect((await itemFor(sighted))!.contractLabel).toBe('Patientenverfügung');
    expect((await itemFor(w.writer))!.contractLabel).toBe('Patientenverfügung');
  });
});

describe('issue 13 (12): new tickets and replies are limited per account and hour', () => {
  const outcomes = (settled: PromiseSettledResult<unknown>[]) => ({
    ok: settled.filter((s) => s.status === 'fulfilled').length,
    limited: settled.filter(
      (s) => s.status === 'rejected' && s.reason instanceof DomainError && s.reason.code === 'rate_limited',
    ),
    other: settled
      .filter((s) => s.status === 'rejected' && !(s.reason instanceof DomainError && s.reason.code === 'rate_limited'))
      .map((s) => (s as PromiseRejectedResult).reason),
  });

  it('25 parallel new tickets from one client: exactly 20 are sent (20 mails), 5 refused with a German message', async () => {
    const c = await client('Flut');
    const { result, mails } = await mailsOf(() =>
      Promise.allSettled(
        Array.from({ length: 25 }, async (_, i) =>
          createTicket(await ctxFor(db, w.A, c), ticketForm(w.writer.id, { subject: `Flut ${i}` })),
        ),
      ),
    );
    const o = outcomes(result);
    expect(o.other).toEqual([]);
    expect(o.ok).toBe(20);
    expect(o.limited).toHaveLength(5);
    expect((o.limited[0] as PromiseRejectedResult).reason.message).toMatch(/^[A-ZÄÖÜ].*Stunde.*\.$/);
    expect(await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.contactId, c.id))).toHaveLength(20);
    expect(mails.filter((m) => m.template === 'ticket.created')).toHaveLength(20);
    // refused calls left nothing behind, and a double tap on a sent one still lands on it
    const [first] = await db.select().from(tickets).where(eq(tickets.contactId, c.id)).limit(1);
    expect(
      await createTicket(await ctxFor(db, w.A, c), ticketForm(w.writer.id, { idempotencyKey: first!.idempotencyKey })),
    ).toEqual({ id: first!.id, created: false });
    await refused(async () => createTicket(await ctxFor(db, w.A, c), ticketForm(w.writer.id)), ['rate_limited']);
    // replies and other accounts are counted on their own
    await replyToTicket(await ctxFor(db, w.A, c), replyForm(first!.id, 'Antwort trotz Limit'));
    await ticket(await client('Nachbarin'), w.writer);
  });

  it('65 parallel replies from one account: exactly 60 are written, 5 refused; other accounts go on', async () => {
    const c = await client('Antwortflut');
    const id = await ticket(c, w.writer);
    const { result, mails } = await mailsOf(() =>
      Promise.allSettled(
        Array.from({ length: 65 }, async (_, i) => replyToTicket(await ctxFor(db, w.A, c), replyForm(id, `Flut ${i}`))),
      ),
    );
    const o = outcomes(result);
    expect(o.other).toEqual([]);
    expect(o.ok).toBe(60);
    expect(o.limited).toHaveLength(5);
    expect((await messagesOf(id)).filter((m) => m.body.startsWith('Flut '))).toHaveLength(60);
    expect(mails.filter((m) => m.template === 'ticket.replied')).toHaveLength(60);
    await refused(async () => replyToTicket(await ctxFor(db, w.A, c), replyForm(id, 'Noch eine')), ['rate_limited']);
    // the employee still answers
    await replyToTicket(await ctxFor(db, w.A, w.writer), replyForm(id, 'Wir melden uns.'));
  });
});
