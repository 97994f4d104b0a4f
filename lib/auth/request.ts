import 'server-only';
import { headers } from 'next/headers';
import { clientIp } from '../tenant/request-ip';
import type { ClientInfo } from './login';

/** The caller of this request: the address the server script resolved (scripts/server.ts) and the browser. */
export async function requestClient(): Promise<ClientInfo> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get('user-agent') };
}

/**
 * Adapts a verb that needs the caller's address (throttling, audit) to the action builder's `run(ctx, input)`:
 * the verb stays testable with any address, the action passes the request's.
 */
export function withClient<C, I extends Partial<ClientInfo>, T>(
  verb: (ctx: C, input: I) => Promise<T>,
): (ctx: C, input: Omit<I, keyof ClientInfo>) => Promise<T> {
  return async (ctx, input) => verb(ctx, { ...input, ...(await requestClient()) } as unknown as I);
}
