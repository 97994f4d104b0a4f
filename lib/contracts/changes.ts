import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { canViewContacts, rightOf } from '../access/employee';
import { contactScopeJoined } from '../access/scope';
import type { Ctx } from '../ctx';
import { auditLog, contactProfiles, users, type ModuleKey } from '../db/schema';
import { activityLabel, folderDetail } from '../contacts/activity';

export const clientActions = [
  'contract.created',
  'contract.updated',
  'contract.deleted',
  'document.added',
  'document.deleted',
  'contact.profile.changed_by_client',
];

export interface ClientChange {
  at: Date;
  contactId: string;
  contactName: string;
  label: string;
  detail: string | null;
}

/**
 * "Änderungen durch Kunden" on the advisor start page: what clients changed in their folders, newest first,
 * only for contacts the employee may see (the one scope rule of lib/access) and areas they have a right to.
 */
export async function clientChanges(ctx: Ctx, { limit = 8 }: { limit?: number } = {}): Promise<ClientChange[]> {
  const employee = ctx.actor;
  if (!canViewContacts(employee)) return [];
  const client = alias(users, 'changing_client');
  const rows = await ctx.db
    .select({
      at: auditLog.createdAt,
      action: auditLog.action,
      meta: auditLog.meta,
      contactId: client.id,
      first: client.firstName,
      last: client.lastName,
    })
    .from(auditLog)
    .innerJoin(client, and(eq(client.tenantId, auditLog.tenantId), eq(client.id, auditLog.actorId)))
    .leftJoin(
      contactProfiles,
      and(eq(contactProfiles.tenantId, client.tenantId), eq(contactProfiles.userId, client.id)),
    )
    .where(
      and(
        eq(auditLog.tenantId, ctx.tenant.id),
        inArray(auditLog.action, clientActions),
        eq(client.kind, 'client'),
        sql`${auditLog.targetId} = ${client.id}::text`,
        contactScopeJoined(employee),
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit * 4);
  return rows
    .filter((r) => {
      const area = (r.meta as Record<string, unknown> | null)?.area;
      return typeof area !== 'string' || area === 'profile' || rightOf(employee, area as ModuleKey) !== 'none';
    })
    .slice(0, limit)
    .map((r) => ({
      at: r.at,
      contactId: r.contactId,
      contactName: `${r.first} ${r.last}`,
      label: activityLabel(ctx.locale, r.action),
      detail: folderDetail(r.action, (r.meta ?? {}) as Record<string, unknown>, ctx.locale),
    }));
}
