/**
 * Calendar days without time zones. A deadline is a day, not an instant: converting through `Date` would
 * shift a day at midnight in Europe/Berlin and around DST, so all arithmetic runs on plain {year, month, day}
 * values and a day number (days since 1970-01-01 in the proleptic Gregorian calendar).
 */

/** A full calendar day (month 1–12, day 1–31). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * A date as insurers deliver it: GDV writes `00` for an unknown day or month (`00082024`), so a date may be
 * a year only, a year and month, or a full day. The unknown parts stay unknown; nobody invents the 1st.
 */
export interface PartialDate {
  readonly year: number;
  readonly month?: number | null;
  readonly day?: number | null;
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether a partial date has all three parts and they name a real day (31.02. does not). */
export function isComplete(p: PartialDate): p is CalendarDate {
  const { year, month, day } = p;
  if (!Number.isInteger(year) || year < 1 || year > 9999) return false;
  if (month == null || day == null || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whether the parts that are given are possible (month 1–12, a day only with a month, in range). */
export function isPlausible(p: PartialDate): boolean {
  if (!Number.isInteger(p.year) || p.year < 1 || p.year > 9999) return false;
  if (p.month == null) return p.day == null;
  if (!Number.isInteger(p.month) || p.month < 1 || p.month > 12) return false;
  if (p.day == null) return true;
  return Number.isInteger(p.day) && p.day >= 1 && p.day <= daysInMonth(p.year, p.month);
}

export const date = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

/** Days since 1970-01-01 (H. Hinnant's days_from_civil: exact for every Gregorian date, no Date object). */
export function dayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): CalendarDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export const addDays = (d: CalendarDate, days: number): CalendarDate => fromDayNumber(dayNumber(d) + days);
export const daysBetween = (from: CalendarDate, to: CalendarDate): number => dayNumber(to) - dayNumber(from);
export const compareDates = (a: CalendarDate, b: CalendarDate): number => dayNumber(a) - dayNumber(b);
export const sameDay = (a: CalendarDate, b: CalendarDate): boolean => compareDates(a, b) === 0;

/**
 * Month arithmetic as BGB §188(3) counts it: the same day number in the target month, or that month's last
 * day when it has none. 31.08. − 3 months = 31.05.; 30.11. + 3 months = 28.02. (29.02. in a leap year);
 * 31.01. + 1 month = 28./29.02.
 */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

export const addYears = (d: CalendarDate, years: number): CalendarDate => addMonths(d, years * 12);

/** Monday = 1 … Sunday = 7 (ISO). 1970-01-01 was a Thursday. */
export function isoWeekday(d: CalendarDate): number {
  return ((((dayNumber(d) + 3) % 7) + 7) % 7) + 1;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-09-30`: the form the database stores (`date` columns) and stable ids use. */
export const toIso = (d: CalendarDate): string => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

/** Reads `YYYY-MM-DD` (a `date` column); null for anything else or an impossible day. */
export function fromIso(value: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const d = date(Number(m[1]), Number(m[2]), Number(m[3]));
  return isComplete(d) ? d : null;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone: building an Intl.DateTimeFormat costs more than a start-page query (issue 17). */
export function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/**
 * Today as a calendar day at a place (the broker's: Europe/Berlin). The only bridge from an instant to a
 * day, kept here so callers do not each guess the time zone.
 */
export function calendarDay(instant: Date, timeZone = 'Europe/Berlin'): CalendarDate {
  const parts = dayFormat(timeZone).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return date(part('year'), part('month'), part('day'));
}

/**
 * The first and the last day a partial date can stand for (a year: 01.01.–31.12.; a month: its first and
 * last day); null when what is given is impossible.
 */
export function dateRange(p: PartialDate): { first: CalendarDate; last: CalendarDate } | null {
  if (!isPlausible(p)) return null;
  if (p.month == null) return { first: date(p.year, 1, 1), last: date(p.year, 12, 31) };
  if (p.day == null)
    return { first: date(p.year, p.month, 1), last: date(p.year, p.month, daysInMonth(p.year, p.month)) };
  const d = date(p.year, p.month, p.day);
  return { first: d, last: d };
}
