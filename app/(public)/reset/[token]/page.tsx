import type { Metadata } from 'next';
import { LinkPage } from '@/components/auth/link-page';
import { inspectLink } from '@/lib/auth/read';
import { requireTenant } from '@/lib/tenant/request';

export const metadata: Metadata = { title: 'Neues Passwort', referrer: 'no-referrer' };

export default async function ResetLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const tenant = await requireTenant();
  const { token } = await params;
  return <LinkPage tenant={tenant} token={token} info={await inspectLink(tenant.id, token)} purpose="reset" />;
}
