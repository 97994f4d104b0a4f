/** The calendar underneath the deadline engine: month arithmetic, leap years, holidays, formatting. */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  type CalendarDate,
  calendarDay,
  date,
  easterSunday,
  formatDay,
  fromIso,
  isComplete,
  isLeapYear,
  nationwideHoliday,
  nationwideHolidays,
  toIso,
} from '../../lib/deadlines';
import { lastDayBefore, yearEnd } from '../../lib/deadlines/anchors';
import { dayNumber, fromDayNumber, isoWeekday } from '../../lib/deadlines/dates';

const d = (s: string): CalendarDate => {
  const [day, month, year] = s.split('.').map(Number);
  return date(year!, month!, day!);
};
const pad = (n: number) => String(n).padStart(2, '0');
const fmt = (x: CalendarDate) => `${pad(x.day)}.${pad(x.month)}.${x.year}`;

describe('month arithmetic (BGB §188(3))', () => {
  it.each([
    ['31.08.2026', -3, '31.05.2026'],
    ['30.11.2026', 3, '28.02.2027'],
    ['30.11.2027', 3, '29.02.2028'],
    ['31.01.2026', 1, '28.02.2026'],
    ['31.01.2028', 1, '29.02.2028'],
    ['29.02.2028', 12, '28.02.2029'],
    ['31.05.2027', -3, '28.02.2027'],
    ['31.12.2026', -1, '30.11.2026'],
    ['15.01.2026', -1, '15.12.2025'],
    ['31.03.2026', -13, '28.02.2025'],
  ])('%s %+d months = %s', (from, months, to) => {
    expect(fmt(addMonths(d(from), months))).toBe(to);
  });

  it.each([
    ['01.01.2027', 3, '30.09.2026'],
    ['01.01.2027', 1, '30.11.2026'],
    ['01.09.2026', 3, '31.05.2026'],
    ['01.03.2027', 3, '30.11.2026'],
    ['01.03.2028', 3, '30.11.2027'],
    ['01.03.2028', 1, '31.01.2028'],
    ['31.05.2027', 3, '28.02.2027'],
    ['01.01.2027', 0, '31.12.2026'],
    ['16.04.2027', 2, '15.02.2027'],
  ])('last day to receive a notice of %s with %i months: %s', (end, months, last) => {
    expect(fmt(lastDayBefore(d(end), months))).toBe(last);
  });

  it('the last day is exact: one day later would miss the end', () => {
    for (let n = 0; n < 800; n++) {
      const end = addDays(d('01.01.2026'), n);
      for (const months of [1, 2, 3]) {
        const last = lastDayBefore(end, months);
        const lastCovered = addDays(end, -1);
        expect(dayNumber(addMonths(last, months))).toBeLessThanOrEqual(dayNumber(lastCovered));
        expect(dayNumber(addMonths(addDays(last, 1), months))).toBeGreaterThan(dayNumber(lastCovered));
      }
    }
  });

  it.each([
    ['01.01.2005', 22, '01.01.2027'],
    ['29.02.2024', 1, '01.03.2025'],
    ['29.02.2024', 4, '29.02.2028'],
    ['01.03.2024', 1, '01.03.2025'],
    ['15.03.2020', 3, '15.03.2023'],
  ])('insurance year end from %s after %i years: %s', (origin, n, end) => {
    expect(fmt(yearEnd(d(origin), n))).toBe(end);
  });
});

describe('calendar days', () => {
  it('knows leap years', () => {
    expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
  });

  it('round-trips day numbers across 400 years', () => {
    const start = dayNumber(d('01.01.1900'));
    expect(start).toBe(-25567);
    for (let n = start; n < start + 146097; n += 13) expect(dayNumber(fromDayNumber(n))).toBe(n);
    expect(fmt(fromDayNumber(0))).toBe('01.01.1970');
  });

  it('has weekdays without time zones', () => {
    expect(isoWeekday(d('01.01.1970'))).toBe(4);
    expect(isoWeekday(d('30.11.2025'))).toBe(7);
    expect(isoWeekday(d('03.10.2026'))).toBe(6);
  });

  it('checks full dates and reads ISO', () => {
    expect(isComplete({ year: 2028, month: 2, day: 29 })).toBe(true);
    expect(isComplete({ year: 2027, month: 2, day: 29 })).toBe(false);
    expect(isComplete({ year: 2027, month: 8 })).toBe(false);
    expect(fromIso('2026-09-30')).toEqual(d('30.09.2026'));
    expect(fromIso('2026-02-30')).toBeNull();
    expect(fromIso('30.09.2026')).toBeNull();
    expect(toIso(d('01.01.2027'))).toBe('2027-01-01');
  });

  it("takes today's day in Berlin, not in UTC", () => {
    expect(calendarDay(new Date('2026-09-30T22:30:00Z'))).toEqual(d('01.10.2026'));
    expect(calendarDay(new Date('2026-03-29T00:30:00Z'))).toEqual(d('29.03.2026'));
  });

  it('formats days and partial dates per locale', () => {
    expect(formatDay(d('30.09.2026'), 'de')).toBe('30.09.2026');
    expect(formatDay(d('30.09.2026'), 'en')).toBe('30/09/2026');
    expect(formatDay({ year: 2024, month: 8 }, 'de')).toBe('08.2024');
    expect(formatDay({ year: 2024 }, 'en')).toBe('2024');
  });
});

describe('nationwide holidays, computed', () => {
  it.each([
    [1943, '25.04.1943'],
    [2019, '21.04.2019'],
    [2024, '31.03.2024'],
    [2025, '20.04.2025'],
    [2026, '05.04.2026'],
    [2027, '28.03.2027'],
    [2038, '25.04.2038'],
    [2285, '22.03.2285'],
  ])('Easter %i is %s', (year, easter) => {
    expect(fmt(easterSunday(year))).toBe(easter);
  });

  it('lists the nine nationwide holidays of 2026', () => {
    expect(nationwideHolidays(2026).map((h) => `${fmt(h.date)} ${h.id}`)).toEqual([
      '01.01.2026 newYear',
      '03.04.2026 goodFriday',
      '06.04.2026 easterMonday',
      '01.05.2026 labourDay',
      '14.05.2026 ascension',
      '25.05.2026 whitMonday',
      '03.10.2026 germanUnity',
      '25.12.2026 christmas',
      '26.12.2026 boxingDay',
    ]);
  });

  it('had the Reformationstag nationwide once, in 2017', () => {
    expect(nationwideHoliday(d('31.10.2017'))).toBe('reformation2017');
    expect(nationwideHoliday(d('31.10.2026'))).toBeNull();
  });

  it('knows no Land holidays and no ordinary days', () => {
    expect(nationwideHoliday(d('06.01.2026'))).toBeNull();
    expect(nationwideHoliday(d('04.06.2026'))).toBeNull();
    expect(nationwideHoliday(d('30.09.2026'))).toBeNull();
  });
});
