import { sessionCtx } from '@/lib/request/ctx';
import { unreadCount } from '@/lib/tickets/list';

/** The KOMMUNIKATION badge, polled every 30 s by open pages. */
export async function GET() {
  const ctx = await sessionCtx();
  if (!ctx) return Response.json({ count: 0 }, { status: 401, headers: { 'cache-control': 'no-store' } });
  return Response.json({ count: await unreadCount(ctx) }, { headers: { 'cache-control': 'no-store' } });
}
