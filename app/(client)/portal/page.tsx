import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PortalHome } from '@/components/portal/portal-home';
import { PageHeader } from '@/components/ui/card';
import { clientContext } from '@/lib/portal/context';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('portal'))('metaTitle') };
}

export default async function PortalPage() {
  const { ctx, grants } = await clientContext();
  const t = await getTranslations('portal');
  return (
    <>
      <PageHeader
        title={t('greeting', { name: ctx.actor.firstName })}
        subtitle={t('subtitle', { tenant: ctx.tenant.name })}
      />
      <PortalHome grants={grants} tenantName={ctx.tenant.name} base="/portal" />
    </>
  );
}
