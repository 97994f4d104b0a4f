import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { Table, Td } from '@/components/ui/table';
import type { Locale } from '@/lib/i18n';
import { monthLabel, type Cell, type PortfolioTable } from '@/lib/bestand/tables';

/**
 * One figure of the cockpit: heading, the chart, its numbers as a table behind a <details> toggle (works
 * without JavaScript) and the CSV download of the same table.
 */
export async function ChartCard({
  table,
  title,
  intro,
  legend,
  children,
  className,
}: {
  table: PortfolioTable;
  title: string;
  intro?: string;
  legend?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const [t, format, locale] = await Promise.all([getTranslations('bestand'), getFormatter(), getLocale()]);
  const text = (c: Cell): string => {
    if ('text' in c) return c.text;
    if ('month' in c) return monthLabel(c.month, locale as Locale);
    if ('count' in c) return format.number(c.count);
    return format.number(c.cents / 100, { style: 'currency', currency: 'EUR' });
  };
  const headingId = `chart-${table.id}`;
  return (
    <Card className={cn('min-w-0', className)}>
      <section aria-labelledby={headingId} data-chart={table.id}>
        <div className="flex items-start justify-between gap-3">
          <h2 id={headingId} className="min-w-0 text-lg font-semibold text-ink">
            {title}
          </h2>
          <a
            href={`/api/bestand/${table.id}`}
            download
            aria-label={t('table.csvLabel', { title: table.title })}
            className="inline-flex h-9 shrink-0 items-center gap-1.5 rounded-lg px-3 text-sm font-semibold text-primary ring-1 ring-primary/30 hover:bg-primary-soft"
          >
            <svg
              width="16"
              height="16"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              aria-hidden="true"
            >
              <path d="M12 4v11m0 0-4-4m4 4 4-4M5 20h14" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            {t('table.csv')}
          </a>
        </div>
        {intro ? <p className="mt-1 text-sm text-gray-600">{intro}</p> : null}
        {legend ? <div className="mt-3">{legend}</div> : null}
        <div className="mt-4">{children}</div>
        <details className="group mt-4">
          <summary className="cursor-pointer rounded text-sm font-semibold text-primary hover:underline">
            {t('table.show')}
          </summary>
          <div className="mt-3">
            <Table caption={table.title} head={table.columns.map((c) => c.label)}>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <Td key={j} className={'text' in cell || 'month' in cell ? undefined : 'text-right tabular-nums'}>
                      {text(cell)}
                    </Td>
                  ))}
                </tr>
              ))}
            </Table>
          </div>
        </details>
      </section>
    </Card>
  );
}

/** The legend of a line chart: a short line (dashed for the second series) and its word. */
export function Legend({ items }: { items: { label: string; color: string; dashed?: boolean }[] }) {
  return (
    <ul className="flex flex-wrap gap-4 text-sm text-ink">
      {items.map((i) => (
        <li key={i.label} className="flex items-center gap-2">
          <svg width="28" height="10" aria-hidden="true">
            <line
              x1="2"
              x2="26"
              y1="5"
              y2="5"
              stroke={i.color}
              strokeWidth="3"
              strokeLinecap="round"
              strokeDasharray={i.dashed ? '6 5' : undefined}
            />
          </svg>
          {i.label}
        </li>
      ))}
    </ul>
  );
}
