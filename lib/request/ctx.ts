import 'server-only';
import { getLocale } from 'next-intl/server';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { currentActor, requireAdvisor, requireClient, type SignedIn } from '../auth/current';
import { createCtx, createPublicCtx, type Ctx, type PublicCtx } from '../ctx';
import { db } from '../db/client';
import { currentTenant } from '../tenant/request';

/** The id proxy.ts gave this request (a fresh one where the proxy did not run, e.g. in tests). */
export const requestId = cache(
  async (): Promise<string> => (await headers()).get('x-mappe-request-id') ?? crypto.randomUUID(),
);

function ctxOf(signedIn: SignedIn, id: string): Ctx {
  return createCtx(db(), signedIn.tenant, signedIn.user, { requestId: id, sessionId: signedIn.sessionId });
}

/**
 * Page loaders: the context of this request, built once (React cache) from the host's tenant and the
 * session checked in PostgreSQL. Pages and route handlers pass it to reads: `listTickets(await advisorCtx(), …)`.
 */
export const advisorCtx = cache(async (): Promise<Ctx> => ctxOf(await requireAdvisor(), await requestId()));
export const clientCtx = cache(async (): Promise<Ctx> => ctxOf(await requireClient(), await requestId()));

/**
 * The pages of "Mein Zugang" that set up a second factor: any signed-in account, also an employee who may
 * not do anything else before (lib/access/factors.ts). To the login page otherwise.
 */
export const factorSetupCtx = cache(async (kind: 'employee' | 'client'): Promise<Ctx> =>
  ctxOf(kind === 'employee' ? await requireAdvisor({ factorSetup: true }) : await requireClient(), await requestId()),
);

/**
 * Any signed-in account, or null (route handlers answer 401/404 themselves); also null for an employee who
 * still has to set up the second factor the tenant requires.
 */
export const sessionCtx = cache(async (): Promise<Ctx | null> => {
  const signedIn = await currentActor();
  return signedIn && !signedIn.factorSetupPending ? ctxOf(signedIn, await requestId()) : null;
});

/** Public pages: the host's tenant (404 for unknown hosts), nobody signed in. */
export const publicCtx = cache(async (): Promise<PublicCtx> => {
  const tenant = await currentTenant();
  if (!tenant) notFound();
  return createPublicCtx(db(), tenant, { requestId: await requestId(), locale: await getLocale() });
});
