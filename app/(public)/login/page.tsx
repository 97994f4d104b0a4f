import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { LockIcon } from '@/components/ui/icons';
import { TenantMark } from '@/components/ui/tenant-mark';
import { logoUrl } from '@/lib/tenant/branding';
import { currentActor, homePathFor } from '@/lib/auth/current';
import { publicCtx } from '@/lib/request/ctx';
import { ClientMessages } from '@/components/i18n/client-messages';
import { PasskeySignIn } from '@/components/passkeys/passkey-sign-in';
import { LoginForm } from './login-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('login');
  return { title: t('title') };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant } = await publicCtx();
  const actor = await currentActor();
  if (actor) redirect(homePathFor(actor.user));
  const t = await getTranslations('login');
  const tc = await getTranslations('common');
  const ts = await getTranslations('signin.passkey');
  const params = await searchParams;

  return (
    <div className="flex min-h-dvh flex-col lg:flex-row">
      <aside className="relative overflow-hidden bg-primary px-6 pb-10 pt-8 text-on-primary lg:flex lg:w-[44%] lg:flex-col lg:justify-between lg:px-14 lg:py-14">
        <div
          className="pointer-events-none absolute -right-24 -top-24 h-72 w-72 rounded-full bg-secondary opacity-20 blur-2xl"
          aria-hidden="true"
        />
        <div
          className="pointer-events-none absolute -bottom-28 -left-20 h-80 w-80 rounded-full bg-white opacity-10"
          aria-hidden="true"
        />
        <div className="relative flex items-center gap-3">
          <TenantMark name={tenant.name} logoUrl={logoUrl(tenant)} className="bg-white/15 ring-1 ring-white/30" />
          <span className="text-lg font-semibold">{tenant.name}</span>
        </div>
        <div className="relative mt-8 max-w-md lg:mt-0">
          <h1 className="text-3xl font-bold leading-tight sm:text-4xl">{t('welcome', { tenant: tenant.name })}</h1>
          <p className="mt-4 text-base leading-relaxed sm:text-lg">{t('intro')}</p>
        </div>
        <p className="relative mt-8 hidden items-center gap-2 text-sm lg:flex">
          <LockIcon width={18} height={18} /> {t('secure')}
        </p>
      </aside>

      <main className="flex flex-1 items-start justify-center px-5 py-8 sm:items-center sm:px-8 lg:py-14">
        <div className="w-full max-w-sm">
          <h2 className="text-2xl font-bold text-ink">{t('title')}</h2>
          {params.abgemeldet ? (
            <Alert tone="success" className="mt-4">
              {t('loggedOut')}
            </Alert>
          ) : null}
          <LoginForm
            labels={{ login: t('login'), password: t('password'), submit: t('submit'), submitting: t('submitting') }}
          />
          <p className="my-4 text-center text-sm text-gray-600">{ts('or')}</p>
          <ClientMessages pick={['signin', 'account']}>
            <PasskeySignIn mode="login" />
          </ClientMessages>
          <p className="mt-6 flex flex-wrap justify-between gap-2 text-sm">
            <Link href="/reset" className="font-medium text-primary hover:underline">
              {t('forgot')}
            </Link>
            <Link href="/anfrage" className="font-medium text-primary hover:underline">
              {tc('becomeClient')}
            </Link>
          </p>
          <footer className="mt-10 flex items-center justify-between border-t border-gray-200 pt-4 text-xs text-gray-600">
            <span>{tc('poweredBy', { tenant: tenant.name })}</span>
            <a href="/impressum" className="font-medium text-gray-600 hover:text-primary hover:underline">
              {tc('impressum')}
            </a>
          </footer>
        </div>
      </main>
    </div>
  );
}
