import { and, eq } from 'drizzle-orm';
import { canViewContacts } from '../access/employee';
import { requireRight } from '../access/require';
import { emptyGrants, type Grants } from '../access/freigaben';
import type { Ctx } from '../ctx';
import type { Tx } from '../db/client';
import { clientGrants } from '../db/schema';

/**
 * The stored switches of one contact. Internal building block for verbs that have already decided the
 * actor may reach this contact; pages and other callers use `grantsOf(ctx, …)`.
 */
export async function loadGrants(tx: Tx, tenantId: string, contactId: string): Promise<Grants> {
  const rows = await tx
    .select({ module: clientGrants.module, activation: clientGrants.activation, dataRelease: clientGrants.dataRelease, readOnly: clientGrants.readOnly })
    .from(clientGrants)
    .where(and(eq(clientGrants.tenantId, tenantId), eq(clientGrants.userId, contactId)));
  const grants = emptyGrants();
  for (const r of rows) grants[r.module] = { activation: r.activation, dataRelease: r.dataRelease, readOnly: r.readOnly };
  return grants;
}

/**
 * A contact's FREIGABEN (modules without a row: nothing granted). A client reads only their own; employees
 * need the contacts right (the page has loaded the contact through its scope-checked read before).
 */
export async function grantsOf(ctx: Ctx, contactId: string): Promise<Grants> {
  const { actor } = ctx;
  requireRight(actor.kind === 'client' ? actor.id === contactId : canViewContacts(actor));
  return loadGrants(ctx.db, ctx.tenant.id, contactId);
}
