import { and, eq } from 'drizzle-orm';
import { DomainError } from '../actions/domain-error';
import type { Tx } from '../db/client';
import { users } from '../db/schema';

/**
 * Defence in depth for domain functions that take a tenant id and an actor separately: the actor must be
 * an account of exactly that tenant (that it is active is checked with every session) (the actions always pass the session's own tenant; this makes
 * a future caller unable to mix them up).
 */
export async function assertActorInTenant(tx: Tx, tenantId: string, actor: { id: string; kind: 'employee' | 'client' }): Promise<void> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, actor.id), eq(users.kind, actor.kind)))
    .limit(1);
  if (!row) throw new DomainError('forbidden', 'Dafür haben Sie keine Berechtigung.');
}
