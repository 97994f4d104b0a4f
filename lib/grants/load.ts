import { canViewContacts } from '../access/employee';
import { type Grants } from '../access/freigaben';
import { requireRight } from '../access/require';
import { loadGrants } from '../access/viewer';
import type { Ctx } from '../ctx';

export { loadGrants };

/**
 * A contact's FREIGABEN. A client reads only their own; employees need the contacts right (the page has
 * loaded the contact through its scope-checked read before).
 */
export async function grantsOf(ctx: Ctx, contactId: string): Promise<Grants> {
  const { actor } = ctx;
  requireRight(actor.kind === 'client' ? actor.id === contactId : canViewContacts(actor));
  return loadGrants(ctx.db, ctx.tenant.id, contactId);
}
