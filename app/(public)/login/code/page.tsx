import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PublicCard } from '@/components/auth/public-card';
import { ClientMessages } from '@/components/i18n/client-messages';
import { PasskeySignIn } from '@/components/passkeys/passkey-sign-in';
import { readPendingCookie } from '@/lib/auth/factors/pending-cookie';
import { pendingAccount } from '@/lib/auth/factors/second-step';
import { factorSummary } from '@/lib/auth/factors/store';
import { publicCtx } from '@/lib/request/ctx';
import { logoUrl } from '@/lib/tenant/branding';
import { CodeForm } from './code-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signin.code'))('title') };
}

/** Login step two: the password was right; the code of the authenticator app (or a recovery code). */
export default async function LoginCodePage() {
  const ctx = await publicCtx();
  const { tenant } = ctx;
  const pending = await readPendingCookie();
  if (!pending) redirect('/login');
  const account = await pendingAccount(ctx.db, tenant.id, pending);
  const factors = account ? await factorSummary(ctx.db, tenant.id, account.id) : null;
  const withPasskey = (factors?.passkeys ?? 0) > 0;
  // A passkey alone (no authenticator app, hence no recovery codes): only the passkey step.
  const withCode = !withPasskey || Boolean(factors?.totp);
  const t = await getTranslations('signin.code');
  const ts = await getTranslations('signin.passkey');
  return (
    <ClientMessages pick={['signin', 'account']}>
      <PublicCard
        tenantName={tenant.name}
        logoUrl={logoUrl(tenant)}
        title={t('title')}
        intro={withCode ? t('intro') : t('introPasskey')}
      >
        {withCode ? <CodeForm /> : null}
        {withCode && withPasskey ? <p className="my-4 text-center text-sm text-gray-600">{ts('or')}</p> : null}
        {withPasskey ? <PasskeySignIn mode="second" /> : null}
        <p className="mt-6 text-center text-sm">
          <Link href="/login" className="font-medium text-primary hover:underline">
            {t('back')}
          </Link>
        </p>
      </PublicCard>
    </ClientMessages>
  );
}
