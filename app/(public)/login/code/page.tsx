import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PublicCard } from '@/components/auth/public-card';
import { ClientMessages } from '@/components/i18n/client-messages';
import { readPendingCookie } from '@/lib/auth/factors/pending-cookie';
import { publicCtx } from '@/lib/request/ctx';
import { logoUrl } from '@/lib/tenant/branding';
import { CodeForm } from './code-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signin.code'))('title') };
}

/** Login step two: the password was right; the code of the authenticator app (or a recovery code). */
export default async function LoginCodePage() {
  const { tenant } = await publicCtx();
  if (!(await readPendingCookie())) redirect('/login');
  const t = await getTranslations('signin.code');
  return (
    <ClientMessages pick={['signin']}>
      <PublicCard tenantName={tenant.name} logoUrl={logoUrl(tenant)} title={t('title')} intro={t('intro')}>
        <CodeForm />
        <p className="mt-6 text-center text-sm">
          <Link href="/login" className="font-medium text-primary hover:underline">
            {t('back')}
          </Link>
        </p>
      </PublicCard>
    </ClientMessages>
  );
}
