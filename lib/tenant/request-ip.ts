/**
 * The caller's address for throttling: the right-most X-Forwarded-For entry, i.e. the one appended by
 * the nearest proxy (Next itself fills the header from the socket when it is absent). Behind the
 * recommended reverse proxy this cannot be spoofed; README says so.
 */
export function clientIp(h: Headers): string {
  const parts = (h.get('x-forwarded-for') ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  return parts.at(-1) ?? 'unknown';
}
