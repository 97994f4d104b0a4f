import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EmbedSettings } from '@/components/settings/embed-settings';
import { Card, PageHeader } from '@/components/ui/card';
import { canManageSettings } from '@/lib/access/employee';
import { advisorCtx } from '@/lib/request/ctx';
import { tenantBaseUrl } from '@/lib/tenant/lookup';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings.embed'))('title') };
}

export default async function EmbedSettingsPage() {
  const { tenant, actor } = await advisorCtx();
  if (!canManageSettings(actor)) notFound();
  const t = await getTranslations('settings');
  return (
    <ClientMessages pick={['settings']}>
      <>
        <Link href="/settings" className="text-sm font-medium text-primary hover:underline">
          {t('backToSettings')}
        </Link>
        <PageHeader title={t('embed.title')} subtitle={t('embed.subtitle')} />
        <Card>
          <EmbedSettings base={tenantBaseUrl(tenant)} origins={tenant.frameAncestors} primary={tenant.primaryColor} />
        </Card>
      </>
    </ClientMessages>
  );
}
