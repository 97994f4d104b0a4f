import type { Metadata } from 'next';
import { PortalHome } from '@/components/portal/portal-home';
import { PageHeader } from '@/components/ui/card';
import { clientContext } from '@/lib/portal/context';

export const metadata: Metadata = { title: 'Mein Ordner' };

export default async function PortalPage() {
  const { actor, grants } = await clientContext();
  return (
    <>
      <PageHeader title={`Hallo ${actor.user.firstName}`} subtitle={`Ihr digitaler Ordner bei ${actor.tenant.name}`} />
      <PortalHome grants={grants} tenantName={actor.tenant.name} base="/portal" />
    </>
  );
}
