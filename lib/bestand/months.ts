import { dayFormat } from '../deadlines/dates';
import { timeZone } from '../i18n';

/** One calendar month of the cockpit's 12-month series. */
export interface Month {
  /** 'YYYY-MM' */
  key: string;
  /** The first day, 'YYYY-MM-01'. */
  first: string;
  /** The first day of the following month. */
  next: string;
  /** The day the series ends (the last month only matters): 'YYYY-MM-DD'. */
  today: string;
}

/** Today in Berlin as 'YYYY-MM-DD'. */
export function berlinToday(now = new Date()): string {
  return dayFormat(timeZone).format(now);
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthKey = (year: number, month: number) => `${year}-${pad(month)}`;

/** The 12 calendar months ending with the month of `today` (oldest first). Pure. */
export function monthsUpTo(today: string = berlinToday()): Month[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const index = y * 12 + (m - 1) - (11 - i);
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const nextIndex = index + 1;
    const key = monthKey(year, month);
    return {
      key,
      first: `${key}-01`,
      next: `${monthKey(Math.floor(nextIndex / 12), (nextIndex % 12) + 1)}-01`,
      today,
    };
  });
}
