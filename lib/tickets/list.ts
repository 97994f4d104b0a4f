import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { maySee } from '../access/folder';
import { contactScope } from '../access/scope';
import { ownTicketRights, ticketListRights, ticketRights, type TicketRights } from '../access/tickets';
import { viewerOf } from '../access/viewer';
import type { Ctx } from '../ctx';
import { decodeCursor, encodeCursor } from '../db/cursor';
import { contactProfiles, contracts, ticketReads, tickets, users } from '../db/schema';
import { reachContact } from './guard';
import { isUnread, type TicketStatus } from './rules';

export interface TicketListItem {
  id: string;
  subject: string;
  status: TicketStatus;
  contactId: string;
  contactName: string;
  assigneeName: string;
  lastAt: Date;
  unread: boolean;
  /** The linked contract, only when the reader may see it in the folder (else null: no title leaks). */
  contractLabel: string | null;
}

export interface TicketListOptions {
  status: TicketStatus | 'any';
  scope: 'mine' | 'all';
  after?: string;
  contactId?: string;
  contractId?: string;
  limit?: number;
}

export const TICKET_PAGE = 50;

const contactUser = alias(users, 'ticket_contact');
const assigneeUser = alias(users, 'ticket_assignee');
// The cursor keeps PostgreSQL's microseconds (a JS Date would cut them and skip rows of the same millisecond).
const cursorShape = { t: ['timestamp', 'uuid'] } as const;
const empty = { items: [] as TicketListItem[], next: null as string | null };

/**
 * KOMMUNIKATION list for employees: OFFENE / GESCHLOSSENE TICKETS, "alle meine" or "alle" (admins: the
 * whole tenant; employees: the contacts they may see), newest activity first, unread flagged, keyset pages.
 * With `contactId` (the contact page): every ticket of that contact, whoever has it.
 */
export async function listTickets(
  ctx: Ctx,
  options: TicketListOptions,
): Promise<{ items: TicketListItem[]; next: string | null }> {
  const { db: tx, tenant, actor } = ctx;
  if (!ticketListRights(actor).list) return empty;
  const viewer = await viewerOf(ctx);
  const limit = options.limit ?? TICKET_PAGE;
  const where: SQL[] = [eq(tickets.tenantId, tenant.id)];
  if (options.status !== 'any') where.push(eq(tickets.status, options.status));
  if (options.contactId) {
    const contact = await reachContact(ctx, options.contactId).catch(() => null);
    if (!contact || !ticketRights(viewer, contact).read) return empty;
    where.push(eq(tickets.contactId, options.contactId));
    if (options.contractId) where.push(eq(tickets.contractId, options.contractId));
  } else if (options.scope === 'mine') where.push(eq(tickets.assigneeId, actor.id));
  // Scope "own": only tickets of contacts the employee is BETREUER of (even when assigned to them).
  where.push(contactScope(actor, { tenantId: tickets.tenantId, contactId: tickets.contactId }));
  const cursor = decodeCursor(options.after, cursorShape);
  if (cursor)
    where.push(
      sql`(${tickets.lastEntryAt}, ${tickets.id}) < (${cursor.values[0]}::timestamptz, ${cursor.values[1]}::uuid)`,
    );
  const rows = await tx
    .select({
      t: tickets,
      cursorAt: sql<string>`${tickets.lastEntryAt}::text`,
      cFirst: contactUser.firstName,
      cLast: contactUser.lastName,
      advisorId: contactProfiles.advisorId,
      aFirst: assigneeUser.firstName,
      aLast: assigneeUser.lastName,
      readAt: ticketReads.readAt,
      product: contracts.product,
      provider: contracts.provider,
      area: contracts.area,
      createdByClient: contracts.createdByClient,
    })
    .from(tickets)
    .innerJoin(contactUser, and(eq(contactUser.tenantId, tickets.tenantId), eq(contactUser.id, tickets.contactId)))
    .leftJoin(
      contactProfiles,
      and(eq(contactProfiles.tenantId, tickets.tenantId), eq(contactProfiles.userId, tickets.contactId)),
    )
    .innerJoin(assigneeUser, and(eq(assigneeUser.tenantId, tickets.tenantId), eq(assigneeUser.id, tickets.assigneeId)))
    .leftJoin(
      ticketReads,
      and(
        eq(ticketReads.tenantId, tickets.tenantId),
        eq(ticketReads.ticketId, tickets.id),
        eq(ticketReads.userId, actor.id),
      ),
    )
    .leftJoin(contracts, and(eq(contracts.tenantId, tickets.tenantId), eq(contracts.id, tickets.contractId)))
    .where(and(...where))
    .orderBy(desc(tickets.lastEntryAt), desc(tickets.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const items = page.map<TicketListItem>((r) => {
    const contact = { id: r.t.contactId, advisorId: r.advisorId ?? null };
    // issue 13 (7): a NOTFALL-ORDNER contract's title is no business of an employee without that right.
    const named =
      r.area !== null &&
      r.createdByClient !== null &&
      maySee(viewer, contact, { area: r.area, createdByClient: r.createdByClient });
    return {
      id: r.t.id,
      subject: r.t.subject,
      status: r.t.status,
      contactId: r.t.contactId,
      contactName: `${r.cFirst} ${r.cLast}`,
      assigneeName: `${r.aFirst} ${r.aLast}`,
      lastAt: r.t.lastEntryAt,
      unread: isUnread({ at: r.t.lastEntryAt, by: r.t.lastEntryBy }, actor.id, r.readAt),
      contractLabel: named && r.product ? [r.product, r.provider].filter(Boolean).join(' · ') : null,
    };
  });
  const last = page[page.length - 1];
  return { items, next: rows.length > limit && last ? encodeCursor('t', [last.cursorAt, last.t.id]) : null };
}

/** The portal's KOMMUNIKATION as a whole: what the signed-in client may do with their own tickets. */
export async function myTicketRights(ctx: Ctx): Promise<TicketRights> {
  const viewer = await viewerOf(ctx);
  return viewer.kind === 'client' ? ownTicketRights(viewer.grants) : { read: false, write: false };
}

/** The client's own tickets (open or closed), unread = a message from the advisor side not yet read. */
export async function listClientTickets(ctx: Ctx, { status }: { status: TicketStatus }): Promise<TicketListItem[]> {
  const { db: tx, tenant, actor } = ctx;
  if (actor.kind !== 'client' || !(await myTicketRights(ctx)).read) return [];
  const rows = await tx
    .select({ t: tickets, aFirst: assigneeUser.firstName, aLast: assigneeUser.lastName, readAt: ticketReads.readAt })
    .from(tickets)
    .innerJoin(assigneeUser, and(eq(assigneeUser.tenantId, tickets.tenantId), eq(assigneeUser.id, tickets.assigneeId)))
    .leftJoin(
      ticketReads,
      and(
        eq(ticketReads.tenantId, tickets.tenantId),
        eq(ticketReads.ticketId, tickets.id),
        eq(ticketReads.userId, actor.id),
      ),
    )
    .where(and(eq(tickets.tenantId, tenant.id), eq(tickets.contactId, actor.id), eq(tickets.status, status)))
    .orderBy(desc(tickets.lastPublicAt), desc(tickets.id))
    .limit(200);
  return rows.map((r) => ({
    id: r.t.id,
    subject: r.t.subject,
    status: r.t.status,
    contactId: r.t.contactId,
    contactName: '',
    assigneeName: `${r.aFirst} ${r.aLast}`,
    lastAt: r.t.lastPublicAt,
    unread: isUnread({ at: r.t.lastPublicAt, by: r.t.lastPublicBy }, actor.id, r.readAt),
    contractLabel: null,
  }));
}

/**
 * The badge: employees count unread tickets assigned to them (within their scope); clients their tickets
 * with an unread message. Same rule as isUnread, in SQL.
 */
export async function unreadCount(ctx: Ctx): Promise<number> {
  const { db: tx, tenant, actor } = ctx;
  const staff = actor.kind === 'employee';
  if (staff ? !ticketListRights(actor).list : !(await myTicketRights(ctx)).read) return 0;
  const at = staff ? tickets.lastEntryAt : tickets.lastPublicAt;
  const by = staff ? tickets.lastEntryBy : tickets.lastPublicBy;
  // Counted up to the cap only: the badge shows "99+" beyond it, and a big book must not be counted per page view.
  const unread = tx
    .select({ one: sql`1` })
    .from(tickets)
    .leftJoin(
      ticketReads,
      and(
        eq(ticketReads.tenantId, tickets.tenantId),
        eq(ticketReads.ticketId, tickets.id),
        eq(ticketReads.userId, actor.id),
      ),
    )
    .where(
      and(
        eq(tickets.tenantId, tenant.id),
        staff ? eq(tickets.assigneeId, actor.id) : eq(tickets.contactId, actor.id),
        staff ? contactScope(actor, { tenantId: tickets.tenantId, contactId: tickets.contactId }) : undefined,
        sql`${by} is distinct from ${actor.id}::uuid`,
        or(sql`${ticketReads.readAt} is null`, sql`${at} > ${ticketReads.readAt}`),
      ),
    )
    .limit(unreadCap);
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(unread.as('unread'));
  return row?.n ?? 0;
}

/** The badge shows "99+" from 100 on; counting stops there. */
export const unreadCap = 100;
