import 'server-only';
import { createPublicCtx } from '../ctx';
import { db } from '../db/client';
import { currentTenant } from '../tenant/request';
import { calendarFeed } from './feed';

const notFound = () => new Response(null, { status: 404, headers: { 'cache-control': 'no-store' } });

/**
 * The iCal feed for `GET /api/calendar/<token>`. The tenant comes from the host; a wrong, revoked or other
 * tenant's token is 404, the same answer as an unknown host, so nothing is revealed.
 */
export async function calendarResponse(token: string): Promise<Response> {
  const tenant = await currentTenant();
  if (!tenant) return notFound();
  const body = await calendarFeed(createPublicCtx(db(), tenant), { token });
  if (body == null) return notFound();
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="fristen.ics"',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
  });
}
