import { and, eq, or, sql } from 'drizzle-orm';
import type { PublicCtx } from '../ctx';
import { users, type User } from '../db/schema';

/** Where the account lives: the database (a transaction inside a verb) and the host's tenant. */
export type TenantScope = Pick<PublicCtx, 'db' | 'tenant'>;

/** The account a typed login names in this tenant: its username or its e-mail, case-insensitively. */
export async function accountByLogin(ctx: TenantScope, typed: string): Promise<User | undefined> {
  const login = typed.trim().toLowerCase();
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(
      and(
        eq(users.tenantId, ctx.tenant.id),
        or(sql`lower(${users.username}) = ${login}`, sql`lower(${users.email}) = ${login}`),
      ),
    )
    .limit(1);
  return user;
}

/** An account of this tenant by its id. */
export async function accountById(ctx: TenantScope, id: string): Promise<User | undefined> {
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, id)))
    .limit(1);
  return user;
}
