import { and, eq, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../ctx';
import { users } from '../db/schema';
import { DomainError } from '../errors';
import { isEmailTaken } from '../forms/fields';

/** The building blocks the BENUTZER verbs share. */

export const employeeNotFound = () => new DomainError('not_found', 'users.errors.notFound');

/** Serialises admin changes within the tenant (call inside a transaction), so two demotions cannot both pass the check. */
export async function lockAdmins(ctx: Ctx): Promise<void> {
  await ctx.db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`admins:${ctx.tenant.id}`}))`);
}

/** Active (unlocked) admins of the tenant other than `exceptId`. */
export async function otherActiveAdmins(ctx: Ctx, exceptId: string): Promise<number> {
  const rows = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.tenantId, ctx.tenant.id),
        eq(users.kind, 'employee'),
        eq(users.role, 'admin'),
        ne(users.status, 'locked'),
        ne(users.id, exceptId),
      ),
    );
  return rows[0]?.n ?? 0;
}

export const lastAdmin = (key: 'users.errors.lastAdminDemote' | 'users.errors.lastAdminLock', field?: string) =>
  new DomainError('conflict', key, { field, detail: { reason: 'last_admin' } });

export const notYourself = (key: 'users.errors.selfDemote' | 'users.errors.selfLock', field?: string) =>
  new DomainError('forbidden', key, { field, detail: { reason: 'self' } });

/** One e-mail address is one account per tenant: the unique index's violation becomes the field error. */
export function mapEmailTaken(error: unknown): never {
  if (isEmailTaken(error))
    throw new DomainError('duplicate', 'forms.emailTaken', { field: 'email', detail: { reason: 'email_taken' } });
  throw error;
}
