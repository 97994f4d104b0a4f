import 'server-only';
import { headers } from 'next/headers';
import type { Tenant } from '../../db/schema';
import { env } from '../../env';
import { DomainError } from '../../errors';
import { requestHost } from '../../tenant/request';
import { relyingParty, type RelyingParty } from './rp';

/** The relying party of this request: the host that named the tenant (never input), with the app's scheme. */
export function relyingPartyOf(h: Pick<Headers, 'get'>, tenant: Pick<Tenant, 'name'>): RelyingParty {
  const rp = relyingParty(requestHost(h as Headers), env().APP_URL_SCHEME, tenant.name);
  if (!rp) throw new DomainError('invalid', 'account.passkey.failed');
  return rp;
}

/**
 * Adapts a passkey verb (which takes the relying party, so tests can name any host) to the action builder's
 * `run(ctx, input)`: the action passes the request's host.
 */
export function withRelyingParty<C extends { tenant: Pick<Tenant, 'name'> }, I extends { rp: RelyingParty }, T>(
  verb: (ctx: C, input: I) => Promise<T>,
): (ctx: C, input: Omit<I, 'rp'>) => Promise<T> {
  return async (ctx, input) => verb(ctx, { ...input, rp: relyingPartyOf(await headers(), ctx.tenant) } as I);
}
