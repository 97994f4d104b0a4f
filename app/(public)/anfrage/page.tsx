import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PublicCard } from '@/components/auth/public-card';
import { LeadForm } from '@/components/leads/lead-form';
import { serverEnv } from '@/lib/env';
import { leadFormToken, leadTopics } from '@/lib/leads';
import { publicCtx } from '@/lib/request/ctx';
import { logoUrl } from '@/lib/tenant/branding';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('leads.page'))('metaTitle') };
}

/** NEUKUNDENGEWINNUNG: the public contact form of the tenant. */
export default async function LeadPage() {
  const { tenant } = await publicCtx();
  const t = await getTranslations('leads.page');
  return (
    <ClientMessages pick={['leads']}>
      <PublicCard
        tenantName={tenant.name}
        logoUrl={logoUrl(tenant)}
        title={t('title')}
        intro={t('intro', { tenant: tenant.name })}
      >
        <LeadForm token={leadFormToken(serverEnv().AUTH_SECRET)} topics={leadTopics} tenantName={tenant.name} />
        <p className="mt-6 text-center text-sm">
          <Link href="/login" className="font-medium text-primary hover:underline">
            {t('alreadyClient')}
          </Link>
        </p>
      </PublicCard>
    </ClientMessages>
  );
}
