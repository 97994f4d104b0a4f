import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DeadlineRow } from '@/components/fristen/deadline-row';
import { DeadlineFilterForm } from '@/components/fristen/filter-form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { CalendarIcon } from '@/components/ui/icons';
import { canSeeDeadlines, mayMarkDeadlines } from '@/lib/access/employee';
import { advisorOptions } from '@/lib/contacts/advisors';
import { providerNames } from '@/lib/contracts/catalog';
import { listDeadlines, windows } from '@/lib/fristen';
import { filtersOf, queryOf } from '@/lib/fristen/query';
import { advisorCtx } from '@/lib/request/ctx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('fristen'))('title') };
}

export default async function FristenPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await advisorCtx();
  if (!canSeeDeadlines(ctx.actor)) notFound();
  const t = await getTranslations('fristen');
  const filters = filtersOf(await searchParams);
  const [list, advisors, insurers] = await Promise.all([
    listDeadlines(ctx, filters),
    advisorOptions(ctx),
    providerNames(ctx, { kind: 'insurer' }),
  ]);
  const mayMark = mayMarkDeadlines(ctx.actor);
  return (
    <ClientMessages pick={['fristen', 'errors', 'forms']}>
      <>
        <PageHeader
          title={t('title')}
          subtitle={t('subtitle')}
          actions={
            <a href={`/api/fristen/export${queryOf(filters)}`} className={buttonClass('secondary', 'md')} download>
              {t('filters.export')}
            </a>
          }
        />
        <nav aria-label={t('windowsLabel')} className="mb-4 flex flex-wrap gap-2">
          {windows.map((w) => (
            <Link
              key={w}
              href={`/fristen${queryOf({ ...filters, window: w })}`}
              aria-current={filters.window === w ? 'page' : undefined}
              className={buttonClass(filters.window === w ? 'primary' : 'secondary', 'sm')}
            >
              {t(`windows.${w}`)}
            </Link>
          ))}
        </nav>
        <DeadlineFilterForm
          filters={filters}
          advisors={advisors}
          insurers={insurers.map((i) => i.name)}
          sparteLabel={(code) => t(`sparten.${code}` as 'sparten.010')}
        />
        <p className="mb-3 text-sm font-semibold text-gray-700" data-testid="deadline-count">
          {t('count', { count: list.total })}
        </p>
        {list.items.length === 0 ? (
          <EmptyState icon={<CalendarIcon width={36} height={36} />} title={t('empty')}>
            {t('emptyText')}
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {list.items.map((item) => (
              <DeadlineRow key={item.key} item={item} mayMark={mayMark} />
            ))}
          </ul>
        )}
        <nav aria-label={t('pages')} className="mt-4 flex justify-end gap-2">
          {filters.after ? (
            <Link href={`/fristen${queryOf(filters)}`} className={buttonClass('ghost', 'sm')}>
              {t('first')}
            </Link>
          ) : null}
          {list.next ? (
            <Link href={`/fristen${queryOf(filters, { nach: list.next })}`} className={buttonClass('secondary', 'sm')}>
              {t('more')}
            </Link>
          ) : null}
        </nav>
      </>
    </ClientMessages>
  );
}
