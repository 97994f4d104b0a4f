import { and, eq, sql } from 'drizzle-orm';
import { canEditContacts, canSeeContact } from '../access/employee';
import { requireRight } from '../access/require';
import { clientModules, type Switches } from '../access/freigaben';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { DomainError } from '../errors';
import { clientGrants, contactProfiles, users } from '../db/schema';
import { loadGrants } from './load';
import { switchNames, type SaveGrantsInput } from './schemas';

/**
 * FREIGABEN ERTEILEN: replaces the contact's switches. Audited switch by switch (who, which, from → to);
 * the client's next request sees the new state (nothing is cached).
 */
export async function saveGrants(ctx: Ctx, { contactId, grants: next }: SaveGrantsInput): Promise<{ changed: number }> {
  const { actor, tenant } = ctx;
  requireRight(canEditContacts(actor), 'grants.errors.forbidden');
  return withTransaction(ctx, async ({ db: tx }) => {
    const [contact] = await tx
      .select({ id: users.id, advisorId: contactProfiles.advisorId })
      .from(users)
      .leftJoin(
        contactProfiles,
        and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)),
      )
      .where(and(eq(users.tenantId, tenant.id), eq(users.kind, 'client'), eq(users.id, contactId)))
      .for('update', { of: users });
    if (!contact || !canSeeContact(actor, { advisorId: contact.advisorId ?? null }))
      throw new DomainError('not_found', 'contacts.errors.notFound');
    const before = await loadGrants(tx, tenant.id, contactId);
    let changed = 0;
    for (const mod of clientModules) {
      const from: Switches = before[mod];
      const to: Switches = next[mod];
      const diffs = switchNames.filter((s) => from[s] !== to[s]);
      if (diffs.length === 0) continue;
      changed += diffs.length;
      await tx
        .insert(clientGrants)
        .values({ tenantId: tenant.id, userId: contactId, module: mod, ...to, updatedBy: actor.id })
        .onConflictDoUpdate({
          target: [clientGrants.tenantId, clientGrants.userId, clientGrants.module],
          set: { ...to, updatedBy: actor.id, updatedAt: sql`now()` },
        });
      for (const name of diffs) {
        await audit(tx, {
          tenantId: tenant.id,
          actorType: 'user',
          actorId: actor.id,
          action: 'grants.changed',
          targetType: 'contact',
          targetId: contactId,
          meta: { module: mod, switch: name, from: from[name], to: to[name] },
        });
      }
    }
    return { changed };
  });
}
