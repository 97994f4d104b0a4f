import { and, eq } from 'drizzle-orm';
import type { ContactFacts } from '../access/folder';
import { contactFacts } from '../contacts/facts';
import type { Ctx } from '../ctx';
import { contracts, followUps, type FollowUp } from '../db/schema';
import { DomainError } from '../errors';

const missing = () => new DomainError('not_found', 'followUps.errors.notFound');

/** The area of a contract of this contact (a follow-up on a contract needs a right in it); not_found otherwise. */
export async function contractArea(ctx: Ctx, contactId: string, contractId: string) {
  const [c] = await ctx.db
    .select({ area: contracts.area })
    .from(contracts)
    .where(
      and(eq(contracts.tenantId, ctx.tenant.id), eq(contracts.id, contractId), eq(contracts.contactId, contactId)),
    );
  if (!c) throw new DomainError('not_found', 'contracts.errors.notFound', { field: 'contractId' });
  return c.area;
}

/** One follow-up of this tenant with its contact (through the scope rule) and the contract's area. */
export async function loadFollowUp(
  ctx: Ctx,
  id: string,
): Promise<{ followUp: FollowUp; contact: ContactFacts; area: Awaited<ReturnType<typeof contractArea>> | null }> {
  const [followUp] = await ctx.db
    .select()
    .from(followUps)
    .where(and(eq(followUps.tenantId, ctx.tenant.id), eq(followUps.id, id)));
  if (!followUp) throw missing();
  const contact = await contactFacts(ctx, followUp.contactId).catch(() => {
    throw missing();
  });
  const area = followUp.contractId ? await contractArea(ctx, followUp.contactId, followUp.contractId) : null;
  return { followUp, contact, area };
}
