import { eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { contactProfiles } from '../db/schema';
import { isAdmin, type EmployeeLike } from './employee';

/** Whether the employee is limited to the contacts they are BETREUER of (scope "own"). */
export function limitedToOwnContacts(e: EmployeeLike): boolean {
  return e.kind === 'employee' && !isAdmin(e) && (e.scope ?? 'all') === 'own';
}

/**
 * The contact-scope rule as SQL, for every list that shows contacts or what hangs on them (contacts,
 * tickets, changes, deadlines …). `contactId` is the column holding the contact's user id; the tenant
 * column must be the row's own tenant_id. True for admins and scope "all"; else only contacts whose
 * BETREUER is the employee. Clients never reach lists through this (they see only themselves).
 */
export function contactScope(e: EmployeeLike, columns: { tenantId: AnyColumn; contactId: AnyColumn }): SQL {
  if (e.kind !== 'employee') return sql`false`;
  if (!limitedToOwnContacts(e)) return sql`true`;
  return sql`exists (select 1 from ${contactProfiles} cp where cp.tenant_id = ${columns.tenantId} and cp.user_id = ${columns.contactId} and cp.advisor_id = ${e.id}::uuid)`;
}

/** The same rule for queries that already join contact_profiles. */
export function contactScopeJoined(e: EmployeeLike): SQL {
  if (e.kind !== 'employee') return sql`false`;
  if (!limitedToOwnContacts(e)) return sql`true`;
  return eq(contactProfiles.advisorId, e.id);
}
