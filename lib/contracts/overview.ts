import { and, eq, inArray } from 'drizzle-orm';
import { maySee, maySeeArea } from '../access/folder';
import { viewerOf } from '../access/viewer';
import { contactFacts } from '../contacts/facts';
import type { Ctx } from '../ctx';
import { contracts, folderAreas, users, type FolderArea } from '../db/schema';
import { DomainError } from '../errors';
import { areaConfig } from './areas';
import { annualOf } from './rules';

export interface AreaSummary {
  area: FolderArea;
  count: number;
  annualCents: number;
}

/**
 * The contact through the scope rule. A contact of this tenant outside the employee's scope (or an
 * employee without rights) has an empty folder, as every area is hidden; other ids are `not_found`.
 */
async function reachable(ctx: Ctx, contactId: string) {
  try {
    return await contactFacts(ctx, contactId);
  } catch (error) {
    if (ctx.actor.kind !== 'employee' || !(error instanceof DomainError)) throw error;
    const [row] = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'client'), eq(users.id, contactId)))
      .limit(1);
    if (!row) throw error;
    return null;
  }
}

/** The folder areas of a contact the viewer may see, with the number of visible contracts and the annual premium. */
export async function folderOverview(
  ctx: Ctx,
  { contactId }: { contactId: string },
): Promise<{ areas: AreaSummary[]; totalAnnualCents: number }> {
  const contact = await reachable(ctx, contactId);
  if (!contact) return { areas: [], totalAnnualCents: 0 };
  const viewer = await viewerOf(ctx);
  const visibleAreas = folderAreas.filter((a) => maySeeArea(viewer, contact, a));
  if (visibleAreas.length === 0) return { areas: [], totalAnnualCents: 0 };
  const rows = await ctx.db
    .select({
      area: contracts.area,
      createdByClient: contracts.createdByClient,
      status: contracts.status,
      frequency: contracts.frequency,
      premiumCents: contracts.premiumCents,
    })
    .from(contracts)
    .where(
      and(
        eq(contracts.tenantId, ctx.tenant.id),
        eq(contracts.contactId, contactId),
        inArray(contracts.area, visibleAreas),
      ),
    );
  const seen = rows.filter((r) => maySee(viewer, contact, { area: r.area, createdByClient: r.createdByClient }));
  const areas = visibleAreas.map((area) => {
    const inArea = seen.filter((r) => r.area === area);
    return { area, count: inArea.length, annualCents: areaConfig[area].premiums ? annualOf(inArea) : 0 };
  });
  return { areas, totalAnnualCents: areas.reduce((s, a) => s + a.annualCents, 0) };
}
