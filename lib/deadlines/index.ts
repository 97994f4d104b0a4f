/**
 * FRISTEN: the pure deadline engine (reference §5). No I/O; callers map their rows to `DeadlineContract`.
 * Words outside React: `explainDeadline` from './explain' (imported directly: it loads the catalogs).
 */
export { contractDeadlines } from './compute';
export { effectMessage, formatDay, reasonValues } from './format';
export {
  addDays,
  addMonths,
  addYears,
  type CalendarDate,
  calendarDay,
  compareDates,
  date,
  fromIso,
  isComplete,
  isLeapYear,
  type PartialDate,
  toIso,
} from './dates';
export { easterSunday, type HolidayId, nationwideHoliday, nationwideHolidays } from './holidays';
export { type DeadlineKind, defaultGraceDays, type Effect, type Rule, type RuleId, rules } from './rules';
export { claimBasis, saleThing, sparteFamily, type SparteFamily } from './sparten';
export type {
  DateField,
  Deadline,
  DeadlineContract,
  DeadlineEvents,
  DeadlineOptions,
  DeadlineWarning,
  EndDateConvention,
  KnownDeadline,
  ReasonMessage,
  ReasonValue,
  UnknownDeadline,
} from './types';
export { deadlineInput, type DeadlineRow, partialFromIso } from './from-row';
