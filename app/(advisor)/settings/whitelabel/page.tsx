import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ColorsForm } from '@/components/settings/colors-form';
import { Card, PageHeader } from '@/components/ui/card';
import { canManageUsers } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';

export const metadata: Metadata = { title: 'WHITELABEL' };

export default async function WhitelabelPage() {
  const { tenant, user } = await requireAdvisor();
  if (!canManageUsers(user)) notFound();
  return (
    <>
      <Link href="/settings" className="text-sm font-medium text-primary hover:underline">
        ← EINSTELLUNGEN
      </Link>
      <PageHeader title="WHITELABEL" subtitle="Die Farben Ihres Portals, Ihrer Login-Seite und Ihrer E-Mails." />
      <Card>
        <ColorsForm tenantName={tenant.name} initial={{ primary: tenant.primaryColor, secondary: tenant.secondaryColor, font: tenant.fontColor }} />
      </Card>
    </>
  );
}
