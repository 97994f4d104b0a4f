/** Shapes the engine's entries: ids, reasons as catalog keys, warnings. No dates are computed here. */
import type { MessageKey } from '../i18n';
import type { DateProblem } from './anchors';
import { type CalendarDate, type PartialDate, toIso } from './dates';
import { nationwideHoliday, weekendDay } from './holidays';
import { maxNoticeMonths, type Rule } from './rules';
import type { DateField, DeadlineWarning, KnownDeadline, ReasonValue, UnknownDeadline } from './types';

/**
 * The last day is shown as it is and flagged, not moved: whether BGB §193 (next working day) applies to a
 * cancellation notice is disputed and unverified (reference §5), so the safe reading is the earlier day.
 */
export function dayWarnings(day: CalendarDate): DeadlineWarning[] {
  const warnings: DeadlineWarning[] = [];
  const weekday = weekendDay(day);
  if (weekday)
    warnings.push({
      code: 'weekend',
      weekday,
      message: { key: 'deadlines.warnings.weekend', values: { day, weekday } },
    });
  const holiday = nationwideHoliday(day);
  if (holiday)
    warnings.push({
      code: 'holiday',
      holiday,
      message: { key: 'deadlines.warnings.holiday', values: { day, holiday } },
    });
  return warnings;
}

/**
 * The notice period to count with. Whole months 1–3 as agreed; more than three is capped, because
 * VVG §11(3) allows at most three and §18 voids a longer one to the policyholder's detriment; anything
 * else falls back to the rule's default. Both adjustments are flagged so the broker can check the contract.
 */
export function noticeMonths(
  given: number | null | undefined,
  fallback: number,
): { months: number; warning: DeadlineWarning | null } {
  if (given == null) return { months: fallback, warning: null };
  if (Number.isInteger(given) && given >= 1 && given <= maxNoticeMonths) return { months: given, warning: null };
  const months = Number.isInteger(given) && given > maxNoticeMonths ? maxNoticeMonths : fallback;
  return {
    months,
    warning: {
      code: 'noticeAdjusted',
      message: { key: 'deadlines.warnings.noticeAdjusted', values: { given, used: months } },
    },
  };
}

export const renewalAssumed: DeadlineWarning = {
  code: 'renewalAssumed',
  message: { key: 'deadlines.warnings.renewalAssumed', values: {} },
};

export function known(input: {
  rule: Rule;
  /** What makes the id unique for this rule: the end (term rules) or the event day (event rules). */
  idDay: CalendarDate;
  state: 'open' | 'overdue';
  lastDay: CalendarDate;
  effectiveOn: CalendarDate | null;
  reasonKey: MessageKey;
  values: Record<string, ReasonValue>;
  warnings?: readonly (DeadlineWarning | null)[];
}): KnownDeadline {
  const { rule, lastDay } = input;
  return {
    id: `${rule.id}:${toIso(input.idDay)}`,
    kind: rule.kind,
    rule,
    state: input.state,
    lastDay,
    effect: rule.effect,
    effectiveOn: input.effectiveOn,
    reason: { key: input.reasonKey, values: { ...input.values, lastDay } },
    warnings: [...(input.warnings ?? []).filter((w): w is DeadlineWarning => w !== null), ...dayWarnings(lastDay)],
  };
}

const unknownKeys: Record<DateProblem, MessageKey> = {
  missing: 'deadlines.unknown.missing',
  partial: 'deadlines.unknown.partial',
  invalid: 'deadlines.unknown.invalid',
};

/** "Frist unbekannt – Ablauf fehlt": the rule applies, but a date it needs is not usable. */
export function unknown(
  rule: Rule,
  field: DateField,
  problem: DateProblem,
  given: PartialDate | null,
  warnings: readonly (DeadlineWarning | null)[] = [],
): UnknownDeadline {
  const values: Record<string, ReasonValue> = given ? { field, given } : { field };
  return {
    id: `${rule.id}:unknown`,
    kind: rule.kind,
    rule,
    state: 'unknown',
    field,
    lastDay: null,
    effectiveOn: null,
    reason: { key: unknownKeys[problem], values },
    warnings: warnings.filter((w): w is DeadlineWarning => w !== null),
  };
}
