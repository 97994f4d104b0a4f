import type { Metadata } from 'next';
import { LinkPage } from '@/components/auth/link-page';
import { inspectLink } from '@/lib/auth/read';
import { requireTenant } from '@/lib/tenant/request';

export const metadata: Metadata = { title: 'Passwort vergeben', referrer: 'no-referrer' };

/** Opening the link (GET) only shows the form; the link is consumed by the final POST (R-A3). */
export default async function ActivatePage({ params }: { params: Promise<{ token: string }> }) {
  const tenant = await requireTenant();
  const { token } = await params;
  return <LinkPage tenant={tenant} token={token} info={await inspectLink(tenant.id, token)} purpose="invite" />;
}
