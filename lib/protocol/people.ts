import { and, asc, eq, sql } from 'drizzle-orm';
import { canSeeProtocol } from '../access/protocol';
import { requireRight } from '../access/require';
import type { Ctx } from '../ctx';
import { isUuid } from '../db/cursor';
import { users } from '../db/schema';

export interface PersonOption {
  id: string;
  name: string;
}

/** The employees of the tenant, for the "Person" filter of PROTOKOLL. */
export async function protocolPeople(ctx: Ctx): Promise<PersonOption[]> {
  requireRight(canSeeProtocol(ctx.actor));
  const rows = await ctx.db
    .select({ id: users.id, first: users.firstName, last: users.lastName })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'employee')))
    .orderBy(asc(sql`lower(${users.lastName})`), asc(sql`lower(${users.firstName})`), asc(users.id))
    .limit(500);
  return rows.map((r) => ({ id: r.id, name: `${r.first} ${r.last}` }));
}

/** The name of the contact a "Kontakt" filter given as an id stands for (null: not a contact of this tenant). */
export async function contactNameOf(ctx: Ctx, contact: string | undefined): Promise<string | null> {
  requireRight(canSeeProtocol(ctx.actor));
  if (!contact || !isUuid(contact)) return null;
  const [row] = await ctx.db
    .select({ first: users.firstName, last: users.lastName })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'client'), eq(users.id, contact)));
  return row ? `${row.first} ${row.last}` : null;
}
