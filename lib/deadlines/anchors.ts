/**
 * From contract dates to ends of insurance years and the last day to cancel before each.
 *
 * The convention throughout: an end is an *exclusive boundary*, the day at whose 00:00 cover stops, the
 * way a Hauptfälligkeit is written (01.01.2027 = last covered day 31.12.2026). An inclusive Ablauf
 * (31.12.2026) is turned into that form once, here, so 31.12. as Ablauf and 01.01. as Hauptfälligkeit give
 * the same deadline.
 */
import {
  addDays,
  addMonths,
  addYears,
  type CalendarDate,
  compareDates,
  date,
  dateRange,
  daysBetween,
  daysInMonth,
  isComplete,
  isPlausible,
  type PartialDate,
} from './dates';
import type { DeadlineContract } from './types';

export type DateProblem = 'missing' | 'partial' | 'invalid';

export type Resolved =
  | { readonly ok: true; readonly date: CalendarDate }
  | { readonly ok: false; readonly problem: DateProblem; readonly given: PartialDate | null };

/** A date field as the engine can use it: a full day, or why not. */
export function resolve(p: PartialDate | null | undefined): Resolved {
  if (!p) return { ok: false, problem: 'missing', given: null };
  if (isComplete(p)) return { ok: true, date: { year: p.year, month: p.month, day: p.day } };
  return { ok: false, problem: isPlausible(p) ? 'partial' : 'invalid', given: p };
}

const sameMonthDay = (a: CalendarDate, b: CalendarDate) => a.month === b.month && a.day === b.day;

/**
 * Whether a delivered Ablauf names the last day of cover. Explicit conventions win. `auto`: an Ablauf on
 * the month and day of the Hauptfälligkeit or of the Beginn is exclusive (a year ends where the next one
 * starts); one day before it is inclusive; without such a reference, a month's last day is read as the
 * last covered day (cover "bis 31.12." rather than "bis 30.12. 24:00"), any other day as exclusive, which
 * is what most insurers deliver (reference §4).
 */
export function endIsInclusive(end: CalendarDate, contract: DeadlineContract): boolean {
  const convention = contract.endDateConvention ?? 'auto';
  if (convention !== 'auto') return convention === 'inclusive';
  const references = [contract.mainDueDate, contract.startDate].filter((p): p is CalendarDate => !!p && isComplete(p));
  for (const ref of references) {
    if (sameMonthDay(end, ref)) return false;
    if (sameMonthDay(addDays(end, 1), ref)) return true;
  }
  return end.day === daysInMonth(end.year, end.month);
}

/** The contract's Ablauf as an exclusive boundary. */
export function endBoundary(contract: DeadlineContract): Resolved {
  const r = resolve(contract.endDate);
  if (!r.ok) return r;
  return { ok: true, date: endIsInclusive(r.date, contract) ? addDays(r.date, 1) : r.date };
}

/**
 * Whether every day a partial (or impossible-looking) Ablauf could stand for is already behind `today`,
 * read either way (inclusive or exclusive): then it cannot decide anything still to come.
 */
export function isBehind(given: PartialDate | null, today: CalendarDate): boolean {
  const range = given ? dateRange(given) : null;
  return !!range && compareDates(addDays(range.last, 1), today) <= 0;
}

/**
 * The end of insurance year `n` counted from an origin boundary, as BGB §188(2)/(3) counts a period of
 * years from its first day: the last covered day is rolled with month-end clamping, the boundary is the
 * day after. So a year starting 29.02.2024 ends before 01.03.2025 and before 29.02.2028, and a contract
 * that began in 2004 reaches today by rolling, never by guessing.
 */
export function yearEnd(origin: CalendarDate, n: number): CalendarDate {
  return addDays(addYears(addDays(origin, -1), n), 1);
}

/**
 * The last day a notice of `months` may be received so that it ends the cover before `end`: the latest day
 * D whose notice period (starting the day after D, BGB §187(1)) runs out, by §188(2)/(3), no later than the
 * last covered day. 3 months before 01.01.2027 → 30.09.2026; 1 month before 01.01. → 30.11.; 3 months
 * before 01.09. → 31.05.; 3 months before 01.03.2027 → 30.11.2026 (30.11. + 3 months = 28.02.). With 0
 * months it is the last covered day itself (life: "jederzeit für den Schluss der Versicherungsperiode").
 */
export function lastDayBefore(end: CalendarDate, months: number): CalendarDate {
  const lastCovered = addDays(end, -1);
  let d = addMonths(lastCovered, -months);
  // Month-end clamping can land a day or two early (ends on the 29th–31st): step to the exact latest day.
  while (compareDates(addMonths(addDays(d, 1), months), lastCovered) <= 0) d = addDays(d, 1);
  while (compareDates(addMonths(d, months), lastCovered) > 0) d = addDays(d, -1);
  return d;
}

/** The day after which a month-window opened by an event is closed: the same day number (§188(2)/(3)). */
export const windowAfter = (event: CalendarDate, months: number): CalendarDate => addMonths(event, months);

/** A yearly sequence of ends, from an origin boundary onwards. */
export interface Series {
  readonly origin: CalendarDate;
  /** Index of the first end: 0 when the origin is itself an end (Ablauf, Hauptfälligkeit), 1 for a Beginn. */
  readonly first: number;
  readonly field: 'endDate' | 'mainDueDate' | 'startDate';
  /** Ends on or before this day are no ends (a Hauptfälligkeit delivered on the day cover began). */
  readonly after?: CalendarDate;
  /** Ends from this day on are excluded (§11(4): the years before an agreed Ablauf). */
  readonly before?: CalendarDate;
  /** The end of an agreed term: a later end becomes this one, and the series stops (life, health). */
  readonly until?: CalendarDate;
}

export interface Hit {
  readonly end: CalendarDate;
  readonly index: number;
  readonly lastDay: CalendarDate;
  readonly state: 'open' | 'overdue';
}

/** Guards a typo like year 0201 from looping for long; 10 000 years of ends is more than any contract. */
const maxYears = 10_000;

/**
 * The next end whose last day is today or later (open) and, before it, the latest end missed at most
 * `graceDays` ago (overdue), so a just-missed deadline is not silently replaced by next year's.
 */
export function pickEnds(series: Series, months: number, today: CalendarDate, graceDays: number): Hit[] {
  let overdue: Hit | null = null;
  let open: Hit | null = null;
  for (let n = series.first; n < series.first + maxYears; n++) {
    let end = yearEnd(series.origin, n);
    if (series.after && compareDates(end, series.after) <= 0) continue;
    if (series.before && compareDates(end, series.before) >= 0) break;
    const final = !!series.until && compareDates(end, series.until) >= 0;
    if (final) end = series.until!;
    const lastDay = lastDayBefore(end, months);
    const late = daysBetween(lastDay, today);
    if (late <= 0) {
      open = { end, index: n, lastDay, state: 'open' };
      break;
    }
    if (late <= graceDays) overdue = { end, index: n, lastDay, state: 'overdue' };
    if (final) break;
  }
  return [overdue, open].filter((h): h is Hit => h !== null);
}

/** PflVG §5a(1) Nr. 2: motor cover begun on another day than the 1st runs to the next month's first. */
export function motorOrigin(start: CalendarDate): CalendarDate {
  return start.day === 1 ? start : addMonths(date(start.year, start.month, 1), 1);
}
