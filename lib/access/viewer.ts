import type { Ctx } from '../ctx';
import { loadGrants } from '../grants/load';
import type { Viewer } from './folder';

/**
 * The viewer as the folder and ticket rules need it: employees as they are, clients with their FREIGABEN
 * read now (a change applies on the next request). Once per request is enough: pass the result on.
 */
export async function viewerOf(ctx: Ctx): Promise<Viewer> {
  const { actor } = ctx;
  if (actor.kind === 'client') return { kind: 'client', clientId: actor.id, grants: await loadGrants(ctx.db, ctx.tenant.id, actor.id) };
  return { kind: 'employee', employee: actor };
}
