import { currentActor } from '@/lib/auth/current';
import { unreadFor } from '@/lib/tickets/read';

/** The KOMMUNIKATION badge, polled every 30 s by open pages. */
export async function GET() {
  const actor = await currentActor();
  if (!actor) return Response.json({ count: 0 }, { status: 401, headers: { 'cache-control': 'no-store' } });
  return Response.json({ count: await unreadFor(actor) }, { headers: { 'cache-control': 'no-store' } });
}
