import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { rightsOf, type ClientModule, type ClientRights, type Grants } from '../access/freigaben';
import type { SignedIn } from '../auth/current';
import type { Ctx } from '../ctx';
import { grantsOf } from '../grants/load';
import { clientCtx } from '../request/ctx';

export interface ClientContext {
  ctx: Ctx;
  /** The client's FREIGABEN, read fresh on every request (a change applies on the next page load). */
  grants: Grants;
  /** @deprecated the old shape for pages not yet on `ctx`: tenant, user and session of `ctx`. */
  actor: SignedIn;
}

/** The signed-in client (else to the login page) and their FREIGABEN, once per request. */
export const clientContext = cache(async (): Promise<ClientContext> => {
  const ctx = await clientCtx();
  const grants = await grantsOf(ctx, ctx.actor.id);
  return {
    ctx,
    grants,
    actor: { tenant: ctx.tenant, user: ctx.actor, sessionId: ctx.sessionId ?? '', factorSetupPending: false },
  };
});

/** For a portal page of one module: 404 unless the module is visible to this client (deny by default). */
export async function requireModule(module: ClientModule): Promise<ClientContext & { rights: ClientRights }> {
  const context = await clientContext();
  const rights = rightsOf(context.grants, module);
  if (!rights.visible) notFound();
  return { ...context, rights };
}
