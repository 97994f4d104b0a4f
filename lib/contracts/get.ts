import { and, eq } from 'drizzle-orm';
import { mayAddTo, mayChange, maySee, type ContactFacts } from '../access/folder';
import { viewerOf } from '../access/viewer';
import { contactFacts } from '../contacts/facts';
import type { Ctx } from '../ctx';
import { contracts, type Contract } from '../db/schema';
import { creator, updater } from './list';
import { missing } from './rules';

export interface ContractDetail {
  contact: ContactFacts & { firstName: string; lastName: string };
  contract: Contract;
  createdByName: string | null;
  updatedByName: string | null;
  mayChange: boolean;
  mayAddDocument: boolean;
}

/** One contract with its creator/updater names and the viewer's rights; `not_found` when not visible. */
export async function getContract(ctx: Ctx, { id }: { id: string }): Promise<ContractDetail> {
  const [row] = await ctx.db
    .select({
      contract: contracts,
      createdFirst: creator.firstName,
      createdLast: creator.lastName,
      updatedFirst: updater.firstName,
      updatedLast: updater.lastName,
    })
    .from(contracts)
    .leftJoin(creator, and(eq(creator.tenantId, contracts.tenantId), eq(creator.id, contracts.createdBy)))
    .leftJoin(updater, and(eq(updater.tenantId, contracts.tenantId), eq(updater.id, contracts.updatedBy)))
    .where(and(eq(contracts.tenantId, ctx.tenant.id), eq(contracts.id, id)))
    .limit(1);
  if (!row) throw missing();
  if (ctx.actor.kind === 'client' && row.contract.contactId !== ctx.actor.id) throw missing();
  const contact = await contactFacts(ctx, row.contract.contactId);
  const viewer = await viewerOf(ctx);
  const item = { area: row.contract.area, createdByClient: row.contract.createdByClient };
  if (!maySee(viewer, contact, item)) throw missing();
  return {
    contact,
    contract: row.contract,
    createdByName: row.createdFirst ? `${row.createdFirst} ${row.createdLast}` : null,
    updatedByName: row.updatedFirst ? `${row.updatedFirst} ${row.updatedLast}` : null,
    mayChange: mayChange(viewer, contact, item),
    mayAddDocument: mayAddTo(viewer, contact, row.contract.area),
  };
}
