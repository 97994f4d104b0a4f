import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TenantMark } from '@/components/ui/tenant-mark';
import { publicCtx } from '@/lib/request/ctx';
import { logoUrl } from '@/lib/tenant/branding';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.embed'))('metaTitle') };
}

/**
 * The card brokers embed on their website (iframe). Login itself always opens in a new tab: browsers
 * block cookies inside third-party iframes, and a first-party tab keeps the session cookie safe.
 */
export default async function EmbedPage() {
  const { tenant } = await publicCtx();
  const t = await getTranslations('auth.embed');
  const tc = await getTranslations('common');
  return (
    <main className="flex min-h-dvh items-center justify-center bg-transparent p-3">
      <div className="w-full max-w-sm rounded-2xl bg-white p-5 shadow-sm ring-1 ring-black/10">
        <div className="flex items-center gap-3">
          <TenantMark name={tenant.name} logoUrl={logoUrl(tenant)} size="sm" />
          {logoUrl(tenant) ? null : <span className="font-semibold text-ink">{tenant.name}</span>}
        </div>
        <p className="mt-3 text-sm leading-relaxed text-gray-600">{t('intro')}</p>
        <a
          href="/login"
          target="_blank"
          rel="noopener"
          className="mt-4 flex h-11 items-center justify-center rounded-lg bg-primary text-sm font-semibold tracking-wide text-on-primary hover:bg-primary-strong"
        >
          {t('open')}
        </a>
        <a
          href="/anfrage"
          target="_blank"
          rel="noopener"
          className="mt-3 block text-center text-sm font-medium text-primary hover:underline"
        >
          {tc('becomeClient')}
        </a>
      </div>
    </main>
  );
}
