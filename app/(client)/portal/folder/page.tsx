import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { FolderAreas } from '@/components/portal/folder-areas';
import { PageHeader } from '@/components/ui/card';
import { folderModules, rightsOf } from '@/lib/access/freigaben';
import { folderOverview } from '@/lib/contracts/overview';
import { formatEuro } from '@/lib/contracts/premium';
import { isLocale } from '@/lib/i18n';
import { clientContext } from '@/lib/portal/context';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contracts.portal'))('folderTitle') };
}

export default async function FolderPage() {
  const { ctx, grants } = await clientContext();
  if (!folderModules.some((m) => rightsOf(grants, m).visible)) notFound();
  const t = await getTranslations('contracts.portal');
  const locale = await getLocale();
  const overview = await folderOverview(ctx, { contactId: ctx.actor.id });
  const summary = Object.fromEntries(overview.areas.map((a) => [a.area, a]));
  return (
    <>
      <PageHeader title={t('folderTitle')} subtitle={t('folderSubtitle')} />
      <FolderAreas grants={grants} base="/portal" summary={summary} />
      {overview.totalAnnualCents > 0 ? (
        <p
          className="mt-4 flex flex-wrap items-baseline justify-between gap-2 rounded-xl bg-primary-soft px-4 py-3 text-sm"
          data-testid="folder-total"
        >
          <span className="font-semibold text-ink">{t('total')}</span>
          <span className="text-lg font-bold text-primary">
            {formatEuro(overview.totalAnnualCents, isLocale(locale) ? locale : 'de')}
          </span>
        </p>
      ) : null}
    </>
  );
}
