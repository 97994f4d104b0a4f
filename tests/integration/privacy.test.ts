/**
 * Privacy (GDPR Art. 15/17/20) against real PostgreSQL and s3rver: the classification of every table is
 * compared with the live schema, KONTAKT LÖSCHEN leaves no trace of the client in any table or in the
 * bucket (and nothing of anybody else goes with it), a half-failed storage clean-up is retried safely,
 * the DATENEXPORT ZIP holds everything (files byte for byte), ARCHIVIEREN, and the audit-log trigger.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { and, eq, inArray, or, sql as dsql } from 'drizzle-orm';
import type postgres from 'postgres';
import { createElement } from 'react';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clientModules, type ClientModule } from '../../lib/access/freigaben';
import { translate } from '../../lib/i18n';
import { DomainError } from '../../lib/errors';
import { audit } from '../../lib/audit';
import { attemptLogin } from '../../lib/auth/login';
import { hashPassword } from '../../lib/auth/password';
import { createSession, validateSession, type SessionUser } from '../../lib/auth/sessions';
import { issueToken } from '../../lib/auth/tokens';
import { createContract } from '../../lib/contracts/create';
import { createDb, type Db } from '../../lib/db/client';
import {
  auditLog,
  contactInsurerNumbers,
  contactProfiles,
  contractReminderOptins,
  contracts,
  deletionJobs,
  documentFiles,
  documents,
  followUps,
  outbox,
  sessions,
  ticketFiles,
  ticketMessages,
  tickets,
  uploads,
  users,
  type Tenant,
} from '../../lib/db/schema';
import { createCalendarFeed } from '../../lib/calendar/token';
import { createDocument } from '../../lib/documents/create';
import { presignDocumentUpload } from '../../lib/documents/presign';
import { documentSchema } from '../../lib/documents/schemas';
import { saveGrants } from '../../lib/grants';
import { enqueueMail } from '../../lib/mail/outbox';
import { mayErase, mayExport } from '../../lib/access/privacy';
import { retryDeletionJobs, runDeletionJob } from '../../lib/jobs/deletion';
import { setArchived } from '../../lib/privacy/archive';
import { clientDataCoverage, notClientData } from '../../lib/privacy/coverage';
import { deleteContact, pseudonymFor } from '../../lib/privacy/delete';
import { exportContact } from '../../lib/privacy/export';
import { deleteObject, listKeys, objectKey, putObject } from '../../lib/storage';
import { submitSupport } from '../../lib/support';
import { createTicket } from '../../lib/tickets/create';
import { forwardTicket } from '../../lib/tickets/forward';
import { replyToTicket } from '../../lib/tickets/reply';
import { forwardSchema, newTicketSchema, replySchema } from '../../lib/tickets/schemas';
import { checkUpload } from '../../lib/uploads/check';
import { createAccount } from '../../lib/users/create';
import { refusal, testDb } from './db';
import { PASSWORD } from './fixtures';
import { actorOf, contact, contractForm, everywhere, level, makeWorld, sw, type World } from './folder-world';
import { ctxFor, publicCtxFor } from './ctx';

/**
 * Storage that can fail on demand: `fault.failOn(n)` lets the n-th following delete throw (1 = the first),
 * so deleteContact itself can run into a storage outage half way through its job.
 */
const fault = vi.hoisted(() => {
  const state = { countdown: 0 };
  return {
    state,
    failOn(n: number) {
      state.countdown = n;
    },
  };
});
vi.mock('../../lib/storage', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/storage')>();
  return {
    ...real,
    deleteObject: async (tenantId: string, key: string) => {
      if (fault.state.countdown > 0 && --fault.state.countdown === 0) {
        const e = new Error('S3 antwortet nicht');
        e.name = 'StorageDown';
        throw e;
      }
      return real.deleteObject(tenantId, key);
    },
  };
});

let db: Db;
/** The owner of the tables: privileges let it UPDATE/DELETE audit_log, so only the trigger stops it. */
let ownerDb: Db;
let pg: postgres.Sql;
let w: World;
let jpeg: Buffer;
let png: Buffer;
let passwordHash: string;

const pdf = (label: string) =>
  Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n`);

beforeAll(async () => {
  let ownerUrl: string;
  ({ db, sql: pg, ownerUrl } = await testDb());
  const owner = createDb(ownerUrl, 1);
  ownerDb = owner.db;
  afterAll(() => owner.sql.end({ timeout: 5 }));
  w = await makeWorld(db, 'datenschutz');
  jpeg = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#aa3300' } })
    .jpeg()
    .toBuffer();
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0033aa' } })
    .png()
    .toBuffer();
  passwordHash = await hashPassword(PASSWORD);
});

const A = () => w.A.id;

/** The privacy verbs as a request calls them: a context for the actor in the tenant, then `(ctx, input)`. */
const erase = async (tenant: Tenant, actor: SessionUser, contactId: string, confirmName: string) =>
  deleteContact(await ctxFor(db, tenant, actor), { contactId, confirmName });
const exportOf = async (tenant: Tenant, actor: SessionUser, contactId: string) =>
  exportContact(await ctxFor(db, tenant, actor), { contactId });
const archive = async (tenant: Tenant, actor: SessionUser, contactId: string, archived: boolean) =>
  setArchived(await ctxFor(db, tenant, actor), { contactId, archived });

/* ------------------------------------------------------------------ schema helpers */

/** Every ordinary (or partitioned) table of schema public, from pg_catalog. */
async function publicTables(): Promise<string[]> {
  const rows = await pg<{ relname: string }[]>`
    SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`;
  return rows.map((r) => r.relname);
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows (as JSON text) of any public table that contain one of the terms, case-insensitively. */
async function scan(terms: string[]): Promise<{ table: string; term: string; row: string }[]> {
  const found: { table: string; term: string; row: string }[] = [];
  for (const table of await publicTables()) {
    const rows = await pg.unsafe<{ j: string }[]>(`SELECT row_to_json(t)::text AS j FROM ${ident(table)} t`);
    for (const { j } of rows) {
      for (const term of terms)
        if (j.toLowerCase().includes(term.toLowerCase())) found.push({ table, term, row: j.slice(0, 400) });
    }
  }
  return found;
}

/** Count and hash per table of all rows, or of the rows whose JSON contains `needle`. */
async function print(needle?: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await publicTables()) {
    const where = needle ? `WHERE strpos(row_to_json(t)::text, $1) > 0` : '';
    const [r] = await pg.unsafe<{ n: number; h: string }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(row_to_json(t)::text, '|' ORDER BY row_to_json(t)::text), '')) AS h FROM ${ident(table)} t ${where}`,
      needle ? [needle] : [],
    );
    out[table] = `${r!.n}:${r!.h}`;
  }
  return out;
}

const keysOf = (tenantId: string) => listKeys(tenantId, `tenants/${tenantId}/`);

/* ------------------------------------------------------------------ upload helpers (the browser's flow) */

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

type Area = 'insurance' | 'finance' | 'other' | 'emergency' | 'profile' | 'communication';

/** presignDocumentUpload → POST to s3rver → checkUpload; returns the upload id and its key. */
async function upload(
  tenant: Tenant,
  actor: SessionUser,
  contactId: string,
  area: Area,
  bytes: Buffer,
  filename: string,
  contentType: string,
  opts: { contractId?: string; check?: boolean } = {},
) {
  const ctx = await ctxFor(db, tenant, actor);
  const post = await presignDocumentUpload(ctx, {
    contactId,
    area,
    contractId: opts.contractId ?? null,
    filename,
    contentType,
    size: bytes.length,
  });
  expect(await postTo(post, bytes, filename)).toBeLessThan(300);
  if (opts.check !== false)
    expect(
      await checkUpload(ctx, { id: post.id, purpose: area === 'communication' ? 'tickets' : 'documents' }),
    ).toMatchObject({ ok: true, size: bytes.length });
  const [row] = await db.select().from(uploads).where(eq(uploads.id, post.id));
  return { id: post.id, key: row!.objectKey };
}

/** DOKUMENT HINZUFÜGEN with the given files (all through the real upload flow). */
async function addDocument(
  tenant: Tenant,
  actor: SessionUser,
  contactId: string,
  area: Exclude<Area, 'communication'>,
  title: string,
  files: { bytes: Buffer; filename: string; type: string }[],
  contractId?: string,
) {
  const ids: string[] = [];
  for (const f of files)
    ids.push((await upload(tenant, actor, contactId, area, f.bytes, f.filename, f.type, { contractId })).id);
  const input = documentSchema.parse({
    contactId,
    contractId: contractId ?? '',
    area,
    title,
    type: 'Sonstiges',
    documentDate: '01.03.2024',
    note: `Notiz ${title}`,
    uploads: ids.join(','),
  });
  const { id } = await createDocument(await ctxFor(db, tenant, actor), input);
  const rows = await db.select().from(documentFiles).where(eq(documentFiles.documentId, id));
  return { id, files: rows };
}

/** VERTRAG HINZUFÜGEN in tenant A as `actor` for the contact. */
const addContract = async (actor: SessionUser, contactId: string, form: ReturnType<typeof contractForm>) =>
  createContract(await ctxFor(db, A(), actor), { contactId, ...form });

const ticketForm = (assigneeId: string, over: Record<string, string> = {}) =>
  newTicketSchema.parse({
    assigneeId,
    subject: 'Frage zur Hausrat',
    message: 'Guten Tag, ich bin umgezogen.',
    contractId: '',
    uploads: '',
    idempotencyKey: crypto.randomUUID(),
    ...over,
  });
const replyForm = (ticketId: string, message: string, uploadsCsv = '') =>
  replySchema.parse({ ticketId, message, uploads: uploadsCsv, idempotencyKey: crypto.randomUUID() });

/* ------------------------------------------------------------------ a client with data everywhere */

const ARCHIVE_IP = '192.0.2.44';
const OTHER_IP = '203.0.113.9';

interface Rich {
  me: SessionUser;
  /** the address the client logs in from (unique per client) */
  ip: string;
  first: string;
  last: string;
  full: string;
  email: string;
  username: string;
  /** every object key that belongs to the client (documents, attachments, the pending upload) */
  keys: string[];
  pendingUploadKey: string;
  /** file name → bytes of every file in their folders and messages */
  bytes: Map<string, Buffer>;
  ticketId: string;
  internalNote: string;
}

let richSeq = 0;
/**
 * A portal client with contracts in four areas, documents (one with two files, two with the same
 * title and file name, a general document in PROFIL uploaded by the client), a ticket with attachments
 * from both sides, a forward with an internal note, logins (one failed), a reset link, mails to them
 * and naming them, audit entries by and about them, and an unfinished upload.
 */
async function richClient(label: string): Promise<Rich> {
  const tag = `${label}${++richSeq}${randomBytes(3).toString('hex')}`;
  const first = 'Zoraida';
  const last = `Tilgung${tag}`;
  const full = `${first} ${last}`;
  const ip = `198.51.100.${10 + richSeq}`;
  const email = `z.${last.toLowerCase()}@privat.example`;
  const u = await createAccount(db, {
    tenantId: A(),
    kind: 'client',
    email,
    firstName: first,
    lastName: last,
    status: 'active',
    passwordHash,
    birthDate: '1980-04-01',
    salutation: 'Frau',
  });
  await db.insert(contactProfiles).values({
    tenantId: A(),
    userId: u.id,
    phone: '0221 471147',
    street: `${last}weg 1`,
    zip: '50667',
    city: 'Köln',
    advisorId: w.writer.id,
    note: `Rückruf bei ${full}`,
    createdBy: w.writer.id,
  });
  await saveGrants(await ctxFor(db, A(), w.adminA), { contactId: u.id, grants: everywhere(sw(true, true, false)) });
  const me = await actorOf(db, u.id);
  const bytes = new Map<string, Buffer>();
  const keys: string[] = [];

  // contracts in several areas, one entered by the client
  const ins = await addContract(w.adminA, u.id, contractForm('insurance'));
  await addContract(w.writer, u.id, contractForm('finance'));
  await addContract(w.adminA, u.id, contractForm('emergency'));
  await addContract(me, u.id, contractForm('other', { provider: 'RheinEnergie', product: 'Strom' }));
  // WIEDERVORLAGE and the client's reminder switch (issue 15)
  await db.insert(followUps).values({
    tenantId: w.A.id,
    contactId: u.id,
    assigneeId: w.writer.id,
    dueOn: '2030-01-02',
    note: `Wiedervorlage ${tag}`,
  });
  await db.insert(contractReminderOptins).values({ tenantId: w.A.id, contractId: ins.id, userId: u.id });
  // an insurer's customer number from a GDV delivery (issue 14)
  await db
    .insert(contactInsurerNumbers)
    .values({ tenantId: w.A.id, contactId: u.id, vuNumber: '9999', customerNumber: `K-${tag}` });

  // documents with files in S3
  const police = pdf(`Police ${tag}`);
  const police2 = pdf(`Zweite Police ${tag}`);
  const ausweis = png;
  bytes.set('Police.pdf', police).set('Schaden.jpg', jpeg).set('Police (2).pdf', police2).set('Ausweis.png', ausweis);
  const d1 = await addDocument(
    w.A,
    w.adminA,
    u.id,
    'insurance',
    'Police 2024',
    [
      { bytes: police, filename: 'Police.pdf', type: 'application/pdf' },
      { bytes: jpeg, filename: 'Schaden.jpg', type: 'image/jpeg' },
    ],
    ins.id,
  );
  // same title and file name again: the export must keep both
  const d2 = await addDocument(
    w.A,
    w.writer,
    u.id,
    'insurance',
    'Police 2024',
    [{ bytes: police2, filename: 'Police.pdf', type: 'application/pdf' }],
    ins.id,
  );
  const d3 = await addDocument(w.A, me, u.id, 'profile', 'Ausweis', [
    { bytes: ausweis, filename: 'Ausweis.png', type: 'image/png' },
  ]);
  for (const d of [d1, d2, d3]) keys.push(...d.files.map((f) => f.objectKey));

  // a ticket: the client writes with a photo, the advisor answers with a PDF, the client answers, a forward with a note
  const clientPhoto = await upload(w.A, me, u.id, 'communication', jpeg, 'Wasserschaden.jpg', 'image/jpeg');
  const { id: ticketId } = await createTicket(
    await ctxFor(db, w.A, me),
    ticketForm(w.writer.id, {
      subject: `Schaden bei ${last}`,
      message: `Hallo, hier ${full}.`,
      uploads: clientPhoto.id,
    }),
  );
  // the notification to the advisor was delivered (a past mail naming the client)
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: dsql`now()` })
    .where(and(eq(outbox.template, 'ticket.created'), eq(outbox.status, 'pending')));
  const formular = pdf(`Formular ${tag}`);
  bytes.set('Wasserschaden.jpg', jpeg).set('Formular.pdf', formular);
  const advisorPdf = await upload(w.A, w.writer, u.id, 'communication', formular, 'Formular.pdf', 'application/pdf');
  await replyToTicket(await ctxFor(db, w.A, w.writer), replyForm(ticketId, 'Anbei das Formular.', advisorPdf.id));
  await replyToTicket(await ctxFor(db, w.A, me), replyForm(ticketId, `Danke, ${first}`));
  const internalNote = `INTERN ${tag}: bitte Rückruf`;
  await forwardTicket(
    await ctxFor(db, w.A, w.writer),
    forwardSchema.parse({ ticketId, toId: w.adminA.id, note: internalNote }),
  );
  const messageIds = (
    await db.select({ id: ticketMessages.id }).from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId))
  ).map((m) => m.id);
  const tf = await db.select().from(ticketFiles).where(eq(ticketFiles.tenantId, A()));
  keys.push(...tf.filter((f) => messageIds.includes(f.messageId)).map((f) => f.objectKey));

  // logins: one from the client, one failed try from elsewhere; a second live session; a reset link
  const login = await attemptLogin(await publicCtxFor(db, A()), {
    login: me.username,
    password: PASSWORD,
    ip,
    userAgent: `Firefox ${tag}`,
  });
  expect(login.ok).toBe(true);
  expect(
    await attemptLogin(await publicCtxFor(db, A()), {
      login: email.toUpperCase(),
      password: 'falsch-falsch-falsch',
      ip: OTHER_IP,
    }),
  ).toMatchObject({ ok: false, code: 'invalid' });
  await db.transaction((tx) => createSession(tx, { tenantId: A(), userId: u.id, ip, userAgent: 'Safari' }));
  await db.transaction((tx) => issueToken(tx, { tenantId: A(), userId: u.id, purpose: 'reset' }));

  // a past mail to them
  await db.transaction(async (tx) => {
    const id = await enqueueMail(tx, {
      tenantId: A(),
      template: 'test.greeting',
      to: email,
      subject: `Willkommen, ${full}`,
      element: createElement('p', null, `Hallo ${full}`),
    });
    await tx
      .update(outbox)
      .set({ status: 'sent', sentAt: dsql`now()` })
      .where(eq(outbox.id, id));
  });
  // an audit entry by the client about something else (actor only)
  await audit(db, {
    tenantId: A(),
    actorType: 'user',
    actorId: u.id,
    action: 'test.client.action',
    targetType: 'ticket',
    targetId: ticketId,
    ip,
    meta: { note: `von ${full}` },
  });

  // an unfinished upload (never checked, never used)
  const pending = await upload(w.A, me, u.id, 'profile', pdf(`offen ${tag}`), 'offen.pdf', 'application/pdf', {
    check: false,
  });
  keys.push(pending.key);

  const stored = await keysOf(A());
  for (const k of keys) expect(stored, `object ${k} exists before`).toContain(k);
  return {
    me,
    ip,
    first,
    last,
    full,
    email,
    username: me.username,
    keys,
    pendingUploadKey: pending.key,
    bytes,
    ticketId,
    internalNote,
  };
}

/* ------------------------------------------------------------------ ZIP reading (central directory) */

/** Entries of a ZIP (stored or deflated), read through its central directory. */
function unzip(zip: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a ZIP: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : null;
    if (!data) throw new Error(`unsupported method ${method} for ${name}`);
    expect(data.length, `size of ${name}`).toBe(size);
    if (out.has(name)) throw new Error(`duplicate entry ${name}`);
    out.set(name, data);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

async function readExport(tenant: Tenant, actor: SessionUser, contactId: string) {
  const { filename, stream } = await exportOf(tenant, actor, contactId);
  const zip = Buffer.from(await new Response(stream).arrayBuffer());
  const entries = unzip(zip);
  const json = entries.get('daten.json');
  expect(json, 'daten.json in the ZIP').toBeDefined();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { filename, zip, entries, data: JSON.parse(json!.toString('utf8')) as any };
}

/* ================================================================== 1. coverage */

describe('classification of every table', () => {
  it('puts every table of schema public in exactly one of clientDataCoverage / notClientData', async () => {
    const tables = await publicTables();
    expect(tables.length).toBeGreaterThan(20);
    const covered = new Set(Object.keys(clientDataCoverage));
    const other = new Set(Object.keys(notClientData));
    for (const t of tables) {
      const n = Number(covered.has(t)) + Number(other.has(t));
      expect(
        n,
        `table "${t}" must be classified exactly once in lib/privacy (clientDataCoverage or notClientData), is in ${n}`,
      ).toBe(1);
    }
    // nothing classified that the database does not have (a typo would hide a real table); the migration
    // journal lives in drizzle's own schema
    const everywhere = new Set(
      (await pg<{ relname: string }[]>`SELECT relname FROM pg_catalog.pg_class WHERE relkind IN ('r', 'p')`).map(
        (r) => r.relname,
      ),
    );
    for (const name of [...covered, ...other])
      expect(everywhere.has(name), `"${name}" is classified but is no table`).toBe(true);
    for (const [t, c] of Object.entries(clientDataCoverage)) {
      expect(c.export.trim(), `${t}.export`).not.toBe('');
      expect(c.erase.trim(), `${t}.erase`).not.toBe('');
    }
    for (const [t, reason] of Object.entries(notClientData)) expect(reason.trim(), `reason for ${t}`).not.toBe('');
  });

  /** Person columns of tables that only ever hold employees (proved below), with the reason. */
  const staffOnly: Record<string, string> = {
    'support_requests.user_id': 'only employees send Anliegen to the operator (submitSupport refuses clients)',
    'calendar_feeds.user_id': 'only employees have an iCal feed (createCalendarFeed refuses clients)',
    'import_jobs.created_by': 'only employees import (canImport refuses clients)',
  };

  it('classifies every table that can point at a person as client data', async () => {
    const fks = await pg<{ tbl: string; col: string }[]>`
      SELECT c.conrelid::regclass::text AS tbl, a.attname AS col
      FROM pg_catalog.pg_constraint c
      JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = 'public.users'::regclass AND a.attname <> 'tenant_id'`;
    const named = await pg<{ tbl: string; col: string }[]>`
      SELECT table_name AS tbl, column_name AS col FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name IN ('contact_id', 'user_id', 'author_id', 'actor_id', 'client_id', 'person_id')`;
    expect(fks.length).toBeGreaterThan(5);
    const pointing = [...fks, ...named].map((r) => ({
      tbl: r.tbl.replace(/^public\./, '').replace(/"/g, ''),
      col: r.col,
    }));
    expect(pointing.map((p) => p.tbl)).toEqual(
      expect.arrayContaining(['sessions', 'contracts', 'tickets', 'uploads', 'audit_log']),
    );
    for (const { tbl, col } of pointing) {
      if (staffOnly[`${tbl}.${col}`]) {
        expect(
          notClientData[tbl],
          `${tbl} is excepted as staff-only, so it must be listed in notClientData`,
        ).toBeDefined();
        continue;
      }
      expect(
        clientDataCoverage[tbl],
        `${tbl}.${col} can point at a client, so ${tbl} must be in clientDataCoverage`,
      ).toBeDefined();
    }
    // the exception list has no stale entries …
    for (const key of Object.keys(staffOnly))
      expect(
        pointing.map((p) => `${p.tbl}.${p.col}`),
        `stale exception ${key}`,
      ).toContain(key);
    // … and holds: a client cannot write a support request
    await expect(
      (async () =>
        submitSupport(await ctxFor(db, w.A, w.clients.act), { subject: 'x', message: 'y', screenshots: [] }))(),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // … and a client cannot have an iCal feed
    await expect(createCalendarFeed(await ctxFor(db, w.A, w.clients.act))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('derives the pseudonym from the id only, without personal data', () => {
    const id = '4b7c2f9e-0d1a-4e5b-9c3d-2a1b0c9d8e7f';
    expect(pseudonymFor(id)).toMatch(/^Gelöschter Kontakt [0-9a-f]{8}$/);
    expect(pseudonymFor(id)).toBe(pseudonymFor(id));
    expect(pseudonymFor(id)).not.toBe(pseudonymFor('4b7c2f9e-0d1a-4e5b-9c3d-2a1b0c9d8e70'));
    expect(pseudonymFor(id)).not.toContain(id.slice(0, 8));
  });
});

/* ================================================================== rules */

describe('who may erase and export', () => {
  it('mayErase: admin or write everywhere; mayExport: admin or at least read everywhere; never a client', () => {
    expect(mayErase(w.adminA)).toBe(true);
    expect(mayErase(w.writer)).toBe(true);
    expect(mayErase(w.scoped)).toBe(true);
    expect(mayErase(w.reader)).toBe(false);
    expect(mayErase(w.mixed)).toBe(false);
    expect(mayErase(w.noRights)).toBe(false);
    expect(mayErase(w.clients.act)).toBe(false);
    expect(mayExport(w.adminA)).toBe(true);
    expect(mayExport(w.reader)).toBe(true);
    expect(mayExport(w.writer)).toBe(true);
    expect(mayExport(w.mixed)).toBe(false);
    expect(mayExport(w.noRights)).toBe(false);
    expect(mayExport(w.clients.act)).toBe(false);
    // KOMMUNIKATION counts too
    expect(mayErase({ ...w.writer, rights: { ...level('write'), communication: 'read' } })).toBe(false);
    expect(mayExport({ ...w.reader, rights: { ...level('read'), communication: 'none' } })).toBe(false);
  });
});

/* ================================================================== 2. deletion */

describe('KONTAKT LÖSCHEN', () => {
  it('refuses a wrong name and the wrong people, leaving everything as it was', async () => {
    const r = await richClient('Falsch');
    const before = await print();
    const objects = (await keysOf(A())).sort();
    const tries: [SessionUser, Tenant, string, string[]][] = [
      [w.adminA, w.A, 'Zoraida Tilgung', ['invalid']],
      [w.adminA, w.A, r.last, ['invalid']],
      [w.adminA, w.A, `${r.full}x`, ['invalid']],
      [w.adminA, w.A, '', ['invalid']],
      [w.reader, w.A, r.full, ['forbidden']],
      [w.mixed, w.A, r.full, ['forbidden']],
      [w.noRights, w.A, r.full, ['forbidden']],
      [r.me, w.A, r.full, ['forbidden']],
      [w.adminB, w.A, r.full, ['forbidden']], // admin of tenant B passing tenant A
      [w.adminB, w.B, r.full, ['not_found']], // tenant B does not know the contact
      [w.scoped, w.A, r.full, ['not_found']], // not their contact
    ];
    for (const [actor, tenant, name, codes] of tries) {
      let error: unknown;
      try {
        await erase(tenant, actor, r.me.id, name);
      } catch (e) {
        error = e;
      }
      expect(error, `${actor.lastName} / "${name}" must be refused`).toBeInstanceOf(DomainError);
      expect(codes).toContain((error as DomainError).code);
      if ((error as DomainError).code === 'invalid') expect((error as DomainError).field).toBe('confirmName');
    }
    expect(await print(), 'no row changed').toEqual(before);
    expect((await keysOf(A())).sort(), 'no object removed').toEqual(objects);
    // an employee cannot be deleted as a contact
    await expect(erase(w.A, w.adminA, w.writer.id, `${w.writer.firstName} ${w.writer.lastName}`)).rejects.toMatchObject(
      { code: 'not_found' },
    );
  });

  it('leaves nothing of the client in any table or in the bucket, and nothing else changes', async () => {
    const r = await richClient('Loesch');
    // a client of the same tenant and one of tenant B, with files, must stay exactly as they are
    const bystander = await contact(db, w.A, `Nachbarin${randomBytes(2).toString('hex')}`, w.writer.id, {
      by: w.adminA,
      grants: everywhere(sw(true, true, false)),
    });
    const bysDoc = await addDocument(w.A, w.adminA, bystander.id, 'other', 'Mietvertrag', [
      { bytes: pdf('Nachbar'), filename: 'Miete.pdf', type: 'application/pdf' },
    ]);
    await createTicket(await ctxFor(db, w.A, bystander), ticketForm(w.writer.id, { subject: 'Nachbarfrage' }));
    await addDocument(w.B, w.adminB, w.clientB.id, 'insurance', 'Fremde Police', [
      { bytes: pdf('Mandant B'), filename: 'B.pdf', type: 'application/pdf' },
    ]);

    const bystanderBefore = await print(bystander.id);
    const tenantBBefore = await print(w.B.id);
    const keysB = (await keysOf(w.B.id)).sort();
    const keysA = await keysOf(A());
    const othersKeysA = keysA.filter((k) => !r.keys.includes(k)).sort();
    const auditAbout = await db
      .select()
      .from(auditLog)
      .where(or(eq(auditLog.targetId, r.me.id), eq(auditLog.actorId, r.me.id)));
    const actedIds = auditAbout.filter((a) => a.actorId === r.me.id).map((a) => a.id);
    const aboutIds = auditAbout.filter((a) => a.targetId === r.me.id).map((a) => a.id);
    expect(actedIds.length).toBeGreaterThan(2); // login, ticket, own contract, own document, own action
    expect(aboutIds.length).toBeGreaterThan(5);
    const auditCountBefore = (await pg<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_log`)[0]!.n;
    // positive control for the scan: the client is everywhere now
    const terms = [r.me.id, r.email, r.username, r.full, r.last, r.ip];
    const seen = new Set((await scan(terms)).map((h) => h.table));
    for (const t of [
      'users',
      'contact_profiles',
      'client_grants',
      'sessions',
      'account_tokens',
      'auth_throttle',
      'contracts',
      'documents',
      'uploads',
      'tickets',
      'ticket_messages',
      'ticket_events',
      'ticket_reads',
      'audit_log',
      'outbox',
    ]) {
      expect(seen, `the scan sees the client in ${t} before the deletion`).toContain(t);
    }

    // the typed name: case and spacing do not matter
    const result = await erase(w.A, w.adminA, r.me.id, `  ${r.first.toUpperCase()}    ${r.last.toLowerCase()} `);
    const pseudonym = pseudonymFor(r.me.id);
    expect(result.pseudonym).toBe(pseudonym);
    for (const t of terms) expect(pseudonym.toLowerCase()).not.toContain(t.toLowerCase());

    // 1. no row anywhere names them
    const hits = await scan(terms);
    expect(
      hits,
      `rows still holding the client's data:\n${hits.map((h) => `${h.table} [${h.term}]: ${h.row}`).join('\n')}`,
    ).toEqual([]);
    expect(await db.select().from(users).where(eq(users.id, r.me.id))).toEqual([]);
    expect(await db.select().from(tickets).where(eq(tickets.id, r.ticketId))).toEqual([]);

    // 2. no object of theirs is left; everybody else's are
    const after = await keysOf(A());
    for (const k of r.keys) expect(after, `object ${k}`).not.toContain(k);
    expect(after.sort()).toEqual(othersKeysA);
    for (const f of bysDoc.files) expect(after).toContain(f.objectKey);
    expect((await keysOf(w.B.id)).sort()).toEqual(keysB);

    // 3. the job is done and holds no personal data
    const [job] = await db.select().from(deletionJobs).where(eq(deletionJobs.id, result.jobId));
    expect(job).toMatchObject({
      tenantId: A(),
      pseudonym,
      requestedBy: w.adminA.id,
      status: 'done',
      attempts: 1,
      objectKeys: [],
      lastError: null,
    });
    expect(job!.doneAt).not.toBeNull();

    // 4. the audit trail: rows kept, pseudonymised; who deleted and when stays
    const kept = await db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.id, [...actedIds, ...aboutIds]));
    expect(kept).toHaveLength(new Set([...actedIds, ...aboutIds]).size);
    for (const a of kept) {
      const before = auditAbout.find((b) => b.id === a.id)!;
      expect(a.action).toBe(before.action);
      expect(a.createdAt).toEqual(before.createdAt);
      expect(a.meta).toEqual({ pseudonymisiert: true });
      if (aboutIds.includes(a.id)) expect(a.targetId).toBe(pseudonym);
      if (actedIds.includes(a.id)) {
        expect(a.actorId).toBeNull();
        expect(a.ip).toBeNull();
        if (!aboutIds.includes(a.id)) expect(a.targetId).toBe(before.targetId); // about something else: the target stays
      } else {
        expect(a.actorId).toBe(before.actorId); // who acted on them stays
      }
    }
    const deleted = await db.select().from(auditLog).where(eq(auditLog.action, 'contact.deleted'));
    expect(deleted.map((d) => [d.actorId, d.actorType, d.targetType, d.targetId])).toContainEqual([
      w.adminA.id,
      'user',
      'contact',
      pseudonym,
    ]);
    expect(deleted.find((d) => d.targetId === pseudonym)!.meta).toMatchObject({
      files: r.keys.length,
      job: result.jobId,
    });
    expect(
      (await pg<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_log`)[0]!.n,
      'no audit row removed; one added',
    ).toBe(auditCountBefore + 1);

    // 5. nobody else touched
    expect(await print(bystander.id)).toEqual(bystanderBefore);
    expect(await print(w.B.id)).toEqual(tenantBBefore);
    expect(await db.select({ id: documents.id }).from(documents).where(eq(documents.id, bysDoc.id))).toHaveLength(1);

    // 6. gone means gone: a second deletion and an export find nothing
    await expect(erase(w.A, w.adminA, r.me.id, r.full)).rejects.toMatchObject({ code: 'not_found' });
    await expect(exportOf(w.A, w.adminA, r.me.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a scoped employee with write everywhere deletes their own contact', async () => {
    const mine = await contact(db, w.A, `Eigenloesch${randomBytes(2).toString('hex')}`, w.scoped.id);
    const res = await erase(w.A, w.scoped, mine.id, `${mine.firstName} ${mine.lastName}`);
    expect(await db.select().from(users).where(eq(users.id, mine.id))).toEqual([]);
    const [job] = await db.select().from(deletionJobs).where(eq(deletionJobs.id, res.jobId));
    expect(job).toMatchObject({ status: 'done', objectKeys: [], requestedBy: w.scoped.id });
  });
});

/* ================================================================== 3. retry */

describe('storage failure during the deletion', () => {
  it('keeps the job pending with the keys left and finishes it on retry, safely', async () => {
    const r = await richClient('Retry');
    expect(r.keys.length).toBeGreaterThanOrEqual(5);
    // the storage answers the first delete and fails on the second
    fault.failOn(2);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await erase(w.A, w.adminA, r.me.id, r.full);
    fault.failOn(0);
    const [job] = await db.select().from(deletionJobs).where(eq(deletionJobs.id, result.jobId));
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: 'StorageDown', doneAt: null });
    expect(job!.objectKeys).toHaveLength(r.keys.length - 1);
    expect(r.keys).toContain(job!.objectKeys[0]);
    // the rows are gone already (one transaction); the first object too, the others wait for the retry
    expect(await db.select().from(users).where(eq(users.id, r.me.id))).toEqual([]);
    let stored = await keysOf(A());
    const removedFirst = r.keys.filter((k) => !job!.objectKeys.includes(k));
    expect(removedFirst).toHaveLength(1);
    expect(stored).not.toContain(removedFirst[0]);
    for (const k of job!.objectKeys) expect(stored).toContain(k);
    expect(errors).toHaveBeenCalled();
    expect(errors.mock.calls.flat().join(' ')).not.toContain(r.last);

    // a second run that also fails half way (injected remove: deletes one object, then throws)
    let calls = 0;
    const flaky = async (tenantId: string, key: string) => {
      if (calls++ >= 1) throw Object.assign(new Error('timeout'), { name: 'TimeoutError' });
      await deleteObject(tenantId, key);
    };
    expect(await runDeletionJob(db, result.jobId, flaky)).toBe('pending');
    const [again] = await db.select().from(deletionJobs).where(eq(deletionJobs.id, result.jobId));
    expect(again).toMatchObject({ status: 'pending', attempts: 2, lastError: 'TimeoutError' });
    expect(again!.objectKeys).toEqual(job!.objectKeys.slice(1));
    stored = await keysOf(A());
    expect(stored).not.toContain(job!.objectKeys[0]);

    // a key that vanished meanwhile (deleted by hand) does not block the retry
    await deleteObject(A(), again!.objectKeys[0]!);
    // the sweeper finishes it
    expect(await retryDeletionJobs(db)).toBeGreaterThanOrEqual(1);
    const [done] = await db.select().from(deletionJobs).where(eq(deletionJobs.id, result.jobId));
    expect(done).toMatchObject({ status: 'done', attempts: 3, objectKeys: [], lastError: null });
    stored = await keysOf(A());
    for (const k of r.keys) expect(stored, `object ${k}`).not.toContain(k);
    // running it again is a no-op
    expect(
      await runDeletionJob(db, result.jobId, async () => {
        throw new Error('must not be called');
      }),
    ).toBe('done');
    expect(await retryDeletionJobs(db)).toBe(0);
    errors.mockRestore();
  });

  it('two instances retrying at once: the job is claimed once (SKIP LOCKED), every object removed once', async () => {
    const keys = [objectKey(A(), 'documents'), objectKey(A(), 'documents'), objectKey(A(), 'documents')];
    for (const k of keys) await putObject({ tenantId: A(), key: k, body: 'x', contentType: 'application/pdf' });
    const [job] = await db
      .insert(deletionJobs)
      .values({
        tenantId: A(),
        pseudonym: pseudonymFor(crypto.randomUUID()),
        requestedBy: w.adminA.id,
        objectKeys: keys,
      })
      .returning();
    const removed: string[] = [];
    const slow = async (tenantId: string, key: string) => {
      removed.push(key);
      await new Promise((r) => setTimeout(r, 50));
      await deleteObject(tenantId, key);
    };
    const outcomes = await Promise.all([runDeletionJob(db, job!.id, slow), runDeletionJob(db, job!.id, slow)]);
    expect(outcomes.sort()).toEqual(['done', 'pending']); // the second saw the job claimed and left it
    expect(removed.sort()).toEqual([...keys].sort());
    const [after] = await db.select().from(deletionJobs).where(eq(deletionJobs.id, job!.id));
    expect(after).toMatchObject({ status: 'done', attempts: 1, objectKeys: [] });
    expect(await runDeletionJob(db, job!.id, slow)).toBe('done');
    expect(removed).toHaveLength(keys.length);
  });

  it('retries a pending job whose objects are all still there, and one without any keys', async () => {
    const k1 = objectKey(A(), 'documents');
    const k2 = objectKey(A(), 'documents');
    const other = objectKey(A(), 'documents');
    for (const k of [k1, k2, other])
      await putObject({ tenantId: A(), key: k, body: 'x', contentType: 'application/pdf' });
    const [job] = await db
      .insert(deletionJobs)
      .values({
        tenantId: A(),
        pseudonym: pseudonymFor(crypto.randomUUID()),
        requestedBy: w.adminA.id,
        objectKeys: [k1, k2],
      })
      .returning();
    const [empty] = await db
      .insert(deletionJobs)
      .values({ tenantId: A(), pseudonym: pseudonymFor(crypto.randomUUID()), requestedBy: w.adminA.id })
      .returning();
    expect(await retryDeletionJobs(db)).toBe(2);
    const rows = await db
      .select()
      .from(deletionJobs)
      .where(inArray(deletionJobs.id, [job!.id, empty!.id]));
    for (const j of rows) expect(j).toMatchObject({ status: 'done', attempts: 1, objectKeys: [] });
    const stored = await keysOf(A());
    expect(stored).not.toContain(k1);
    expect(stored).not.toContain(k2);
    expect(stored).toContain(other);
    await deleteObject(A(), other);
  });
});

/* ================================================================== 4. export */

/** Which part of daten.json holds each exported table, and how many of the client's rows the table has. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- daten.json is checked by its shape, untyped on purpose
type ExportJson = any;
const exportChecks: Record<
  string,
  { rows: (id: string, email: string) => Promise<number>; inJson: (d: ExportJson) => number }
> = {
  users: {
    rows: (id) => count(`SELECT count(*)::int AS n FROM users WHERE id = $1`, [id]),
    inJson: (d) => (d.kontakt?.id ? 1 : 0),
  },
  contact_profiles: {
    rows: (id) => count(`SELECT count(*)::int AS n FROM contact_profiles WHERE user_id = $1`, [id]),
    inJson: (d) => (d.kontakt?.profil ? 1 : 0),
  },
  client_grants: {
    rows: (id) => count(`SELECT count(*)::int AS n FROM client_grants WHERE user_id = $1`, [id]),
    inJson: (d) => Object.values(d.freigaben ?? {}).filter((s) => Object.values(s as object).some(Boolean)).length,
  },
  sessions: {
    rows: (id) => count(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [id]),
    inJson: (d) => d.anmeldungen?.length ?? 0,
  },
  contracts: {
    rows: (id) => count(`SELECT count(*)::int AS n FROM contracts WHERE contact_id = $1`, [id]),
    inJson: (d) => d.vertraege?.length ?? 0,
  },
  documents: {
    rows: (id) => count(`SELECT count(*)::int AS n FROM documents WHERE contact_id = $1`, [id]),
    inJson: (d) => d.dokumente?.length ?? 0,
  },
  document_files: {
    rows: (id) =>
      count(
        `SELECT count(*)::int AS n FROM document_files f JOIN documents d ON d.id = f.document_id WHERE d.contact_id = $1`,
        [id],
      ),
    inJson: (d) => (d.dokumente ?? []).reduce((n: number, x: { dateien: unknown[] }) => n + x.dateien.length, 0),
  },
  tickets: {
    rows: (id) => count(`SELECT count(*)::int AS n FROM tickets WHERE contact_id = $1`, [id]),
    inJson: (d) => d.kommunikation?.length ?? 0,
  },
  ticket_messages: {
    rows: (id) =>
      count(
        `SELECT count(*)::int AS n FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.contact_id = $1`,
        [id],
      ),
    inJson: (d) =>
      (d.kommunikation ?? []).reduce((n: number, t: { nachrichten: unknown[] }) => n + t.nachrichten.length, 0),
  },
  ticket_files: {
    rows: (id) =>
      count(
        `SELECT count(*)::int AS n FROM ticket_files f JOIN ticket_messages m ON m.id = f.message_id JOIN tickets t ON t.id = m.ticket_id WHERE t.contact_id = $1`,
        [id],
      ),
    inJson: (d) =>
      (d.kommunikation ?? []).reduce(
        (n: number, t: { nachrichten: { anhaenge: unknown[] }[] }) =>
          n + t.nachrichten.reduce((k, m) => k + m.anhaenge.length, 0),
        0,
      ),
  },
  ticket_events: {
    rows: (id) =>
      count(
        `SELECT count(*)::int AS n FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE t.contact_id = $1`,
        [id],
      ),
    inJson: (d) => (d.kommunikation ?? []).reduce((n: number, t: { historie: unknown[] }) => n + t.historie.length, 0),
  },
  audit_log: {
    rows: (id) => count(`SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1 OR actor_id::text = $1`, [id]),
    inJson: (d) => d.protokoll?.length ?? 0,
  },
  outbox: {
    rows: (_id, email) => count(`SELECT count(*)::int AS n FROM outbox WHERE lower(to_address) = lower($1)`, [email]),
    inJson: (d) => d.emails?.length ?? 0,
  },
  contract_reminder_optins: {
    rows: (id) => count(`SELECT count(*)::int AS n FROM contract_reminder_optins WHERE user_id = $1`, [id]),
    inJson: (d) => (d.vertraege ?? []).filter((c: { erinnerung: unknown }) => c.erinnerung).length,
  },
  follow_ups: {
    rows: (id) => count(`SELECT count(*)::int AS n FROM follow_ups WHERE contact_id = $1`, [id]),
    inJson: (d) => d.wiedervorlagen?.length ?? 0,
  },
  contact_insurer_numbers: {
    rows: (id) => count(`SELECT count(*)::int AS n FROM contact_insurer_numbers WHERE contact_id = $1`, [id]),
    inJson: (d) => d.kontakt?.versicherernummern?.length ?? 0,
  },
};

async function count(query: string, params: string[]): Promise<number> {
  const [r] = await pg.unsafe<{ n: number }[]>(query, params);
  return r!.n;
}

describe('DATENEXPORT', () => {
  let r: Rich;
  beforeAll(async () => {
    r = await richClient('Export');
  });

  it('as admin: a ZIP with daten.json (everything) and every file with the exact bytes', async () => {
    const rowCounts: Record<string, number> = {};
    for (const [t, c] of Object.entries(exportChecks)) rowCounts[t] = await c.rows(r.me.id, r.email);
    const auditBefore = rowCounts.audit_log!;
    const { filename, entries, data, zip } = await readExport(w.A, w.adminA, r.me.id);
    expect(filename).toMatch(new RegExp(`^Datenexport ${r.full} \\d{4}-\\d{2}-\\d{2}\\.zip$`));

    // kontakt, without the password hash
    expect(data.kontakt).toMatchObject({
      id: r.me.id,
      email: r.email,
      firstName: r.first,
      lastName: r.last,
      username: r.username,
      birthDate: '1980-04-01',
    });
    expect(data.kontakt).not.toHaveProperty('passwordHash');
    const [u] = await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, r.me.id));
    expect(zip.includes(Buffer.from(u!.h!))).toBe(false);
    expect(entries.get('daten.json')!.toString()).not.toContain(u!.h!);
    expect(data.kontakt.profil).toMatchObject({ street: `${r.last}weg 1`, city: 'Köln', phone: '0221 471147' });
    expect(data.verantwortlicher).toBe(w.A.name);
    // freigaben for every module, by name
    const moduleName = (m: ClientModule) => translate('de', `privacy.export.modules.${m}`);
    expect(Object.keys(data.freigaben).sort()).toEqual(clientModules.map(moduleName).sort());
    expect(data.freigaben[moduleName('profile')]).toEqual({ activation: true, dataRelease: true, readOnly: false });

    // vertraege in all four areas, who entered them
    expect(data.vertraege.map((c: { area: string }) => c.area).sort()).toEqual([
      'emergency',
      'finance',
      'insurance',
      'other',
    ]);
    expect(data.vertraege.find((c: { area: string }) => c.area === 'other').angelegtVon).toBe('Kunde');
    expect(data.vertraege.find((c: { area: string }) => c.area === 'finance').angelegtVon).toBe(
      `${w.writer.firstName} ${w.writer.lastName}`,
    );

    // dokumente: every listed file is in the ZIP with the bytes uploaded; same names are kept apart
    const filePaths: string[] = data.dokumente.flatMap((d: { dateien: { datei: string }[] }) =>
      d.dateien.map((f) => f.datei),
    );
    expect(filePaths).toHaveLength(4);
    expect(new Set(filePaths).size).toBe(4);
    for (const d of data.dokumente as { titel: string; dateien: { datei: string; groesse: number }[] }[]) {
      for (const f of d.dateien) {
        expect(entries.has(f.datei), `${f.datei} in the ZIP`).toBe(true);
        expect(entries.get(f.datei)!.length).toBe(f.groesse);
      }
    }
    const byBytes = (b: Buffer) => filePaths.filter((p) => entries.get(p)!.equals(b));
    expect(byBytes(r.bytes.get('Police.pdf')!)).toHaveLength(1);
    expect(byBytes(r.bytes.get('Police (2).pdf')!)).toHaveLength(1);
    expect(byBytes(jpeg)).toHaveLength(1);
    expect(byBytes(png)).toHaveLength(1);
    expect(byBytes(png)[0]).toMatch(/^Dokumente\/Allgemeine Dokumente\/Ausweis\/Ausweis\.png$/);
    expect(byBytes(r.bytes.get('Police.pdf')!)[0]).toMatch(/^Dokumente\/Versicherungen\/.+\/Police 2024\/Police\.pdf$/);
    expect(data.dokumente.find((d: { titel: string }) => d.titel === 'Ausweis')).toMatchObject({
      bereich: 'Allgemeine Dokumente',
      angelegtVomKunden: true,
      vertrag: null,
    });

    // kommunikation with nachrichten (attachments in the ZIP) and historie (internal note for staff)
    expect(data.kommunikation).toHaveLength(1);
    const t = data.kommunikation[0];
    expect(t.betreff).toBe(`Schaden bei ${r.last}`);
    expect(t.nachrichten.map((m: { text: string }) => m.text)).toEqual([
      `Hallo, hier ${r.full}.`,
      'Anbei das Formular.',
      `Danke, ${r.first}`,
    ]);
    expect(t.nachrichten[0].von).toBe(r.full);
    expect(t.nachrichten[1].von).toBe(`${w.writer.firstName} ${w.writer.lastName}`);
    const attachments: string[] = t.nachrichten.flatMap((m: { anhaenge: string[] }) => m.anhaenge);
    expect(attachments).toHaveLength(2);
    expect(entries.get(attachments.find((a) => a.endsWith('Wasserschaden.jpg'))!)!.equals(jpeg)).toBe(true);
    expect(
      entries.get(attachments.find((a) => a.endsWith('Formular.pdf'))!)!.equals(r.bytes.get('Formular.pdf')!),
    ).toBe(true);
    expect(t.historie.map((e: { ereignis: string }) => e.ereignis)).toEqual(
      expect.arrayContaining(['created', 'replied', 'forwarded']),
    );
    expect(t.historie.find((e: { ereignis: string }) => e.ereignis === 'forwarded')).toMatchObject({
      interneNotiz: r.internalNote,
      an: `${w.adminA.firstName} ${w.adminA.lastName}`,
    });

    // nothing but daten.json and the listed files
    expect([...entries.keys()].sort()).toEqual(['daten.json', ...filePaths, ...attachments].sort());

    // anmeldungen without the session id, emails to the address, protokoll
    expect(data.anmeldungen).toHaveLength(2);
    expect(data.anmeldungen.map((s: { ip: string }) => s.ip)).toEqual([r.ip, r.ip]);
    for (const s of data.anmeldungen)
      expect(Object.keys(s).sort()).toEqual(['createdAt', 'ip', 'lastSeenAt', 'revokedAt', 'userAgent']);
    expect(data.emails.map((m: { subject: string }) => m.subject)).toEqual(
      expect.arrayContaining([`Willkommen, ${r.full}`, 'Sie haben eine NEUE NACHRICHT']),
    );
    expect(data.protokoll.map((p: { aktion: string }) => p.aktion)).toEqual(
      expect.arrayContaining([
        'grants.changed',
        'contract.created',
        'document.added',
        'ticket.created',
        'auth.login.succeeded',
        'auth.login.failed',
      ]),
    );
    expect(data.protokoll.find((p: { aktion: string }) => p.aktion === 'ticket.created').durch).toBe('Kunde');

    // no secrets: token and session hashes stay out
    const text = entries.get('daten.json')!.toString();
    for (const s of await db.select({ h: sessions.idHash }).from(sessions).where(eq(sessions.userId, r.me.id)))
      expect(text).not.toContain(s.h);
    for (const row of await pg<{ h: string }[]>`SELECT token_hash AS h FROM account_tokens WHERE user_id = ${r.me.id}`)
      expect(text).not.toContain(row.h);
    // nobody else's data
    expect(text).not.toContain(w.clients.act.lastName);
    expect(text).not.toContain(w.clientB.lastName);

    // schema-driven: every exported table with rows of this client shows up in daten.json
    for (const [table, c] of Object.entries(clientDataCoverage)) {
      if (/^omitted/i.test(c.export)) continue;
      const check = exportChecks[table];
      expect(
        check,
        `clientDataCoverage says ${table} is exported ("${c.export}"): add it to exportChecks in this test`,
      ).toBeDefined();
      const n = rowCounts[table]!;
      expect(n, `the test client has rows in ${table}`).toBeGreaterThan(0);
      expect(check!.inJson(data), `daten.json holds the ${n} row(s) of ${table}`).toBe(n);
    }

    // the export itself is audited
    const [a] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'contact.exported'), eq(auditLog.targetId, r.me.id)));
    expect(a).toMatchObject({ actorId: w.adminA.id, meta: { files: 6, byClient: false } });
    expect(await exportChecks.audit_log!.rows(r.me.id, r.email)).toBe(auditBefore + 1);
  });

  it('a reader (read everywhere) may export; the BETREUER-scoped employee only their own contacts', async () => {
    const { data } = await readExport(w.A, w.reader, r.me.id);
    expect(data.kontakt.id).toBe(r.me.id);
    const mine = await readExport(w.A, w.scoped, w.clients.mine.id);
    expect(mine.data.kontakt.id).toBe(w.clients.mine.id);
    expect(mine.entries.size).toBe(1);
  });

  it('the client exports themselves while PROFIL is visible, without internal notes', async () => {
    const { data, entries } = await readExport(w.A, r.me, r.me.id);
    expect(data.kontakt.id).toBe(r.me.id);
    expect(data.kontakt).not.toHaveProperty('passwordHash');
    expect(entries.size).toBe(7);
    const forwarded = data.kommunikation[0].historie.find((e: { ereignis: string }) => e.ereignis === 'forwarded');
    expect(forwarded).not.toHaveProperty('interneNotiz');
    expect(entries.get('daten.json')!.toString()).not.toContain(r.internalNote);
    const [a] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'contact.exported'), eq(auditLog.actorId, r.me.id)));
    expect(a).toMatchObject({ targetId: r.me.id, meta: { byClient: true } });
  });

  it("the client's own export follows FREIGABEN per module and item and never holds internal fields (issue 13, finding 6)", async () => {
    const tag = randomBytes(3).toString('hex');
    const c = await contact(db, w.A, `Sichtbar${tag}`, w.writer.id, {
      by: w.adminA,
      grants: everywhere(sw(true, true, false)),
    });
    // what the advisor entered: in a released area, in an area the client only sees their own items of, in hidden areas
    await addContract(w.adminA, c.id, contractForm('insurance', { product: `Hausrat ${tag}` }));
    await addContract(w.adminA, c.id, contractForm('finance', { product: `Bausparen ${tag}` }));
    await addContract(w.adminA, c.id, contractForm('emergency', { product: `Vollmacht ${tag}` }));
    await addContract(c, c.id, contractForm('finance', { product: `Tagesgeld ${tag}` }));
    await addDocument(w.A, w.adminA, c.id, 'insurance', `Police sichtbar ${tag}`, [
      { bytes: pdf(`sichtbar ${tag}`), filename: 'Police.pdf', type: 'application/pdf' },
    ]);
    await addDocument(w.A, w.adminA, c.id, 'emergency', `NOTFALL geheim ${tag}`, [
      { bytes: pdf(`notfall ${tag}`), filename: 'Notfall.pdf', type: 'application/pdf' },
    ]);
    await addDocument(w.A, w.adminA, c.id, 'profile', `Beratungsprotokoll ${tag}`, [
      { bytes: pdf(`protokoll ${tag}`), filename: 'Protokoll.pdf', type: 'application/pdf' },
    ]);
    await addDocument(w.A, c, c.id, 'profile', `Eigener Ausweis ${tag}`, [
      { bytes: png, filename: 'Ausweis.png', type: 'image/png' },
    ]);
    const photo = await upload(w.A, c, c.id, 'communication', jpeg, 'Foto.jpg', 'image/jpeg');
    await createTicket(
      await ctxFor(db, w.A, c),
      ticketForm(w.writer.id, { subject: `Geheimes Ticket ${tag}`, uploads: photo.id }),
    );
    const note = `INTERNE NOTIZ ${tag}: zahlt spät`;
    await db.update(contactProfiles).set({ note }).where(eq(contactProfiles.userId, c.id));
    // now: PROFIL only own items, VERSICHERUNGEN with DATENFREIGABE, FINANZEN only own items, the rest hidden
    const off = sw(false, false, false);
    await saveGrants(await ctxFor(db, A(), w.adminA), {
      contactId: c.id,
      grants: {
        profile: sw(true, false, false),
        insurance: sw(false, true, false),
        finance: sw(true, false, false),
        other: off,
        emergency: off,
        communication: off,
      },
    });

    const own = await readExport(w.A, c, c.id);
    const text = own.entries.get('daten.json')!.toString();
    expect(own.data.vertraege.map((v: { product: string }) => v.product).sort()).toEqual([
      `Hausrat ${tag}`,
      `Tagesgeld ${tag}`,
    ]);
    expect(own.data.dokumente.map((d: { titel: string }) => d.titel)).toEqual([
      `Police sichtbar ${tag}`,
      `Eigener Ausweis ${tag}`,
    ]);
    expect(own.data.kommunikation).toEqual([]);
    expect([...own.entries.keys()].sort()).toEqual(
      [
        'daten.json',
        ...own.data.dokumente.flatMap((d: { dateien: { datei: string }[] }) => d.dateien.map((f) => f.datei)),
      ].sort(),
    );
    expect(own.entries.size).toBe(3);
    for (const hidden of [
      `Bausparen ${tag}`,
      `Vollmacht ${tag}`,
      `NOTFALL geheim ${tag}`,
      `Beratungsprotokoll ${tag}`,
      `Geheimes Ticket ${tag}`,
      'Foto.jpg',
      note,
    ]) {
      expect(text, `the client's export must not show "${hidden}"`).not.toContain(hidden);
    }
    // internal fields: the advisor's note, internal ids and columns, the firm's audit details
    expect(own.data.kontakt.profil).not.toHaveProperty('note');
    expect(own.data.kontakt.profil).toMatchObject({
      city: 'Köln',
      betreuer: `${w.writer.firstName} ${w.writer.lastName}`,
    });
    for (const k of ['rights', 'scope', 'role', 'tenantId', 'passwordHash'])
      expect(own.data.kontakt).not.toHaveProperty(k);
    for (const v of own.data.vertraege)
      for (const k of ['createdBy', 'updatedBy', 'tenantId']) expect(v).not.toHaveProperty(k);
    for (const p of own.data.protokoll) expect(p).not.toHaveProperty('details');
    expect(
      own.data.protokoll.every(
        (p: { durch: string; aktion: string }) => p.durch === 'Kunde' || p.aktion.startsWith('auth.'),
      ),
    ).toBe(true);

    // the advisor's Art. 15 export of the same contact stays complete
    const full = await readExport(w.A, w.adminA, c.id);
    expect(full.data.vertraege).toHaveLength(4);
    expect(full.data.dokumente).toHaveLength(4);
    expect(full.data.kommunikation).toHaveLength(1);
    expect(full.data.kontakt.profil.note).toBe(note);
    expect(full.entries.size).toBe(6);
  });

  it('refuses everybody else, without writing an export entry', async () => {
    const exported = async () =>
      (await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, 'contact.exported'))).length;
    const before = await exported();
    // a client without PROFIL (KOMMUNIKATION and the folders on)
    const noProfile = await contact(db, w.A, `Ohneprofil${randomBytes(2).toString('hex')}`, w.writer.id, {
      by: w.adminA,
      grants: { ...everywhere(sw(true, true, false)), profile: sw(false, false, false) },
    });
    const cases: [string, Tenant, SessionUser, string, string][] = [
      ['client without PROFIL', w.A, noProfile, noProfile.id, 'not_found'],
      ['client asking for another client', w.A, w.clients.act, r.me.id, 'not_found'],
      ['employee without rights in every module', w.A, w.mixed, r.me.id, 'forbidden'],
      ['employee without any rights', w.A, w.noRights, r.me.id, 'forbidden'],
      ['admin of tenant B passing tenant A', w.A, w.adminB, r.me.id, 'forbidden'],
      ['admin of tenant B in tenant B', w.B, w.adminB, r.me.id, 'not_found'],
      ['scoped employee, not their contact', w.A, w.scoped, r.me.id, 'not_found'],
      ['an employee id passed as contact', w.A, w.adminA, w.writer.id, 'not_found'],
    ];
    for (const [label, tenant, actor, id, code] of cases) {
      await expect(exportOf(tenant, actor, id), label).rejects.toSatisfy(
        (e: unknown) => e instanceof DomainError && e.code === code,
      );
    }
    expect(await exported()).toBe(before);
  });
});

/* ================================================================== 5. archive */

describe('ARCHIVIEREN', () => {
  it('locks the account and ends every session, keeps the data; reactivating clears the mark', async () => {
    const c = await contact(db, w.A, `Archiv${randomBytes(2).toString('hex')}`, w.writer.id, {
      by: w.adminA,
      grants: everywhere(sw(true, true, false)),
    });
    await addContract(w.adminA, c.id, contractForm('insurance'));
    const raw1 = await db.transaction((tx) => createSession(tx, { tenantId: A(), userId: c.id, ip: ARCHIVE_IP }));
    const raw2 = await db.transaction((tx) => createSession(tx, { tenantId: A(), userId: c.id }));
    expect(await db.transaction((tx) => validateSession(tx, raw1, A()))).toMatchObject({ id: c.id });
    const dataBefore = await print(c.id);

    // only those who may erase
    for (const who of [w.reader, w.mixed, w.noRights, c]) {
      await expect(archive(w.A, who, c.id, true)).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(archive(w.A, w.adminB, c.id, true)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(archive(w.A, w.scoped, c.id, true)).rejects.toMatchObject({ code: 'not_found' });
    expect(await print(c.id), 'refusals change nothing').toEqual(dataBefore);

    await archive(w.A, w.writer, c.id, true);
    const [u] = await db.select({ status: users.status }).from(users).where(eq(users.id, c.id));
    expect(u!.status).toBe('locked');
    const [p] = await db
      .select({ archivedAt: contactProfiles.archivedAt })
      .from(contactProfiles)
      .where(eq(contactProfiles.userId, c.id));
    expect(p!.archivedAt).not.toBeNull();
    const s = await db.select().from(sessions).where(eq(sessions.userId, c.id));
    expect(s).toHaveLength(2);
    for (const row of s) expect(row.revokedAt).not.toBeNull();
    expect(await db.transaction((tx) => validateSession(tx, raw1, A()))).toBeNull();
    expect(await db.transaction((tx) => validateSession(tx, raw2, A()))).toBeNull();
    // the data stays
    expect(await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.contactId, c.id))).toHaveLength(1);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'contact.archived'), eq(auditLog.targetId, c.id))),
    ).toHaveLength(1);
    // and no login
    await db.update(users).set({ passwordHash }).where(eq(users.id, c.id));
    expect(
      await attemptLogin(await publicCtxFor(db, A()), { login: c.username, password: PASSWORD, ip: OTHER_IP }),
    ).toMatchObject({ ok: false });

    await archive(w.A, w.adminA, c.id, false);
    const [u2] = await db.select({ status: users.status }).from(users).where(eq(users.id, c.id));
    expect(u2!.status).toBe('created');
    const [p2] = await db
      .select({ archivedAt: contactProfiles.archivedAt })
      .from(contactProfiles)
      .where(eq(contactProfiles.userId, c.id));
    expect(p2!.archivedAt).toBeNull();
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'contact.unarchived'), eq(auditLog.targetId, c.id))),
    ).toHaveLength(1);
    // sessions stay ended
    expect(await db.transaction((tx) => validateSession(tx, raw1, A()))).toBeNull();
  });

  it('a contact without an account keeps status none', async () => {
    const c = await contact(db, w.A, `Ohnekonto${randomBytes(2).toString('hex')}`, w.writer.id);
    await archive(w.A, w.adminA, c.id, true);
    expect((await db.select({ s: users.status }).from(users).where(eq(users.id, c.id)))[0]!.s).toBe('none');
    await archive(w.A, w.adminA, c.id, false);
    expect((await db.select({ s: users.status }).from(users).where(eq(users.id, c.id)))[0]!.s).toBe('none');
  });
});

/* ================================================================== 6. audit trigger */

describe('audit_log stays append-only', () => {
  async function entry(): Promise<number> {
    await audit(db, {
      tenantId: A(),
      actorType: 'user',
      actorId: w.adminA.id,
      action: 'test.trigger',
      targetType: 'contact',
      targetId: w.k2.id,
      meta: { x: 1 },
      ip: OTHER_IP,
    });
    const [row] = await pg<{ id: number }[]>`SELECT max(id)::int AS id FROM audit_log WHERE action = 'test.trigger'`;
    return row!.id;
  }
  const redacting = (statement: ReturnType<typeof dsql>) =>
    ownerDb.transaction(async (tx) => {
      await tx.execute(dsql`SET LOCAL mappe.audit_redaction = 'on'`);
      await tx.execute(statement);
    });

  it('refuses plain UPDATE, DELETE and TRUNCATE: the app role by privilege, even the owner by the trigger', async () => {
    const id = await entry();
    for (const [who, conn, refused] of [
      ['app', db, /permission denied/],
      ['owner', ownerDb, /append-only/],
    ] as const) {
      const says = (q: ReturnType<typeof dsql>) => refusal(conn.execute(q)).then((m) => `${who}: ${m}`);
      expect(await says(dsql`UPDATE audit_log SET meta = '{}' WHERE id = ${id}`)).toMatch(refused);
      expect(await says(dsql`UPDATE audit_log SET target_id = 'x' WHERE id = ${id}`)).toMatch(refused);
      expect(await says(dsql`DELETE FROM audit_log WHERE id = ${id}`)).toMatch(refused);
      expect(await says(dsql`TRUNCATE audit_log`)).toMatch(refused);
    }
  });

  it('the old session switch opens nothing: SET LOCAL mappe.audit_redaction and UPDATE are refused', async () => {
    const id = await entry();
    const [before] = await db.select().from(auditLog).where(eq(auditLog.id, id));
    const personal = dsql`UPDATE audit_log SET actor_id = NULL, ip = NULL, target_id = 'Gelöschter Kontakt 00000000', meta = '{"pseudonymisiert": true}' WHERE id = ${id}`;
    expect(await refusal(redacting(personal))).toMatch(/append-only/);
    expect(await refusal(redacting(dsql`UPDATE audit_log SET action = 'changed' WHERE id = ${id}`))).toMatch(
      /append-only/,
    );
    expect(await refusal(redacting(dsql`DELETE FROM audit_log WHERE id = ${id}`))).toMatch(/append-only/);
    expect(await refusal(redacting(dsql`TRUNCATE audit_log`))).toMatch(/./);
    const [unchanged] = await db.select().from(auditLog).where(eq(auditLog.id, id));
    expect(unchanged).toEqual(before);
  });

  it('pseudonymises only through mappe_redact_audit: deleted subjects, personal columns, own tenant', async () => {
    const redact = (tenant: string, subject: string, pseudonym: string) =>
      db.execute<{ n: number }>(dsql`SELECT mappe_redact_audit(${tenant}::uuid, ${subject}::uuid, ${pseudonym}) AS n`);
    // a subject that still exists is not erased: refused
    await entry();
    expect(await refusal(redact(A(), w.k2.id, 'Gelöschter Kontakt 00000000'))).toMatch(/not deleted/);
    expect(await refusal(redact(A(), w.k2.id, ''))).toMatch(/required/);

    const gone = randomUUID();
    const pseudonym = pseudonymFor(gone);
    const write = (e: Parameters<typeof audit>[1]) => audit(db, e);
    await write({ tenantId: A(), actorType: 'user', actorId: w.adminA.id, action: 'test.about', targetType: 'contact', targetId: gone, meta: { name: 'X' }, ip: OTHER_IP }); // prettier-ignore
    await write({ tenantId: A(), actorType: 'anonymous', action: 'test.anon', targetType: 'contact', targetId: gone, ip: OTHER_IP }); // prettier-ignore
    await write({ tenantId: w.B.id, actorType: 'user', actorId: w.adminA.id, action: 'test.other', targetType: 'contact', targetId: gone, ip: OTHER_IP }); // prettier-ignore
    const rows = () =>
      pg<{ action: string; actor_id: string | null; target_id: string; ip: string | null; meta: unknown }[]>`
        SELECT action, actor_id, target_id, ip, meta FROM audit_log WHERE action IN ('test.about', 'test.anon', 'test.other')
        OR target_id = ${pseudonym} ORDER BY id`;
    const before = await rows();

    expect((await redact(A(), gone, pseudonym))[0]!.n).toBe(2);
    const after = await rows();
    expect(after).toEqual([
      { action: 'test.about', actor_id: w.adminA.id, target_id: pseudonym, ip: OTHER_IP, meta: { pseudonymisiert: true } }, // prettier-ignore
      { action: 'test.anon', actor_id: null, target_id: pseudonym, ip: null, meta: { pseudonymisiert: true } },
      before[2], // another tenant's row stays
    ]);
    // the function is not open to PUBLIC, and its owner cannot log in
    const [acl] = await pg<{ public_exec: boolean; login: boolean; definer: boolean }[]>`
      SELECT has_function_privilege('public', p.oid, 'EXECUTE') AS public_exec, r.rolcanlogin AS login,
             p.prosecdef AS definer
      FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner WHERE p.proname = 'mappe_redact_audit'`;
    expect(acl).toEqual({ public_exec: false, login: false, definer: true });
  });
});
