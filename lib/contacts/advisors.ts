import { and, asc, eq, sql } from 'drizzle-orm';
import { canViewContacts } from '../access/employee';
import type { Ctx } from '../ctx';
import { users } from '../db/schema';

/** Employees who can be BETREUER (for the select on the contact forms), active or invited. */
export async function advisorOptions(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  // Only readers of the contact forms see the colleagues' names.
  if (!canViewContacts(ctx.actor)) return [];
  const rows = await ctx.db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'employee'), sql`${users.status} <> 'locked'`))
    .orderBy(asc(sql`lower(${users.lastName})`), asc(users.id));
  return rows.map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}` }));
}
