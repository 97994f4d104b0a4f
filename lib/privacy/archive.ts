import { and, eq, isNull, sql } from 'drizzle-orm';
import { mayArchive } from '../access/privacy';
import { requireRight } from '../access/require';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { contactProfiles, sessions, users } from '../db/schema';
import { lockedContact } from './contact';
import type { ArchiveContactInput } from './schemas';

/** Account states that can log in or get there; archiving locks them. */
const loginStates = new Set(['active', 'invited', 'created']);

/**
 * ARCHIVIEREN (retention periods): the login is switched off and every session ends; the data stays.
 * Reactivating clears the mark (the client then uses „Passwort vergessen?“ or a new REGISTRIERUNGSMAIL).
 */
export async function setArchived(ctx: Ctx, { contactId, archived }: ArchiveContactInput): Promise<void> {
  requireRight(mayArchive(ctx.actor), 'privacy.errors.archiveForbidden');
  await withTransaction(ctx, async (ctx) => {
    const { db: tx, tenant, actor } = ctx;
    const contact = await lockedContact(ctx, contactId);
    const user = and(eq(users.tenantId, tenant.id), eq(users.id, contactId));
    await tx
      .update(contactProfiles)
      .set({ archivedAt: archived ? sql`now()` : null })
      .where(and(eq(contactProfiles.tenantId, tenant.id), eq(contactProfiles.userId, contactId)));
    if (archived) {
      if (loginStates.has(contact.status))
        await tx
          .update(users)
          .set({ status: 'locked', updatedAt: sql`now()` })
          .where(user);
      await tx
        .update(sessions)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(sessions.tenantId, tenant.id), eq(sessions.userId, contactId), isNull(sessions.revokedAt)));
    } else if (contact.status === 'locked') {
      await tx
        .update(users)
        .set({ status: 'created', updatedAt: sql`now()` })
        .where(user);
    }
    await audit(tx, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: archived ? 'contact.archived' : 'contact.unarchived',
      targetType: 'contact',
      targetId: contactId,
    });
  });
}
