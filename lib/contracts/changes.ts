import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { canViewContacts, isAdmin, rightOf, type EmployeeLike } from '../access/employee';
import type { Db } from '../db/client';
import { auditLog, contactProfiles, users, type ModuleKey } from '../db/schema';
import { activityActionNames, folderDetail } from '../grants';

const clientActions = ['contract.created', 'contract.updated', 'contract.deleted', 'document.added', 'document.deleted', 'contact.profile.changed_by_client'];

export interface ClientChange {
  at: Date;
  contactId: string;
  contactName: string;
  label: string;
  detail: string | null;
}

/**
 * "Änderungen durch Kunden" on the advisor start page: what clients changed in their folders, newest first,
 * only for contacts the employee may see and areas they have a right to.
 */
export async function clientChanges(database: Db, tenantId: string, employee: EmployeeLike, limit = 8): Promise<ClientChange[]> {
  if (!canViewContacts(employee)) return [];
  const client = alias(users, 'changing_client');
  const where = [
    eq(auditLog.tenantId, tenantId),
    inArray(auditLog.action, clientActions),
    eq(client.kind, 'client'),
    sql`${auditLog.targetId} = ${client.id}::text`,
  ];
  if (!isAdmin(employee) && (employee.scope ?? 'all') === 'own') where.push(eq(contactProfiles.advisorId, employee.id));
  const rows = await database
    .select({ at: auditLog.createdAt, action: auditLog.action, meta: auditLog.meta, contactId: client.id, first: client.firstName, last: client.lastName })
    .from(auditLog)
    .innerJoin(client, and(eq(client.tenantId, auditLog.tenantId), eq(client.id, auditLog.actorId)))
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, client.tenantId), eq(contactProfiles.userId, client.id)))
    .where(and(...where))
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
      label: activityActionNames[r.action] ?? r.action,
      detail: folderDetail(r.action, (r.meta ?? {}) as Record<string, unknown>),
    }));
}
