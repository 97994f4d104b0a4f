import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { PortfolioFigures } from '@/lib/bestand/figures';
import { chartColors, topBars, type Bar } from '@/lib/bestand/palette';
import { monthLabel, portfolioTable, type TableId } from '@/lib/bestand/tables';
import type { Locale } from '@/lib/i18n';
import type { ThemeColors } from '@/lib/tenant/theme';
import { BarChart, type ChartBar } from './bar-chart';
import { ChartCard, Legend } from './chart-card';
import { LineChart } from './line-chart';

const KEEP = 7;

/** The cockpit's charts, each with its table and CSV export (server component). */
export async function PortfolioView({ figures, theme }: { figures: PortfolioFigures; theme: ThemeColors }) {
  const [t, format, locale] = await Promise.all([getTranslations('bestand'), getFormatter(), getLocale()]);
  const colors = chartColors(theme);
  const money = (cents: number) =>
    format.number(cents / 100, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const count = (n: number) => format.number(n);
  const table = (id: TableId) => portfolioTable(figures, id, locale as Locale);
  const bars = (items: Bar[], show: (v: number) => string): ChartBar[] =>
    topBars(items, KEEP, (n) => t('charts.others', { count: n })).map((b) => ({ ...b, display: show(b.value) }));
  const desc = (b: ChartBar[]) =>
    b.length === 0
      ? t('charts.barDescEmpty')
      : t('charts.barDesc', { count: b.length, label: b[0]!.label, value: b[0]!.display });
  const bar = (id: TableId, titleKey: string, items: ChartBar[], intro?: string) => {
    const title = t(`charts.${titleKey}` as 'charts.products');
    return (
      <ChartCard table={table(id)} title={title} intro={intro}>
        {items.length ? (
          <BarChart title={title} desc={desc(items)} bars={items} color={colors.first} />
        ) : (
          <p className="text-sm text-gray-600">{t('charts.empty')}</p>
        )}
      </ChartCard>
    );
  };
  const products = bars(
    figures.byProduct.map((p) => ({ label: p.product, value: p.annualCents })),
    money,
  );
  const providers = bars(
    figures.byProvider.map((p) => ({ label: p.provider ?? t('unknownProvider'), value: p.annualCents })),
    money,
  );
  const advisors = bars(
    figures.byAdvisor.map((a) => ({ label: a.name ?? t('noAdvisor'), value: a.annualCents })),
    money,
  );
  const accountBars = table('accounts').rows.map((r) => {
    const [label, n] = r as [{ text: string }, { count: number }];
    return { label: label.text, value: n.count, display: count(n.count) };
  });
  const originBars = table('origin').rows.map((r) => {
    const [label, n] = r as [{ text: string }, { count: number }];
    return { label: label.text, value: n.count, display: count(n.count) };
  });
  const monthsTitle = t('charts.months');
  const first = figures.months[0]!;
  const last = figures.months.at(-1)!;
  const started = figures.months.reduce((s, m) => s + m.started, 0);
  const ended = figures.months.reduce((s, m) => s + m.ended, 0);
  const series = [
    { label: t('legend.started'), values: figures.months.map((m) => m.started), color: colors.first },
    { label: t('legend.ended'), values: figures.months.map((m) => m.ended), color: colors.second, dashed: true },
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ChartCard
        table={table('months')}
        title={monthsTitle}
        intro={t('method.months')}
        legend={<Legend items={series} />}
        className="lg:col-span-2"
      >
        <LineChart
          title={monthsTitle}
          desc={t('charts.lineDesc', {
            from: monthLabel(first.key, locale as Locale),
            to: monthLabel(last.key, locale as Locale),
            started,
            ended,
          })}
          labels={figures.months.map((m) => monthLabel(m.key, locale as Locale, 'short').replace(/ \d{4}$/, ''))}
          series={series}
        />
      </ChartCard>
      {bar('products', 'products', products)}
      {bar('providers', 'providers', providers)}
      {bar('advisors', 'advisors', advisors)}
      {bar('accounts', 'accounts', accountBars, t('charts.accountsIntro'))}
      {bar('origin', 'origin', originBars, t('charts.originIntro'))}
    </div>
  );
}
