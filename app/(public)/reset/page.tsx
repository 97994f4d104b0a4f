import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PublicCard } from '@/components/auth/public-card';
import { ResetRequestForm } from '@/components/auth/reset-request-form';
import { publicCtx } from '@/lib/request/ctx';
import { logoUrl } from '@/lib/tenant/branding';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.reset'))('metaTitle') };
}

export default async function ResetPage() {
  const { tenant } = await publicCtx();
  const t = await getTranslations('auth.reset');
  const tc = await getTranslations('common');
  return (
    <ClientMessages pick={['auth']}>
      <PublicCard tenantName={tenant.name} logoUrl={logoUrl(tenant)} title={t('title')} intro={t('intro')}>
        <ResetRequestForm />
        <p className="mt-6 text-center text-sm">
          <Link href="/login" className="font-medium text-primary hover:underline">
            {tc('backToLogin')}
          </Link>
        </p>
      </PublicCard>
    </ClientMessages>
  );
}
