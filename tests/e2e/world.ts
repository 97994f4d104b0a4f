/**
 * Shared fixtures of tickets.spec.ts and privacy.spec.ts: fresh people and tickets written straight into
 * the e2e database (tenant demo), the outbox, ZIP reading, requests with a browser context's session,
 * and crafted server-action POSTs (a form's hidden fields sent with another session).
 *
 * Every test makes its own employees and clients (known password), so badges, lists and mail counts
 * are deterministic and the tests run in any order and in parallel.
 */
import { randomUUID } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { expect, type Page } from '@playwright/test';
import { and, eq, inArray } from 'drizzle-orm';
import { emptyGrants, type ClientModule, type Switches } from '../../lib/access/freigaben';
import { hashPassword } from '../../lib/auth/password';
import { createDb } from '../../lib/db/client';
import {
  clientGrants,
  contactProfiles,
  outbox,
  ticketEvents,
  ticketMessages,
  tickets,
  tenants,
  type EmployeeRights,
} from '../../lib/db/schema';
import { createAccount } from '../../lib/users/create';
import { demo, login, PORT, viaHost } from './helpers';

/** scripts/services.ts localPorts(): the embedded PostgreSQL of the app under test. */
export const DATABASE_URL = `postgres://postgres:mappe-local@127.0.0.1:${54000 + (PORT % 1000)}/mappe`;
export const PASSWORD = 'Mein Ordner ist sicher 2026';

export const on: Switches = { activation: true, dataRelease: false, readOnly: false };
export const readOnly: Switches = { activation: false, dataRelease: false, readOnly: true };

export const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const uuidRe = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

type Db = ReturnType<typeof createDb>['db'];

export async function withDb<T>(fn: (db: Db, tenantId: string) => Promise<T>): Promise<T> {
  const { db, sql } = createDb(DATABASE_URL, 1);
  try {
    const [t] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'demo'));
    return await fn(db, t!.id);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export interface Person {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  name: string;
}

let hash: Promise<string> | undefined;
const passwordHash = () => (hash ??= hashPassword(PASSWORD));

const commWriter: EmployeeRights = {
  insurance: 'none',
  finance: 'none',
  other: 'none',
  emergency: 'none',
  communication: 'write',
};

/** A fresh, active employee of demo (password PASSWORD); by default KOMMUNIKATION write only, scope all. */
export async function makeEmployee(
  firstName: string,
  label: string,
  rights: EmployeeRights = commWriter,
): Promise<Person> {
  const t = tag();
  const lastName = `${label}${t}`;
  const email = `${firstName.toLowerCase()}.${label.toLowerCase()}.${t}@makler.example`;
  const ph = await passwordHash();
  return withDb(async (db, tenantId) => {
    const u = await createAccount(db, {
      tenantId,
      kind: 'employee',
      role: 'employee',
      email,
      firstName,
      lastName,
      birthDate: '1984-09-12',
      passwordHash: ph,
      status: 'active',
      rights,
      scope: 'all',
    });
    return { id: u.id, firstName, lastName, email, name: `${firstName} ${lastName}` };
  });
}

/** A fresh client of demo with an active account (password PASSWORD), exactly these FREIGABEN, and a BETREUER. */
export async function makeClient(
  label: string,
  grants: Partial<Record<ClientModule, Switches>>,
  advisorId: string | null,
): Promise<Person> {
  const t = tag();
  const firstName = 'Lena';
  const lastName = `${label}${t}`;
  const email = `lena.${label.toLowerCase()}.${t}@kunde.example`;
  const ph = await passwordHash();
  return withDb(async (db, tenantId) => {
    const id = await db.transaction(async (tx) => {
      const u = await createAccount(tx, {
        tenantId,
        kind: 'client',
        email,
        firstName,
        lastName,
        birthDate: '1991-05-17',
        passwordHash: ph,
        status: 'active',
      });
      await tx
        .insert(contactProfiles)
        .values({ tenantId, userId: u.id, city: 'Hamburg', advisorId, createdBy: advisorId });
      for (const [module, s] of Object.entries({ ...emptyGrants(), ...grants })) {
        if (s.activation || s.dataRelease || s.readOnly)
          await tx.insert(clientGrants).values({ tenantId, userId: u.id, module: module as ClientModule, ...s });
      }
      return u.id;
    });
    return { id, firstName, lastName, email, name: `${firstName} ${lastName}` };
  });
}

export interface SeedMessage {
  by: Person;
  kind: 'client' | 'employee';
  body: string;
}

/**
 * A ticket as if it had been written earlier: the client's first message, optional further messages and
 * forwards, optionally closed. No mails, no read markers (so it is unread for the assignee and, if the
 * last message is from the advisor side, for the client).
 */
export async function seedTicket(o: {
  client: Person;
  assignee: Person;
  subject: string;
  messages: SeedMessage[];
  forward?: { from: Person; to: Person; by: Person; note?: string };
  closedBy?: Person;
}): Promise<string> {
  return withDb((db, tenantId) =>
    db.transaction(async (tx) => {
      const last = o.messages[o.messages.length - 1]!;
      const assignee = o.forward ? o.forward.to : o.assignee;
      const [t] = await tx
        .insert(tickets)
        .values({
          tenantId,
          contactId: o.client.id,
          assigneeId: assignee.id,
          subject: o.subject,
          status: o.closedBy ? 'closed' : 'open',
          createdBy: o.client.id,
          idempotencyKey: randomUUID(),
          lastEntryBy: o.forward && !o.messages.slice(1).length ? o.forward.by.id : last.by.id,
          lastPublicBy: last.by.id,
          closedAt: o.closedBy ? new Date() : null,
        })
        .returning({ id: tickets.id });
      const id = t!.id;
      const event = (
        type: 'created' | 'replied' | 'forwarded' | 'closed',
        by: Person,
        kind: 'client' | 'employee',
        meta?: Record<string, string>,
      ) =>
        tx
          .insert(ticketEvents)
          .values({ tenantId, ticketId: id, type, actorId: by.id, actorKind: kind, meta: meta ?? null });
      for (const [i, m] of o.messages.entries()) {
        await tx.insert(ticketMessages).values({
          tenantId,
          ticketId: id,
          authorId: m.by.id,
          authorKind: m.kind,
          body: m.body,
          idempotencyKey: i === 0 ? null : randomUUID(),
        });
        if (i === 0) await event('created', o.client, 'client', { toId: o.assignee.id });
        else await event('replied', m.by, m.kind);
        if (i === 0 && o.forward)
          await event('forwarded', o.forward.by, 'employee', {
            fromId: o.forward.from.id,
            toId: o.forward.to.id,
            ...(o.forward.note ? { internalNote: o.forward.note } : {}),
          });
      }
      if (o.closedBy) await event('closed', o.closedBy, 'employee');
      return id;
    }),
  );
}

export async function ticketRow(id: string) {
  return withDb(
    async (db, tenantId) =>
      (
        await db
          .select()
          .from(tickets)
          .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)))
      )[0],
  );
}

/** All mails of tenant demo to these addresses, oldest first. */
export async function mailsTo(addresses: string[]) {
  return withDb((db, tenantId) =>
    db
      .select()
      .from(outbox)
      .where(and(eq(outbox.tenantId, tenantId), inArray(outbox.toAddress, addresses)))
      .orderBy(outbox.createdAt),
  );
}

/** Signs in through the login page and waits for the area's start page. */
export async function loginAs(page: Page, who: Person, home: '/portal' | '/dashboard') {
  await login(page, demo, who.email, PASSWORD);
  await expect(page).toHaveURL(`${demo}${home}`);
}

/** The cookie header of a browser context's session on demo. */
export async function cookieOf(page: Page): Promise<string> {
  return (await page.context().cookies(demo)).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** A GET with the browser context's session (Node cannot resolve *.localhost: 127.0.0.1 plus Host). */
export async function getAs(page: Page, url: string) {
  const target = viaHost(url);
  const cookie = await cookieOf(page);
  return page.request.get(target.url, {
    headers: { ...target.headers, ...(cookie ? { cookie } : {}) },
    maxRedirects: 0,
  });
}

/**
 * The hidden fields of the form on a page that contains `marker` – for a server-action form this is the
 * action reference ($ACTION_REF_n, $ACTION_n:0 = {id, bound}, $ACTION_KEY) plus its own hidden inputs:
 * exactly what the browser posts when the form is sent without JavaScript. Any visitor of the page can
 * read it, so posting it with another session is the "crafted request" of a hostile user.
 */
export function formFields(html: string, marker: string): Record<string, string> {
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(marker));
  if (!form) throw new Error(`no form containing "${marker}"`);
  const unescape = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g))
    fields[unescape(m[1]!)] = unescape(m[2] ?? '');
  if (!Object.keys(fields).some((k) => k.startsWith('$ACTION_')))
    throw new Error(`the form containing "${marker}" has no server action`);
  return fields;
}

/** POSTs form fields (multipart, same origin) with the session of a browser context; no redirects followed. */
export async function postFormAs(page: Page, url: string, fields: Record<string, string>) {
  const target = viaHost(url);
  const cookie = await cookieOf(page);
  return page.request.post(target.url, {
    headers: { ...target.headers, ...(cookie ? { cookie } : {}), origin: demo },
    multipart: fields,
    maxRedirects: 0,
  });
}

/** The entries of a ZIP file (central directory; stored or deflated entries). */
export function readZip(zip: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a ZIP file (no end of central directory)');
  const entries = new Map<string, Buffer>();
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    if (method !== 0 && method !== 8) throw new Error(`${name}: unsupported compression ${method}`);
    entries.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** A small but well-formed one-page PDF whose text is `text`. */
export function minimalPdf(text: string): Buffer {
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
