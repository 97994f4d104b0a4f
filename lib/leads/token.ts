import { createHmac, timingSafeEqual } from 'node:crypto';

/** Bots: a hidden field, a minimum fill time (signed start time) and at most 5 requests per IP and hour. */
export const leadPolicy = { minFillMs: 3_000, maxAgeMs: 2 * 60 * 60 * 1000, perIpPerHour: 5 } as const;

function sign(secret: string, value: string): string {
  return createHmac('sha256', secret).update(`lead:${value}`).digest('base64url');
}

/** The form's start time, signed so a bot cannot backdate it. */
export function leadFormToken(secret: string, now = Date.now()): string {
  return `${now}.${sign(secret, String(now))}`;
}

export function checkLeadToken(token: string, secret: string, now = Date.now()): 'ok' | 'too-fast' | 'invalid' {
  const [ts, mac] = token.split('.');
  if (!ts || !mac || !/^\d{10,16}$/.test(ts)) return 'invalid';
  const expected = Buffer.from(sign(secret, ts));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const age = now - Number(ts);
  if (age < leadPolicy.minFillMs) return 'too-fast';
  if (age > leadPolicy.maxAgeMs) return 'invalid';
  return 'ok';
}
