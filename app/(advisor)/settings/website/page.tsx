import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EmbedSettings } from '@/components/settings/embed-settings';
import { Card, PageHeader } from '@/components/ui/card';
import { canManageUsers } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';
import { tenantBaseUrl } from '@/lib/tenant/lookup';

export const metadata: Metadata = { title: 'Auf Ihrer Website einbinden' };

export default async function EmbedSettingsPage() {
  const { tenant, user } = await requireAdvisor();
  if (!canManageUsers(user)) notFound();
  return (
    <>
      <Link href="/settings" className="text-sm font-medium text-primary hover:underline">
        ← EINSTELLUNGEN
      </Link>
      <PageHeader title="Auf Ihrer Website einbinden" subtitle="So finden Ihre Kunden den Weg von Ihrer Website in ihren digitalen Ordner." />
      <Card>
        <EmbedSettings base={tenantBaseUrl(tenant)} origins={tenant.frameAncestors} primary={tenant.primaryColor} />
      </Card>
    </>
  );
}
