import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { AreaSummary } from '@/lib/contracts';
import { areaConfig } from '@/lib/contracts/areas';
import { formatEuro } from '@/lib/contracts/premium';
import { isLocale } from '@/lib/i18n';

/** Module overview of a folder: the visible areas with their number of contracts and yearly premium, plus the total. */
export function FolderOverview({
  areas,
  totalAnnualCents,
  hrefOf,
}: {
  areas: AreaSummary[];
  totalAnnualCents: number;
  hrefOf: (area: string) => string;
}) {
  const t = useTranslations('contracts.overview');
  const tk = useTranslations();
  const locale = useLocale();
  const euro = (cents: number) => formatEuro(cents, isLocale(locale) ? locale : 'de');
  if (areas.length === 0) return <p className="text-sm text-gray-600">{t('noRights')}</p>;
  return (
    <div className="space-y-4">
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {areas.map((a) => (
          <li key={a.area}>
            <Link
              href={hrefOf(a.area)}
              className="block h-full rounded-2xl bg-white p-4 shadow-sm ring-1 ring-black/5 transition hover:ring-primary/40"
              data-testid={`area-${a.area}`}
            >
              <span className="block text-sm font-bold tracking-wide text-ink">{tk(`grants.modules.${a.area}`)}</span>
              <span className="mt-2 block text-2xl font-bold text-primary">{a.count}</span>
              <span className="block text-xs text-gray-500">
                {a.area === 'emergency' ? t('entries', { count: a.count }) : t('contracts', { count: a.count })}
                {areaConfig[a.area].premiums && a.annualCents
                  ? ` · ${t('perYear', { amount: euro(a.annualCents) })}`
                  : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {areas.some((a) => areaConfig[a.area].premiums) ? (
        <p
          className="flex flex-wrap items-baseline justify-between gap-2 rounded-xl bg-primary-soft px-4 py-3 text-sm"
          data-testid="folder-total"
        >
          <span className="font-semibold text-ink">{t('total')}</span>
          <span className="text-lg font-bold text-primary">{euro(totalAnnualCents)}</span>
        </p>
      ) : null}
    </div>
  );
}
