import { and, eq, sql } from 'drizzle-orm';
import { canEditContacts } from '../access/employee';
import { requireRight } from '../access/require';
import { audit } from '../audit';
import { contactFacts } from '../contacts/facts';
import { withTransaction, type Ctx } from '../ctx';
import { contactProfiles } from '../db/schema';

/**
 * ALS KUNDEN ÜBERNEHMEN: the Interessent becomes a regular contact (onboarding then proceeds as usual); the
 * accepting employee becomes BETREUER unless there is one. Contacts out of the actor's scope are `not_found`.
 */
export async function acceptLead(ctx: Ctx, input: { contactId: string }): Promise<void> {
  requireRight(canEditContacts(ctx.actor), 'leads.errors.acceptForbidden');
  await withTransaction(ctx, async (tx) => {
    await contactFacts(tx, input.contactId);
    const where = and(eq(contactProfiles.tenantId, tx.tenant.id), eq(contactProfiles.userId, input.contactId));
    const [row] = await tx.db
      .select({ lead: contactProfiles.lead, advisorId: contactProfiles.advisorId })
      .from(contactProfiles)
      .where(where)
      .for('update');
    if (!row?.lead) return;
    await tx.db
      .update(contactProfiles)
      .set({ lead: false, advisorId: row.advisorId ?? tx.actor.id, updatedAt: sql`now()` })
      .where(where);
    await audit(tx.db, {
      tenantId: tx.tenant.id,
      actorType: 'user',
      actorId: tx.actor.id,
      action: 'lead.accepted',
      targetType: 'contact',
      targetId: input.contactId,
    });
  });
}
