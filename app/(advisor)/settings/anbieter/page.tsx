import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ProvidersSettings } from '@/components/settings/providers-settings';
import { Card, PageHeader } from '@/components/ui/card';
import { canManageSettings } from '@/lib/access/employee';
import { ownProviders, shippedCounts } from '@/lib/contracts/catalog';
import { advisorCtx } from '@/lib/request/ctx';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contracts.providersPage'))('title') };
}

export default async function ProvidersPage() {
  const ctx = await advisorCtx();
  if (!canManageSettings(ctx.actor)) notFound();
  const t = await getTranslations('contracts.providersPage');
  const [own, shipped] = await Promise.all([ownProviders(ctx), shippedCounts(ctx)]);
  return (
    <ClientMessages pick={['contracts', 'settings']}>
      <>
        <Link href="/settings" className="text-sm font-medium text-primary hover:underline">
          {t('back')}
        </Link>
        <PageHeader title={t('title')} subtitle={t('subtitle')} />
        <Card className="max-w-4xl">
          <ProvidersSettings own={own} shipped={shipped} />
        </Card>
      </>
    </ClientMessages>
  );
}
