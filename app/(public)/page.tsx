import { redirect } from 'next/navigation';
import { currentActor, homePathFor } from '@/lib/auth/current';
import { publicCtx } from '@/lib/request/ctx';

/** The tenant's root address: signed-in users go to their area, everyone else to the login page. */
export default async function TenantRoot() {
  await publicCtx();
  const actor = await currentActor();
  redirect(actor ? homePathFor(actor.user) : '/login');
}
