import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { rightsOf, type ClientModule, type ClientRights, type Grants } from '../access/freigaben';
import { requireClient, type Actor } from '../auth/current';
import { db } from '../db/client';
import { loadGrants } from '../grants';

/** The signed-in client and their FREIGABEN, read fresh on every request (changes apply at once). */
export const clientContext = cache(async (): Promise<{ actor: Actor; grants: Grants }> => {
  const actor = await requireClient();
  return { actor, grants: await loadGrants(db(), actor.tenant.id, actor.user.id) };
});

/** For a portal page of one module: 404 unless the module is visible to this client (deny by default). */
export async function requireModule(module: ClientModule): Promise<{ actor: Actor; grants: Grants; rights: ClientRights }> {
  const ctx = await clientContext();
  const rights = rightsOf(ctx.grants, module);
  if (!rights.visible) notFound();
  return { ...ctx, rights };
}
