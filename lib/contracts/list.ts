import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { mayAddTo, mayChange, maySee, maySeeArea, type ContactFacts } from '../access/folder';
import { viewerOf } from '../access/viewer';
import { contactFacts } from '../contacts/facts';
import type { Ctx } from '../ctx';
import { contracts, documents, users, type Contract, type FolderArea } from '../db/schema';
import { areaConfig } from './areas';
import { annualOf, missing } from './rules';

export const creator = alias(users, 'creator');
export const updater = alias(users, 'updater');

/** The columns a folder area's list shows (a contract has 35; the list reads 9 of them for hundreds of rows). */
const listColumns = {
  id: contracts.id,
  product: contracts.product,
  provider: contracts.provider,
  title: contracts.title,
  number: contracts.number,
  status: contracts.status,
  frequency: contracts.frequency,
  premiumCents: contracts.premiumCents,
  createdByClient: contracts.createdByClient,
};

export type ContractListItem = Pick<Contract, keyof typeof listColumns> & {
  createdByName: string | null;
  documentCount: number;
  mayChange: boolean;
};

export interface AreaList {
  contact: ContactFacts & { firstName: string; lastName: string };
  items: ContractListItem[];
  annualCents: number;
  mayAdd: boolean;
}

/** One area of a contact's folder: the visible contracts (with who created them) and what the viewer may do. */
export async function listArea(
  ctx: Ctx,
  { contactId, area }: { contactId: string; area: FolderArea },
): Promise<AreaList> {
  const tenantId = ctx.tenant.id;
  const contact = await contactFacts(ctx, contactId);
  const viewer = await viewerOf(ctx);
  if (!maySeeArea(viewer, contact, area)) throw missing();
  const rows = await ctx.db
    .select({ ...listColumns, createdFirst: creator.firstName, createdLast: creator.lastName })
    .from(contracts)
    .leftJoin(creator, and(eq(creator.tenantId, contracts.tenantId), eq(creator.id, contracts.createdBy)))
    .where(and(eq(contracts.tenantId, tenantId), eq(contracts.contactId, contactId), eq(contracts.area, area)))
    .orderBy(asc(contracts.product), asc(contracts.provider), asc(contracts.createdAt));
  // Documents per contract, counted as the viewer sees them (a client may not see the advisor's).
  const docRows = await ctx.db
    .select({ contractId: documents.contractId, area: documents.area, createdByClient: documents.createdByClient })
    .from(documents)
    .where(
      and(
        eq(documents.tenantId, tenantId),
        eq(documents.contactId, contactId),
        eq(documents.area, area),
        sql`${documents.contractId} is not null`,
      ),
    );
  const docCount = new Map<string, number>();
  for (const d of docRows)
    if (maySee(viewer, contact, { area: d.area, createdByClient: d.createdByClient }))
      docCount.set(d.contractId!, (docCount.get(d.contractId!) ?? 0) + 1);
  const items: ContractListItem[] = [];
  for (const { createdFirst, createdLast, ...c } of rows)
    if (maySee(viewer, contact, { area, createdByClient: c.createdByClient }))
      items.push({
        ...c,
        createdByName: createdFirst ? `${createdFirst} ${createdLast}` : null,
        documentCount: docCount.get(c.id) ?? 0,
        mayChange: mayChange(viewer, contact, { area, createdByClient: c.createdByClient }),
      });
  return {
    contact,
    items,
    annualCents: areaConfig[area].premiums ? annualOf(items) : 0,
    mayAdd: mayAddTo(viewer, contact, area),
  };
}
