import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProvidersSettings } from '@/components/settings/providers-settings';
import { Card, PageHeader } from '@/components/ui/card';
import { canManageUsers } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';
import { ownProvidersOf, shippedProviderCounts } from '@/lib/contracts/read';

export const metadata: Metadata = { title: 'ANBIETER' };

export default async function ProvidersPage() {
  const { tenant, user } = await requireAdvisor();
  if (!canManageUsers(user)) notFound();
  const [own, shipped] = await Promise.all([ownProvidersOf(tenant.id), shippedProviderCounts()]);
  return (
    <>
      <Link href="/settings" className="text-sm font-medium text-primary hover:underline">
        ← EINSTELLUNGEN
      </Link>
      <PageHeader title="ANBIETER" subtitle="Fehlt ein Versicherer oder Anbieter in der Auswahl? Ergänzen Sie ihn hier für Ihr ganzes Team." />
      <Card className="max-w-4xl">
        <ProvidersSettings own={own} shipped={shipped} />
      </Card>
    </>
  );
}
