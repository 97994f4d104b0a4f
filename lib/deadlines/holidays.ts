/**
 * German public holidays observed in every Land, computed for any year (no table of years to run out).
 * The Easter-based ones come from the Gregorian computus; no npm package is used because the good ones
 * work on `Date` objects in local time, which is exactly the shift a calendar day must not suffer.
 *
 * Only nationwide holidays: Land holidays (Heilige Drei Könige, Fronleichnam, Reformationstag, …) depend
 * on where the insurer receives the letter, which the engine does not know. Rules before 1990 (17 June,
 * nationwide Buß- und Bettag until 1994) are left out: deadlines lie in the present.
 */
import { addDays, type CalendarDate, date, isoWeekday, sameDay } from './dates';

export type HolidayId =
  | 'newYear'
  | 'goodFriday'
  | 'easterMonday'
  | 'labourDay'
  | 'ascension'
  | 'whitMonday'
  | 'germanUnity'
  | 'reformation2017'
  | 'christmas'
  | 'boxingDay';

/** Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return date(year, month, day);
}

/** The nationwide holidays of a year, in calendar order. */
export function nationwideHolidays(year: number): { date: CalendarDate; id: HolidayId }[] {
  const easter = easterSunday(year);
  const list: { date: CalendarDate; id: HolidayId }[] = [
    { date: date(year, 1, 1), id: 'newYear' },
    { date: addDays(easter, -2), id: 'goodFriday' },
    { date: addDays(easter, 1), id: 'easterMonday' },
    { date: date(year, 5, 1), id: 'labourDay' },
    { date: addDays(easter, 39), id: 'ascension' },
    { date: addDays(easter, 50), id: 'whitMonday' },
  ];
  if (year >= 1990) list.push({ date: date(year, 10, 3), id: 'germanUnity' });
  // 500 years of the Reformation: once, by federal decision, a holiday in every Land.
  if (year === 2017) list.push({ date: date(year, 10, 31), id: 'reformation2017' });
  list.push({ date: date(year, 12, 25), id: 'christmas' }, { date: date(year, 12, 26), id: 'boxingDay' });
  return list;
}

export function nationwideHoliday(d: CalendarDate): HolidayId | null {
  return nationwideHolidays(d.year).find((h) => sameDay(h.date, d))?.id ?? null;
}

export type Weekend = 'saturday' | 'sunday';

export function weekendDay(d: CalendarDate): Weekend | null {
  const wd = isoWeekday(d);
  return wd === 6 ? 'saturday' : wd === 7 ? 'sunday' : null;
}
