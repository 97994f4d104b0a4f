import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { publicCtx } from '@/lib/request/ctx';
import { publicImpressum } from '@/lib/settings';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('common'))('impressum') };
}

/** The tenant's IMPRESSUM (sanitised again on render); until the broker has written one, a clear placeholder. */
export default async function ImpressumPage() {
  const ctx = await publicCtx();
  const impressumHtml = await publicImpressum(ctx);
  const t = await getTranslations('settings.publicImpressum');
  return (
    <main className="mx-auto max-w-2xl px-5 py-10">
      <Link href="/login" className="text-sm font-medium text-primary hover:underline">
        {t('back')}
      </Link>
      <Card className="mt-4">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-2 text-sm font-semibold text-gray-700">{ctx.tenant.name}</p>
        {impressumHtml ? (
          <div className="rich-text mt-4 text-ink" dangerouslySetInnerHTML={{ __html: impressumHtml }} />
        ) : (
          <p className="mt-4 leading-relaxed text-gray-600">{t('missing', { tenant: ctx.tenant.name })}</p>
        )}
      </Card>
    </main>
  );
}
