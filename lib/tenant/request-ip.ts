import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The caller's address (throttling, sessions, audit). Route handlers and server actions cannot see the
 * socket, so the server script (scripts/server.ts) replaces X-Forwarded-For with the one resolved address
 * (`resolveClientIp`) before Next gets the request; this reads that address back.
 */
export function clientIp(h: Headers): string {
  const parts = (h.get('x-forwarded-for') ?? '').split(',');
  return normaliseIp(parts.at(-1)) ?? 'unknown';
}

/**
 * Without a trusted proxy: the socket address, whatever X-Forwarded-For says (clients can send any value).
 * Behind `hops` trusted proxies that each append their peer's address: the entry `hops` from the right, the one
 * our outermost proxy appended; entries left of it came from the client. A missing, short or garbled chain
 * falls back to the socket address.
 */
export function resolveClientIp(
  forwardedFor: string | string[] | undefined,
  remoteAddress: string | undefined,
  options: { trustProxy: boolean; hops: number },
): string {
  const socket = normaliseIp(remoteAddress) ?? 'unknown';
  if (!options.trustProxy) return socket;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',');
  if (entries.length < options.hops) return socket;
  return normaliseIp(entries[entries.length - options.hops]) ?? socket;
}

/** Overwrites the request's X-Forwarded-For with the resolved client address (before Next sees the request). */
export function normaliseForwardedFor(
  req: Pick<IncomingMessage, 'headers' | 'socket'>,
  options: { trustProxy: boolean; hops: number },
): void {
  req.headers['x-forwarded-for'] = resolveClientIp(req.headers['x-forwarded-for'], req.socket.remoteAddress, options);
}

/** A plain IPv4/IPv6 address (port, brackets and the IPv4-mapped prefix removed), or null. */
function normaliseIp(value: string | undefined): string | null {
  let v = (value ?? '').trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(v);
  if (bracketed) v = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(v)) v = v.slice(0, v.lastIndexOf(':'));
  if (/^::ffff:/i.test(v) && isIP(v.slice(7)) === 4) v = v.slice(7);
  return isIP(v) ? v.toLowerCase() : null;
}
