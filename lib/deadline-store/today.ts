import type { CalendarDate } from '../deadlines';
import { dayFormat } from '../deadlines/dates';

/** Today as a calendar day in Germany (deadlines are German days, whatever the server's time zone). */
export function todayInGermany(now: Date = new Date()): CalendarDate {
  const parts = dayFormat('Europe/Berlin').formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}
