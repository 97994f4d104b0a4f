import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PortfolioView } from '@/components/bestand/portfolio-view';
import { ChartIcon } from '@/components/bestand/chart-icon';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { canViewPortfolio } from '@/lib/access/bestand';
import { limitedToOwnContacts } from '@/lib/access/scope';
import { isAdmin } from '@/lib/access/employee';
import { ageInMinutes, cockpitFigures } from '@/lib/bestand/snapshot';
import { areaConfig } from '@/lib/contracts/areas';
import { advisorCtx } from '@/lib/request/ctx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('bestand'))('metaTitle') };
}

/** BESTAND: the portfolio at a glance (admins: the tenant; employees: their scope and areas). */
export default async function PortfolioPage() {
  const ctx = await advisorCtx();
  const [t, tc, format] = await Promise.all([getTranslations('bestand'), getTranslations(), getFormatter()]);
  if (!canViewPortfolio(ctx.actor)) {
    return (
      <EmptyState icon={<ChartIcon width={36} height={36} />} title={t('noRightsTitle')}>
        {t('noRightsText')}
      </EmptyState>
    );
  }
  const snapshot = await cockpitFigures(ctx);
  const { figures, computedAt } = snapshot;
  const minutes = ageInMinutes(snapshot);
  const { totals } = figures;
  const whole = isAdmin(ctx.actor) || (!limitedToOwnContacts(ctx.actor) && figures.areas.length === 3);
  const euros = (cents: number) => format.number(cents / 100, { style: 'currency', currency: 'EUR' });
  const kpis = [
    ['clients', format.number(totals.allClients)],
    ['contracts', format.number(totals.contracts)],
    ['annual', euros(totals.annualCents)],
    ['single', euros(totals.singleCents)],
  ] as const;
  const { tenant } = ctx;
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={
          <>
            {whole ? t('subtitleAll') : t('subtitleScoped')}{' '}
            <span className="text-gray-600">
              {t('counted', { areas: figures.areas.map((a) => tc(areaConfig[a].label)).join(', ') })}
            </span>{' '}
            <span className="mt-1 block text-sm text-gray-600" data-testid="bestand-as-of">
              {t('asOf', { minutes, time: format.dateTime(computedAt, { hour: '2-digit', minute: '2-digit' }) })}
            </span>
          </>
        }
      />
      <dl className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {kpis.map(([key, value]) => (
          <div key={key} className="rounded-2xl bg-white px-5 py-4 shadow-sm ring-1 ring-black/5">
            <dt className="text-xs font-semibold uppercase tracking-wider text-gray-600">{t(`kpi.${key}`)}</dt>
            <dd className="mt-1 text-2xl font-bold text-primary tabular-nums sm:text-3xl">{value}</dd>
            <dd className="mt-1 text-xs text-gray-600">{t(`kpi.${key}Hint`)}</dd>
          </div>
        ))}
      </dl>
      <PortfolioView
        figures={figures}
        theme={{ primary: tenant.primaryColor, secondary: tenant.secondaryColor, font: tenant.fontColor }}
      />
      <Card className="mt-6">
        <h2 className="text-lg font-semibold text-ink">{t('method.title')}</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm leading-relaxed text-gray-700">
          <li>{t('method.annual')}</li>
          <li>{t('method.single', { paidUp: totals.paidUp })}</li>
          <li>{t('method.noFrequency', { count: totals.withoutFrequency })}</li>
          <li>{t('method.months')}</li>
        </ul>
      </Card>
    </>
  );
}
