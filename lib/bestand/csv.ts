import { canViewPortfolio } from '../access/bestand';
import { requireRight } from '../access/require';
import type { Ctx } from '../ctx';
import { translate, type Locale } from '../i18n';
import { cockpitFigures } from './snapshot';
import { portfolioTable, type Cell, type PortfolioTable, type TableId } from './tables';

/** A cell as text: counts and amounts plain (amounts in euros with the locale's decimal sign), no grouping. */
function plain(cell: Cell, locale: Locale): string {
  if ('text' in cell) return cell.text;
  if ('month' in cell) return cell.month;
  if ('count' in cell) return String(cell.count);
  const euros = (cell.cents / 100).toFixed(2);
  return locale === 'de' ? euros.replace('.', ',') : euros;
}

/** One CSV field: quoted when needed; a leading = + - @ (a spreadsheet formula) is defused with an apostrophe. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The table as CSV for spreadsheets: UTF-8 with BOM, semicolons, CRLF. Pure. */
export function tableCsv(table: PortfolioTable, locale: Locale): string {
  const euro = translate(locale, 'bestand.csv.euro');
  const head = table.columns.map((c) => (c.kind === 'money' ? `${c.label} (${euro})` : c.label));
  const lines = [head, ...table.rows.map((r) => r.map((c) => plain(c, locale)))];
  return `\uFEFF${lines.map((l) => l.map(csvField).join(';')).join('\r\n')}\r\n`;
}

/** CSV export of one cockpit table, with the same rights and scope as the page (clients: forbidden). */
export async function portfolioCsv(ctx: Ctx, input: { table: TableId }): Promise<{ filename: string; body: string }> {
  requireRight(canViewPortfolio(ctx.actor));
  const { figures } = await cockpitFigures(ctx);
  const table = portfolioTable(figures, input.table, ctx.locale);
  const day = figures.months.at(-1)!.today;
  return {
    filename: `${translate(ctx.locale, 'bestand.csv.filename')}-${input.table}-${day}.csv`,
    body: tableCsv(table, ctx.locale),
  };
}
