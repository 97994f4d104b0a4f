import { createPublicCtx } from '@/lib/ctx';
import { calendarFeed } from '@/lib/calendar/feed';
import { db } from '@/lib/db/client';
import { currentTenant } from '@/lib/tenant/request';

export const dynamic = 'force-dynamic';

/**
 * An employee's personal iCal feed (issue 15). The tenant comes from the host; a wrong, revoked or other
 * tenant's token is 404, the same answer as an unknown host, so nothing is revealed.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const tenant = await currentTenant();
  if (!tenant) return new Response(null, { status: 404 });
  const body = await calendarFeed(createPublicCtx(db(), tenant), { token: (await params).token });
  if (body == null) return new Response(null, { status: 404, headers: { 'cache-control': 'no-store' } });
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
