import { areaConfig } from '../contracts/areas';
import { translate, type Locale, type MessageKey } from '../i18n';
import type { AccountState, Origin, PortfolioFigures } from './figures';

/** The cockpit's tables: each is shown behind its chart and exported as CSV. */
export const tableIds = ['products', 'providers', 'advisors', 'months', 'accounts', 'origin'] as const;
export type TableId = (typeof tableIds)[number];

export type Cell = { text: string } | { count: number } | { cents: number } | { month: string };
export interface Column {
  label: string;
  kind: 'text' | 'count' | 'money' | 'month';
}
export interface PortfolioTable {
  id: TableId;
  title: string;
  columns: Column[];
  rows: Cell[][];
}

export const accountStates: AccountState[] = ['none', 'created', 'invited', 'active', 'locked'];
export const origins: Origin[] = ['typed', 'client', 'import'];

/** The table's rows from the figures, in the reader's language. Pure. */
export function portfolioTable(f: PortfolioFigures, id: TableId, locale: Locale): PortfolioTable {
  const t = (key: string) => translate(locale, `bestand.${key}` as MessageKey);
  const col = (key: string, kind: Column['kind'] = 'count'): Column => ({ label: t(`columns.${key}`), kind });
  const figures = (s: { clients: number; contracts: number; annualCents: number }): Cell[] => [
    { count: s.clients },
    { count: s.contracts },
    { cents: s.annualCents },
  ];
  const title = t(`tables.${id}`);
  const slice = [col('clients'), col('contracts'), col('annual', 'money')];
  switch (id) {
    case 'products':
      return {
        id,
        title,
        columns: [col('product', 'text'), col('area', 'text'), ...slice],
        rows: f.byProduct.map((p) => [
          { text: p.product },
          { text: translate(locale, areaConfig[p.area].label) },
          ...figures(p),
        ]),
      };
    case 'providers':
      return {
        id,
        title,
        columns: [col('provider', 'text'), ...slice],
        rows: f.byProvider.map((p) => [{ text: p.provider ?? t('unknownProvider') }, ...figures(p)]),
      };
    case 'advisors':
      return {
        id,
        title,
        columns: [
          col('advisor', 'text'),
          col('allClients'),
          col('clientsWithContracts'),
          col('contracts'),
          col('annual', 'money'),
        ],
        rows: f.byAdvisor.map((a) => [{ text: a.name ?? t('noAdvisor') }, { count: a.allClients }, ...figures(a)]),
      };
    case 'months':
      return {
        id,
        title,
        columns: [col('month', 'month'), col('started'), col('ended')],
        rows: f.months.map((m) => [{ month: m.key }, { count: m.started }, { count: m.ended }]),
      };
    case 'accounts':
      return {
        id,
        title,
        columns: [col('account', 'text'), col('clients')],
        rows: accountStates.map((s) => [{ text: t(`accounts.${s}`) }, { count: f.accounts[s] }]),
      };
    case 'origin':
      return {
        id,
        title,
        columns: [col('origin', 'text'), col('contracts')],
        rows: origins.map((o) => [{ text: t(`origins.${o}`) }, { count: f.origin[o] }]),
      };
  }
}

/** "März 2026" / "Mar 2026" for a 'YYYY-MM' key. */
export function monthLabel(key: string, locale: Locale, month: 'short' | 'long' = 'long'): string {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    month,
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}
