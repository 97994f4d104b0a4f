import { redirect } from 'next/navigation';
import { currentActor, homePathFor } from '@/lib/auth/current';
import { requireTenant } from '@/lib/tenant/request';

/** The tenant's root address: signed-in users go to their area, everyone else to the login page. */
export default async function TenantRoot() {
  await requireTenant();
  const actor = await currentActor();
  redirect(actor ? homePathFor(actor.user) : '/login');
}
