import { and, eq, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { alias } from 'drizzle-orm/pg-core';
import { canViewContacts, rightOf } from '../access/employee';
import { contactScope, contactScopeJoined } from '../access/scope';
import { ticketListRights } from '../access/tickets';
import { clientActions } from '../contracts/changes';
import type { Ctx } from '../ctx';
import { auditLog, contactProfiles, moduleKeys, tickets, users } from '../db/schema';

/** Start-page counts stop here: a tile shows "99+" instead of counting a big table on every request. */
export const COUNT_CAP = 100;

/** "99+" at the cap, the number below it. Pure. */
export function cappedLabel(n: number, format: (n: number) => string = String): string {
  return n >= COUNT_CAP ? `${format(COUNT_CAP - 1)}+` : format(n);
}

/** count(*) over at most COUNT_CAP rows of the query (an index range, never the whole table). */
async function capped(ctx: Ctx, query: PgSelect): Promise<number> {
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(query.limit(COUNT_CAP).as('capped'));
  return row?.n ?? 0;
}

export interface StartCounts {
  /** null: no KOMMUNIKATION right (no tile). */
  openTickets: { n: number; scope: 'mine' | 'all' } | null;
  clientChanges: number | null;
  leads: number | null;
}

/** Days of "Änderungen durch Kunden" the tile counts. */
export const CHANGES_DAYS = 7;

/**
 * The advisor start page's tiles: open tickets (assigned to me; read-only employees: all they may see),
 * client changes of the last days and prospects (Interessenten), each in the employee's scope and capped.
 */
export async function startCounts(ctx: Ctx): Promise<StartCounts> {
  const { actor, tenant } = ctx;
  const ticketsRight = ticketListRights(actor);
  const contacts = canViewContacts(actor);
  const scope = ticketsRight.startWithAll ? ('all' as const) : ('mine' as const);
  const [openTickets, clientChanges, leads] = await Promise.all([
    ticketsRight.list
      ? capped(
          ctx,
          ctx.db
            .select({ one: sql`1` })
            .from(tickets)
            .where(
              and(
                eq(tickets.tenantId, tenant.id),
                eq(tickets.status, 'open'),
                scope === 'mine' ? eq(tickets.assigneeId, actor.id) : undefined,
                contactScope(actor, { tenantId: tickets.tenantId, contactId: tickets.contactId }),
              ),
            )
            .$dynamic(),
        )
      : null,
    contacts ? capped(ctx, changesQuery(ctx)) : null,
    contacts
      ? capped(
          ctx,
          ctx.db
            .select({ one: sql`1` })
            .from(contactProfiles)
            .where(
              and(eq(contactProfiles.tenantId, tenant.id), eq(contactProfiles.lead, true), contactScopeJoined(actor)),
            )
            .$dynamic(),
        )
      : null,
  ]);
  return { openTickets: openTickets === null ? null : { n: openTickets, scope }, clientChanges, leads };
}

/** The rule of clientChanges (lib/contracts/changes.ts) in SQL: clients' own changes, in scope and area. */
function changesQuery(ctx: Ctx): PgSelect {
  const { actor } = ctx;
  const client = alias(users, 'changing_client');
  const areas = ['profile', ...moduleKeys.filter((m) => rightOf(actor, m) !== 'none')];
  const area = sql`${auditLog.meta}->>'area'`;
  const inArea: SQL = or(sql`${area} is null`, inArray(area, areas))!;
  return ctx.db
    .select({ one: sql`1` })
    .from(auditLog)
    .innerJoin(client, and(eq(client.tenantId, auditLog.tenantId), eq(client.id, auditLog.actorId)))
    .leftJoin(
      contactProfiles,
      and(eq(contactProfiles.tenantId, client.tenantId), eq(contactProfiles.userId, client.id)),
    )
    .where(
      and(
        eq(auditLog.tenantId, ctx.tenant.id),
        gte(auditLog.createdAt, sql`now() - make_interval(days => ${CHANGES_DAYS}::int)`),
        inArray(auditLog.action, clientActions),
        eq(client.kind, 'client'),
        sql`${auditLog.targetId} = ${client.id}::text`,
        contactScopeJoined(actor),
        inArea,
      ),
    )
    .$dynamic();
}
