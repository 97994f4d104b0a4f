import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { createElement } from 'react';
import { canSeeContact, isAdmin, rightOf, type EmployeeLike } from '../access/employee';
import { assertActorInTenant } from '../access/guard';
import { rightsOf } from '../access/freigaben';
import { loadGrants } from '../grants';
import { DomainError } from '../actions/domain-error';
import { audit } from '../audit';
import { contactFacts as contactFactsOf } from '../contacts/facts';
import { viewerOf as viewerOfCtx } from '../access/viewer';
import type { Ctx } from '../ctx';
import type { SessionUser } from '../auth/sessions';
import { maySee, type ContactFacts } from '../access/folder';
import type { Db, Tx } from '../db/client';
import { contracts, ticketEvents, ticketFiles, ticketMessages, ticketReads, tickets, users, type Tenant, type Ticket } from '../db/schema';
import { claimUploads, consumeUploads, dropUploadObjects, releaseClaimed, type ClaimedFile } from '../documents/finalize';
import { withExtension } from '../documents';
import { brandFor } from '../mail/brand';
import { enqueueMail } from '../mail/outbox';
import { TicketClientMail, TicketStaffMail } from '../mail/templates/ticket';
import { tenantBaseUrl } from '../tenant/lookup';
import { isUnread, transition, type TicketStatus } from './rules';
import type { ForwardInput, NewTicketInput, ReplyInput } from './schemas';

export type Actor = EmployeeLike & { firstName?: string; lastName?: string };

const notFoundMessage = 'Dieses Ticket gibt es nicht (mehr) oder Sie haben keinen Zugriff darauf.';
const missing = () => new DomainError('not_found', notFoundMessage);
const forbidden = (message = 'Dafür haben Sie keine Berechtigung.') => new DomainError('forbidden', message);

// Interim bridge to the ctx-shaped contactFacts/viewerOf until these functions take a Ctx themselves.
const bridge = (tx: Tx, tenantId: string, actor: Actor): Ctx => ({ db: tx, tenant: { id: tenantId } as Tenant, actor: actor as unknown as SessionUser, requestId: '', locale: 'de' });
const viewerOf = (tx: Tx, tenantId: string, actor: Actor) => viewerOfCtx(bridge(tx, tenantId, actor));
async function contactFacts(tx: Tx, tenantId: string, actor: Actor, contactId: string) {
  await assertActorInTenant(tx, tenantId, actor);
  return contactFactsOf(bridge(tx, tenantId, actor), contactId).catch((error: unknown) => {
    throw error instanceof DomainError && error.code === 'not_found' ? missing() : error;
  });
}

/** What the actor may do with the tickets of this contact (SPEC §3: KOMMUNIKATION create/edit = send). */
export async function ticketRights(tx: Tx, tenantId: string, actor: Actor, contact: ContactFacts): Promise<{ read: boolean; write: boolean }> {
  if (actor.kind === 'client') {
    if (actor.id !== contact.id) return { read: false, write: false };
    const viewer = await viewerOf(tx, tenantId, actor);
    const r = viewer.kind === 'client' ? rightsOf(viewer.grants, 'communication') : null;
    return { read: Boolean(r?.visible), write: Boolean(r?.mayCreateEditOwn) };
  }
  const level = canSeeContact(actor, contact) ? rightOf(actor, 'communication') : 'none';
  return { read: level !== 'none', write: level === 'write' };
}

/**
 * Employees a client may write to / a ticket may be forwarded to: active, with the communication write
 * right, and able to see this contact (scope "own" only reaches the contacts they are BETREUER of).
 */
export async function assignableEmployees(database: Tx, tenantId: string, contact: { advisorId: string | null }): Promise<{ id: string; name: string; email: string }[]> {
  const rows = await database
    .select({ id: users.id, kind: users.kind, first: users.firstName, last: users.lastName, email: users.email, role: users.role, rights: users.rights, scope: users.scope })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.kind, 'employee'), eq(users.status, 'active')))
    .orderBy(asc(users.lastName), asc(users.firstName));
  return rows
    .filter((r) => rightOf(r, 'communication') === 'write' && canSeeContact(r, contact))
    .map((r) => ({ id: r.id, name: `${r.first} ${r.last}`, email: r.email }));
}

/**
 * Read marker = the newest entry the reader was shown (taken from the ticket row in the reader's snapshot),
 * never "now": a reply committing while the page is read stays unread.
 */
async function markRead(tx: Tx, tenantId: string, ticketId: string, userId: string, side: 'staff' | 'client'): Promise<void> {
  const last = side === 'staff' ? tickets.lastEntryAt : tickets.lastPublicAt;
  const seen = sql`(select ${last} from ${tickets} where ${tickets.tenantId} = ${tenantId} and ${tickets.id} = ${ticketId})`;
  await tx
    .insert(ticketReads)
    .values({ tenantId, ticketId, userId, readAt: seen as unknown as Date })
    .onConflictDoUpdate({ target: [ticketReads.tenantId, ticketReads.ticketId, ticketReads.userId], set: { readAt: sql`greatest(${ticketReads.readAt}, excluded.read_at)` } });
}

async function insertMessage(tx: Tx, tenantId: string, ticketId: string, actor: Actor, body: string, claimed: ClaimedFile[], idempotencyKey: string | null): Promise<string> {
  const [m] = await tx
    .insert(ticketMessages)
    .values({ tenantId, ticketId, authorId: actor.id, authorKind: actor.kind, body, idempotencyKey })
    .returning({ id: ticketMessages.id });
  if (claimed.length) {
    await tx.insert(ticketFiles).values(claimed.map((c, position) => ({ tenantId, messageId: m!.id, objectKey: c.key, filename: withExtension(c.filename, c.mime), mime: c.mime, size: c.size, position })));
  }
  return m!.id;
}

async function staffMail(tx: Tx, tenant: Tenant, to: { email: string }, reason: 'created' | 'replied' | 'forwarded', clientName: string, ticketId: string, by?: string) {
  const brand = await brandFor(tx, tenant);
  const subject = reason === 'forwarded' ? 'Ein Ticket wurde an Sie weitergeleitet' : reason === 'created' ? 'Neue Nachricht von einem Kunden' : 'Neue Antwort eines Kunden';
  await enqueueMail(tx, {
    tenantId: tenant.id,
    template: `ticket.${reason}`,
    to: to.email,
    subject,
    fromName: tenant.name,
    element: createElement(TicketStaffMail, { brand, reason, clientName, by, url: `${tenantBaseUrl(tenant)}/tickets/${ticketId}` }),
  });
}

async function clientMail(tx: Tx, tenant: Tenant, contactId: string, ticketId: string) {
  const [client] = await tx.select({ email: users.email, status: users.status }).from(users).where(and(eq(users.tenantId, tenant.id), eq(users.id, contactId)));
  if (!client || client.status === 'locked' || client.status === 'none') return;
  // No mail about a message the client cannot open (KOMMUNIKATION no longer visible).
  if (!rightsOf(await loadGrants(tx, tenant.id, contactId), 'communication').visible) return;
  const brand = await brandFor(tx, tenant);
  await enqueueMail(tx, {
    tenantId: tenant.id,
    template: 'ticket.client',
    to: client.email,
    subject: 'Sie haben eine NEUE NACHRICHT',
    fromName: tenant.name,
    element: createElement(TicketClientMail, { brand, url: `${tenantBaseUrl(tenant)}/portal/messages/${ticketId}` }),
  });
}

async function nameOf(tx: Tx, tenantId: string, id: string): Promise<string> {
  const [u] = await tx.select({ first: users.firstName, last: users.lastName }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return u ? `${u.first} ${u.last}` : 'Unbekannt';
}

/**
 * NEUE NACHRICHT (client): one ticket per idempotency key, first message with attachments, HISTORIE entry,
 * e-mail to the responsible employee – all in one transaction.
 */
export async function createTicket(database: Db, tenant: Tenant, actor: Actor, input: NewTicketInput): Promise<{ id: string; created: boolean }> {
  if (actor.kind !== 'client') throw forbidden('Tickets legen Kunden im Portal an.');
  const existing = async (tx: Tx) =>
    (await tx.select({ id: tickets.id }).from(tickets).where(and(eq(tickets.tenantId, tenant.id), eq(tickets.createdBy, actor.id), eq(tickets.idempotencyKey, input.idempotencyKey))))[0];
  const check = async (tx: Tx) => {
    const contact = await contactFacts(tx, tenant.id, actor, actor.id);
    const rights = await ticketRights(tx, tenant.id, actor, contact);
    if (!rights.read) throw missing();
    if (!rights.write) throw forbidden('Sie können Nachrichten lesen, aber keine schreiben.');
    const assignee = (await assignableEmployees(tx, tenant.id, contact)).find((e) => e.id === input.assigneeId);
    if (!assignee) throw new DomainError('invalid', 'Bitte wählen Sie einen Ansprechpartner aus der Liste.', 'assigneeId');
    if (input.contractId) {
      const [c] = await tx.select().from(contracts).where(and(eq(contracts.tenantId, tenant.id), eq(contracts.id, input.contractId), eq(contracts.contactId, actor.id)));
      const viewer = await viewerOf(tx, tenant.id, actor);
      if (!c || !maySee(viewer, contact, { area: c.area, createdByClient: c.createdByClient })) throw new DomainError('invalid', 'Diesen Vertrag gibt es nicht.', 'contractId');
    }
    return { contact, assignee };
  };
  const before = await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenant.id, actor);
    const found = await existing(tx);
    if (found) return found;
    await check(tx);
    return null;
  });
  if (before) return { id: before.id, created: false };
  const claimed = await claimUploads(database, tenant.id, actor, input.uploads, 'tickets');
  try {
    const result = await database.transaction(async (tx) => {
      await assertActorInTenant(tx, tenant.id, actor);
      const { contact, assignee } = await check(tx);
      const [row] = await tx
        .insert(tickets)
        .values({ tenantId: tenant.id, contactId: actor.id, assigneeId: assignee.id, contractId: input.contractId, subject: input.subject, createdBy: actor.id, idempotencyKey: input.idempotencyKey, lastEntryBy: actor.id, lastPublicBy: actor.id })
        .onConflictDoNothing()
        .returning({ id: tickets.id });
      if (!row) return { id: (await existing(tx))!.id, created: false };
      await consumeUploads(tx, tenant.id, actor, claimed);
      await insertMessage(tx, tenant.id, row.id, actor, input.message, claimed, null);
      await tx.insert(ticketEvents).values({ tenantId: tenant.id, ticketId: row.id, type: 'created', actorId: actor.id, actorKind: 'client', meta: { toId: assignee.id } });
      await markRead(tx, tenant.id, row.id, actor.id, 'client');
      await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: 'ticket.created', targetType: 'contact', targetId: contact.id, meta: { ticketId: row.id } });
      await staffMail(tx, tenant, assignee, 'created', `${contact.firstName} ${contact.lastName}`, row.id);
      return { id: row.id, created: true };
    });
    if (result.created) await dropUploadObjects(tenant.id, claimed);
    else await releaseClaimed(tenant.id, claimed);
    return result;
  } catch (error) {
    await releaseClaimed(tenant.id, claimed);
    throw error;
  }
}

async function lockedTicket(tx: Tx, tenantId: string, id: string): Promise<Ticket> {
  const [t] = await tx.select().from(tickets).where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id))).for('update');
  if (!t) throw missing();
  return t;
}

async function ticketAccess(tx: Tx, tenantId: string, actor: Actor, ticket: Pick<Ticket, 'contactId'>) {
  if (actor.kind === 'client' && ticket.contactId !== actor.id) throw missing();
  const contact = await contactFacts(tx, tenantId, actor, ticket.contactId);
  const rights = await ticketRights(tx, tenantId, actor, contact);
  if (!rights.read) throw missing();
  return { contact, rights };
}

/** NEUER EINTRAG → SENDEN. A reply to a closed ticket reopens it. Mails: client → assignee, employee → client. */
export async function replyToTicket(database: Db, tenant: Tenant, actor: Actor, input: ReplyInput): Promise<{ messageId: string; reopened: boolean }> {
  const pre = await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenant.id, actor);
    const [t] = await tx.select().from(tickets).where(and(eq(tickets.tenantId, tenant.id), eq(tickets.id, input.ticketId)));
    if (!t) throw missing();
    const { rights } = await ticketAccess(tx, tenant.id, actor, t);
    if (!rights.write) throw forbidden(actor.kind === 'client' ? 'Sie können Nachrichten lesen, aber keine schreiben.' : undefined);
    const [dup] = await tx
      .select({ id: ticketMessages.id })
      .from(ticketMessages)
      .where(and(eq(ticketMessages.tenantId, tenant.id), eq(ticketMessages.authorId, actor.id), eq(ticketMessages.idempotencyKey, input.idempotencyKey)));
    return dup ?? null;
  });
  if (pre) return { messageId: pre.id, reopened: false };
  const claimed = await claimUploads(database, tenant.id, actor, input.uploads, 'tickets');
  try {
    const result = await database.transaction(async (tx) => {
      await assertActorInTenant(tx, tenant.id, actor);
      const t = await lockedTicket(tx, tenant.id, input.ticketId);
      const { contact, rights } = await ticketAccess(tx, tenant.id, actor, t);
      if (!rights.write) throw forbidden();
      const step = transition(t.status as TicketStatus, 'reply', actor.kind);
      if (!step.ok) throw forbidden(step.reason);
      const [dup] = await tx
        .select({ id: ticketMessages.id })
        .from(ticketMessages)
        .where(and(eq(ticketMessages.tenantId, tenant.id), eq(ticketMessages.authorId, actor.id), eq(ticketMessages.idempotencyKey, input.idempotencyKey)));
      if (dup) return { messageId: dup.id, reopened: false, fresh: false };
      await consumeUploads(tx, tenant.id, actor, claimed);
      const messageId = await insertMessage(tx, tenant.id, t.id, actor, input.message, claimed, input.idempotencyKey);
      if (step.reopened) await tx.insert(ticketEvents).values({ tenantId: tenant.id, ticketId: t.id, type: 'reopened', actorId: actor.id, actorKind: actor.kind });
      await tx.insert(ticketEvents).values({ tenantId: tenant.id, ticketId: t.id, type: 'replied', actorId: actor.id, actorKind: actor.kind });
      await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: 'ticket.replied', targetType: 'ticket', targetId: t.id, meta: { reopened: step.reopened, files: claimed.length } });
      await tx
        .update(tickets)
        .set({ status: 'open', closedAt: null, lastEntryAt: sql`now()`, lastEntryBy: actor.id, lastPublicAt: sql`now()`, lastPublicBy: actor.id })
        .where(and(eq(tickets.tenantId, tenant.id), eq(tickets.id, t.id)));
      await markRead(tx, tenant.id, t.id, actor.id, actor.kind === 'client' ? 'client' : 'staff');
      if (actor.kind === 'client') {
        const [assignee] = await tx.select({ email: users.email }).from(users).where(and(eq(users.tenantId, tenant.id), eq(users.id, t.assigneeId)));
        if (assignee) await staffMail(tx, tenant, assignee, 'replied', `${contact.firstName} ${contact.lastName}`, t.id);
      } else {
        await clientMail(tx, tenant, t.contactId, t.id);
      }
      return { messageId, reopened: step.reopened, fresh: true };
    });
    if (result.fresh) await dropUploadObjects(tenant.id, claimed);
    else await releaseClaimed(tenant.id, claimed);
    return { messageId: result.messageId, reopened: result.reopened };
  } catch (error) {
    await releaseClaimed(tenant.id, claimed);
    throw error;
  }
}

/** WEITERLEITEN to another employee (with an internal note the client never sees); e-mail to the new assignee. */
export async function forwardTicket(database: Db, tenant: Tenant, actor: Actor, input: ForwardInput): Promise<void> {
  if (actor.kind !== 'employee') throw forbidden('Nur Mitarbeiter können ein Ticket weiterleiten.');
  await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenant.id, actor);
    const t = await lockedTicket(tx, tenant.id, input.ticketId);
    const { contact, rights } = await ticketAccess(tx, tenant.id, actor, t);
    if (!rights.write) throw forbidden();
    const step = transition(t.status as TicketStatus, 'forward', 'employee');
    if (!step.ok) throw new DomainError('invalid', step.reason);
    const to = (await assignableEmployees(tx, tenant.id, contact)).find((e) => e.id === input.toId);
    if (!to) throw new DomainError('invalid', 'Bitte wählen Sie einen Mitarbeiter aus der Liste.', 'toId');
    if (to.id === t.assigneeId) throw new DomainError('invalid', 'Das Ticket liegt bereits bei dieser Person.', 'toId');
    await tx.insert(ticketEvents).values({ tenantId: tenant.id, ticketId: t.id, type: 'forwarded', actorId: actor.id, actorKind: 'employee', meta: { fromId: t.assigneeId, toId: to.id, ...(input.note ? { internalNote: input.note } : {}) } });
    await tx.update(tickets).set({ assigneeId: to.id, lastEntryAt: sql`now()`, lastEntryBy: actor.id }).where(and(eq(tickets.tenantId, tenant.id), eq(tickets.id, t.id)));
    await markRead(tx, tenant.id, t.id, actor.id, actor.kind === 'client' ? 'client' : 'staff');
    await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: 'ticket.forwarded', targetType: 'ticket', targetId: t.id, meta: { fromId: t.assigneeId, toId: to.id } });
    await staffMail(tx, tenant, to, 'forwarded', `${contact.firstName} ${contact.lastName}`, t.id, await nameOf(tx, tenant.id, actor.id));
  });
}

/** ABSCHLIESSEN: employees with the write right only – never a client, whatever the request says. */
export async function closeTicket(database: Db, tenant: Tenant, actor: Actor, ticketId: string): Promise<void> {
  if (actor.kind !== 'employee') throw forbidden('Nur Mitarbeiter können ein Ticket abschließen.');
  await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenant.id, actor);
    const t = await lockedTicket(tx, tenant.id, ticketId);
    const { rights } = await ticketAccess(tx, tenant.id, actor, t);
    if (!rights.write) throw forbidden();
    const step = transition(t.status as TicketStatus, 'close', 'employee');
    if (!step.ok) throw new DomainError('invalid', step.reason);
    await tx.insert(ticketEvents).values({ tenantId: tenant.id, ticketId: t.id, type: 'closed', actorId: actor.id, actorKind: 'employee' });
    await tx.update(tickets).set({ status: 'closed', closedAt: sql`now()` }).where(and(eq(tickets.tenantId, tenant.id), eq(tickets.id, t.id)));
    await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: 'ticket.closed', targetType: 'ticket', targetId: t.id });
  });
}

const contactUser = alias(users, 'ticket_contact');
const assigneeUser = alias(users, 'ticket_assignee');

export interface TicketListItem {
  id: string;
  subject: string;
  status: TicketStatus;
  contactId: string;
  contactName: string;
  assigneeName: string;
  lastAt: Date;
  unread: boolean;
  contractLabel: string | null;
}

/** The cursor keeps PostgreSQL's microseconds (a JS Date would cut them and skip rows of the same millisecond). */
function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}
/** A real PostgreSQL timestamptz text ("2026-11-29 01:16:08.405123+00"); anything else would make the cast fail. */
function isTimestamp(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && se < 60;
}

function decodeCursor(raw?: string): [string, string] | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && isTimestamp(v[0]) && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v[1])) return [v[0], v[1]];
  } catch {
    /* start at the first page */
  }
  return null;
}

export const TICKET_PAGE = 50;

/** Scope "own": only tickets of contacts the employee is BETREUER of (even when assigned to them). */
function ownScopeFilter(actor: Actor): SQL {
  if (isAdmin(actor) || (actor.scope ?? 'all') === 'all') return sql`true`;
  return sql`exists (select 1 from contact_profiles cp where cp.tenant_id = ${tickets.tenantId} and cp.user_id = ${tickets.contactId} and cp.advisor_id = ${actor.id}::uuid)`;
}

/**
 * KOMMUNIKATION list for employees: OFFENE / GESCHLOSSENE TICKETS, "alle meine" or "alle" (admins: the
 * whole tenant; employees: the contacts they may see), newest activity first, unread flagged, keyset pages.
 */
export async function listTickets(
  database: Db,
  tenantId: string,
  actor: Actor,
  options: { status: TicketStatus | 'any'; scope: 'mine' | 'all'; after?: string; contactId?: string; contractId?: string; limit?: number },
): Promise<{ items: TicketListItem[]; next: string | null }> {
  if (actor.kind !== 'employee' || rightOf(actor, 'communication') === 'none') return { items: [], next: null };
  await assertActorInTenant(database, tenantId, actor);
  const limit = options.limit ?? TICKET_PAGE;
  const where: SQL[] = [eq(tickets.tenantId, tenantId)];
  if (options.status !== 'any') where.push(eq(tickets.status, options.status));
  if (options.contactId) {
    // The contact page: every ticket of a contact the employee may see, whoever it is assigned to.
    const contact = await contactFacts(database, tenantId, actor, options.contactId).catch(() => null);
    if (!contact || !(await ticketRights(database, tenantId, actor, contact)).read) return { items: [], next: null };
    where.push(eq(tickets.contactId, options.contactId));
    if (options.contractId) where.push(eq(tickets.contractId, options.contractId));
  }
  else if (options.scope === 'mine') where.push(eq(tickets.assigneeId, actor.id));
  where.push(ownScopeFilter(actor));
  const cursor = decodeCursor(options.after);
  if (cursor) where.push(sql`(${tickets.lastEntryAt}, ${tickets.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
  const rows = await database
    .select({
      t: tickets,
      cursorAt: sql<string>`${tickets.lastEntryAt}::text`,
      cFirst: contactUser.firstName,
      cLast: contactUser.lastName,
      aFirst: assigneeUser.firstName,
      aLast: assigneeUser.lastName,
      readAt: ticketReads.readAt,
      product: contracts.product,
      provider: contracts.provider,
    })
    .from(tickets)
    .innerJoin(contactUser, and(eq(contactUser.tenantId, tickets.tenantId), eq(contactUser.id, tickets.contactId)))
    .innerJoin(assigneeUser, and(eq(assigneeUser.tenantId, tickets.tenantId), eq(assigneeUser.id, tickets.assigneeId)))
    .leftJoin(ticketReads, and(eq(ticketReads.tenantId, tickets.tenantId), eq(ticketReads.ticketId, tickets.id), eq(ticketReads.userId, actor.id)))
    .leftJoin(contracts, and(eq(contracts.tenantId, tickets.tenantId), eq(contracts.id, tickets.contractId)))
    .where(and(...where))
    .orderBy(desc(tickets.lastEntryAt), desc(tickets.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const visible = [] as TicketListItem[];
  for (const r of page) {
    visible.push({
      id: r.t.id,
      subject: r.t.subject,
      status: r.t.status as TicketStatus,
      contactId: r.t.contactId,
      contactName: `${r.cFirst} ${r.cLast}`,
      assigneeName: `${r.aFirst} ${r.aLast}`,
      lastAt: r.t.lastEntryAt,
      unread: isUnread({ at: r.t.lastEntryAt, by: r.t.lastEntryBy }, actor.id, r.readAt),
      contractLabel: r.product ? [r.product, r.provider].filter(Boolean).join(' · ') : null,
    });
  }
  const last = page[page.length - 1];
  return { items: visible, next: rows.length > limit && last ? encodeCursor(last.cursorAt, last.t.id) : null };
}

/** The client's own tickets (open or closed), unread = a message from the advisor side not yet read. */
export async function listClientTickets(database: Db, tenantId: string, actor: Actor, status: TicketStatus): Promise<TicketListItem[]> {
  if (actor.kind !== 'client') return [];
  const contact = await contactFacts(database, tenantId, actor, actor.id);
  if (!(await ticketRights(database, tenantId, actor, contact)).read) return [];
  const rows = await database
    .select({ t: tickets, aFirst: assigneeUser.firstName, aLast: assigneeUser.lastName, readAt: ticketReads.readAt })
    .from(tickets)
    .innerJoin(assigneeUser, and(eq(assigneeUser.tenantId, tickets.tenantId), eq(assigneeUser.id, tickets.assigneeId)))
    .leftJoin(ticketReads, and(eq(ticketReads.tenantId, tickets.tenantId), eq(ticketReads.ticketId, tickets.id), eq(ticketReads.userId, actor.id)))
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.contactId, actor.id), eq(tickets.status, status)))
    .orderBy(desc(tickets.lastPublicAt), desc(tickets.id))
    .limit(200);
  return rows.map((r) => ({
    id: r.t.id,
    subject: r.t.subject,
    status: r.t.status as TicketStatus,
    contactId: r.t.contactId,
    contactName: '',
    assigneeName: `${r.aFirst} ${r.aLast}`,
    lastAt: r.t.lastPublicAt,
    unread: isUnread({ at: r.t.lastPublicAt, by: r.t.lastPublicBy }, actor.id, r.readAt),
    contractLabel: null,
  }));
}

/**
 * The badge: employees count unread tickets assigned to them; clients their tickets with an unread
 * message. Same rule as isUnread, in SQL.
 */
export async function unreadCount(database: Db, tenantId: string, actor: Actor): Promise<number> {
  if (actor.kind === 'employee') {
    if (rightOf(actor, 'communication') === 'none') return 0;
    const [row] = await database
      .select({ n: sql<number>`count(*)::int` })
      .from(tickets)
      .leftJoin(ticketReads, and(eq(ticketReads.tenantId, tickets.tenantId), eq(ticketReads.ticketId, tickets.id), eq(ticketReads.userId, actor.id)))
      .where(
        and(
          eq(tickets.tenantId, tenantId),
          eq(tickets.assigneeId, actor.id),
          ownScopeFilter(actor),
          sql`${tickets.lastEntryBy} is distinct from ${actor.id}::uuid`,
          or(sql`${ticketReads.readAt} is null`, sql`${tickets.lastEntryAt} > ${ticketReads.readAt}`),
        ),
      );
    return row?.n ?? 0;
  }
  const contact = await contactFacts(database, tenantId, actor, actor.id).catch(() => null);
  if (!contact || !(await ticketRights(database, tenantId, actor, contact)).read) return 0;
  const [row] = await database
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .leftJoin(ticketReads, and(eq(ticketReads.tenantId, tickets.tenantId), eq(ticketReads.ticketId, tickets.id), eq(ticketReads.userId, actor.id)))
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        eq(tickets.contactId, actor.id),
        sql`${tickets.lastPublicBy} is distinct from ${actor.id}::uuid`,
        or(sql`${ticketReads.readAt} is null`, sql`${tickets.lastPublicAt} > ${ticketReads.readAt}`),
      ),
    );
  return row?.n ?? 0;
}

export interface ThreadMessage {
  id: string;
  authorName: string;
  authorKind: 'employee' | 'client';
  mine: boolean;
  body: string;
  at: Date;
  files: { id: string; filename: string; mime: string; size: number }[];
}

export interface HistoryEntry {
  at: Date;
  type: 'created' | 'replied' | 'forwarded' | 'closed' | 'reopened';
  actorName: string;
  actorKind: 'employee' | 'client';
  fromName?: string;
  toName?: string;
  internalNote?: string;
}

/** One ticket with its thread and HISTORIE (internal notes only for staff); marks it read for the viewer. */
export async function openTicket(db: Db, tenantId: string, actor: Actor, id: string) {
  // One snapshot for what is shown and the read marker (a reply committing meanwhile stays unread).
  return db.transaction((tx) => readTicket(tx, tenantId, actor, id), { isolationLevel: 'repeatable read', accessMode: 'read write' });
}

async function readTicket(database: Tx, tenantId: string, actor: Actor, id: string) {
  await assertActorInTenant(database, tenantId, actor);
  const [t] = await database.select().from(tickets).where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)));
  if (!t) throw missing();
  const { contact, rights } = await ticketAccess(database, tenantId, actor, t);
  const names = new Map<string, string>();
  const messages = await database.select().from(ticketMessages).where(and(eq(ticketMessages.tenantId, tenantId), eq(ticketMessages.ticketId, id))).orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const events = await database.select().from(ticketEvents).where(and(eq(ticketEvents.tenantId, tenantId), eq(ticketEvents.ticketId, id))).orderBy(asc(ticketEvents.id));
  const files = messages.length
    ? await database
        .select({ id: ticketFiles.id, messageId: ticketFiles.messageId, filename: ticketFiles.filename, mime: ticketFiles.mime, size: ticketFiles.size })
        .from(ticketFiles)
        .where(and(eq(ticketFiles.tenantId, tenantId), inArray(ticketFiles.messageId, messages.map((m) => m.id))))
        .orderBy(asc(ticketFiles.position))
    : [];
  const ids = new Set<string>([t.assigneeId, ...messages.map((m) => m.authorId), ...events.flatMap((e) => [e.actorId, e.meta?.fromId, e.meta?.toId].filter((x): x is string => Boolean(x)))]);
  const people = await database.select({ id: users.id, first: users.firstName, last: users.lastName }).from(users).where(and(eq(users.tenantId, tenantId), inArray(users.id, [...ids])));
  for (const p of people) names.set(p.id, `${p.first} ${p.last}`);
  const name = (uid: string | undefined) => (uid ? (names.get(uid) ?? 'Ehemaliger Benutzer') : '');
  let contract: { id: string; label: string; area: string } | null = null;
  if (t.contractId) {
    const [c] = await database.select().from(contracts).where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, t.contractId)));
    const viewer = await viewerOf(database, tenantId, actor);
    if (c && maySee(viewer, contact, { area: c.area, createdByClient: c.createdByClient })) contract = { id: c.id, label: [c.product, c.provider].filter(Boolean).join(' · '), area: c.area };
  }
  await markRead(database, tenantId, id, actor.id, actor.kind === 'client' ? 'client' : 'staff');
  const staff = actor.kind === 'employee';
  return {
    ticket: t,
    contact,
    contract,
    assigneeName: name(t.assigneeId),
    rights: { reply: rights.write, forward: staff && rights.write && t.status === 'open', close: staff && rights.write && t.status === 'open' },
    messages: messages.map<ThreadMessage>((m) => ({
      id: m.id,
      authorName: name(m.authorId),
      authorKind: m.authorKind,
      mine: m.authorId === actor.id,
      body: m.body,
      at: m.createdAt,
      files: files.filter((f) => f.messageId === m.id).map(({ messageId: _m, ...f }) => f),
    })),
    history: events.map<HistoryEntry>((e) => ({
      at: e.createdAt,
      type: e.type,
      actorName: name(e.actorId),
      actorKind: e.actorKind,
      fromName: e.meta?.fromId ? name(e.meta.fromId) : undefined,
      toName: e.meta?.toId ? name(e.meta.toId) : undefined,
      internalNote: staff ? e.meta?.internalNote : undefined,
    })),
  };
}

/** An attachment the actor may open (rights as for its ticket); null otherwise. */
export async function openTicketFile(database: Db, tenantId: string, actor: Actor, fileId: string) {
  const [f] = await database
    .select({ id: ticketFiles.id, key: ticketFiles.objectKey, filename: ticketFiles.filename, mime: ticketFiles.mime, size: ticketFiles.size, ticketId: ticketMessages.ticketId, contactId: tickets.contactId })
    .from(ticketFiles)
    .innerJoin(ticketMessages, and(eq(ticketMessages.tenantId, ticketFiles.tenantId), eq(ticketMessages.id, ticketFiles.messageId)))
    .innerJoin(tickets, and(eq(tickets.tenantId, ticketMessages.tenantId), eq(tickets.id, ticketMessages.ticketId)))
    .where(and(eq(ticketFiles.tenantId, tenantId), eq(ticketFiles.id, fileId)));
  if (!f) return null;
  try {
    await assertActorInTenant(database, tenantId, actor);
    await ticketAccess(database, tenantId, actor, { contactId: f.contactId });
    return f;
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** Keys of all attachments of a contact's tickets (deletion of a client). */
export async function ticketFileKeys(database: Tx, tenantId: string, contactId: string): Promise<string[]> {
  const rows = await database
    .select({ key: ticketFiles.objectKey })
    .from(ticketFiles)
    .innerJoin(ticketMessages, and(eq(ticketMessages.tenantId, ticketFiles.tenantId), eq(ticketMessages.id, ticketFiles.messageId)))
    .innerJoin(tickets, and(eq(tickets.tenantId, ticketMessages.tenantId), eq(tickets.id, ticketMessages.ticketId)))
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.contactId, contactId)));
  return rows.map((r) => r.key);
}


/** NEUE NACHRICHT: who can be chosen (BETREUER first if possible) and which of the client's contracts may be named. */
export async function ticketFormOptions(database: Db, tenantId: string, actor: Actor) {
  const contact = await contactFacts(database, tenantId, actor, actor.id);
  const employees = await assignableEmployees(database, tenantId, contact);
  const viewer = await viewerOf(database, tenantId, actor);
  const rows = await database
    .select({ id: contracts.id, area: contracts.area, createdByClient: contracts.createdByClient, product: contracts.product, provider: contracts.provider, title: contracts.title })
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenantId), eq(contracts.contactId, actor.id)))
    .orderBy(asc(contracts.product));
  return {
    employees: employees.map(({ id, name }) => ({ id, name })),
    advisorId: employees.some((e) => e.id === contact.advisorId) ? contact.advisorId : null,
    contracts: rows.filter((c) => maySee(viewer, contact, { area: c.area, createdByClient: c.createdByClient })).map((c) => ({ id: c.id, label: [c.product, c.provider ?? c.title].filter(Boolean).join(' · ') })),
  };
}
