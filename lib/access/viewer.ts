import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../ctx';
import type { Tx } from '../db/client';
import { clientGrants } from '../db/schema';
import type { Viewer } from './folder';
import { emptyGrants, type Grants } from './freigaben';

/**
 * The stored FREIGABEN switches of one contact (modules without a row: nothing granted). Internal building
 * block of lib/access and of verbs that have already decided the actor may reach this contact; pages use
 * `grantsOf(ctx, …)` from lib/grants.
 */
export async function loadGrants(tx: Tx, tenantId: string, contactId: string): Promise<Grants> {
  const rows = await tx
    .select({
      module: clientGrants.module,
      activation: clientGrants.activation,
      dataRelease: clientGrants.dataRelease,
      readOnly: clientGrants.readOnly,
    })
    .from(clientGrants)
    .where(and(eq(clientGrants.tenantId, tenantId), eq(clientGrants.userId, contactId)));
  const grants = emptyGrants();
  for (const r of rows)
    grants[r.module] = { activation: r.activation, dataRelease: r.dataRelease, readOnly: r.readOnly };
  return grants;
}

/**
 * The viewer as the folder and ticket rules need it: employees as they are, clients with their FREIGABEN
 * read now (a change applies on the next request). Once per request is enough: pass the result on.
 */
export async function viewerOf(ctx: Ctx): Promise<Viewer> {
  const { actor } = ctx;
  if (actor.kind === 'client')
    return { kind: 'client', clientId: actor.id, grants: await loadGrants(ctx.db, ctx.tenant.id, actor.id) };
  return { kind: 'employee', employee: actor };
}
