/**
 * A stored deadline row ↔ the engine's entry. The row keeps the entry without its state (open/overdue
 * depends on the day it is read, derived here from the last day) and names its rule by id.
 */
import {
  addDays,
  type CalendarDate,
  compareDates,
  defaultGraceDays,
  fromIso,
  type KnownDeadline,
  rules,
  type RuleId,
  toIso,
} from '../deadlines';

export interface StoredDetail {
  rule: RuleId;
  reason: KnownDeadline['reason'];
  effect: KnownDeadline['effect'];
  effectiveOn: CalendarDate | null;
  warnings: KnownDeadline['warnings'];
}

export const detailOf = (d: KnownDeadline): StoredDetail => ({
  rule: d.rule.id,
  reason: d.reason,
  effect: d.effect,
  effectiveOn: d.effectiveOn,
  warnings: d.warnings,
});

/** The engine's entry back from a row, its state as of `today`. */
export function deadlineOf(
  row: { deadlineId: string; kind: string; lastDay: string; detail: unknown },
  today: CalendarDate,
): KnownDeadline {
  const detail = row.detail as StoredDetail;
  const lastDay = fromIso(row.lastDay) as CalendarDate;
  return {
    id: row.deadlineId,
    kind: row.kind as KnownDeadline['kind'],
    rule: rules[detail.rule],
    reason: detail.reason,
    state: compareDates(lastDay, today) < 0 ? 'overdue' : 'open',
    lastDay,
    effect: detail.effect,
    effectiveOn: detail.effectiveOn,
    warnings: detail.warnings,
  };
}

/**
 * The day the stored entries stop being what the engine would say: the day after the earliest open one
 * passes (its series rolls forward, a new entry appears) or the day an overdue one leaves the grace window.
 */
export function recheckOn(deadlines: readonly KnownDeadline[]): string | null {
  let first: CalendarDate | null = null;
  for (const d of deadlines) {
    const day = d.state === 'open' ? addDays(d.lastDay, 1) : addDays(d.lastDay, defaultGraceDays + 1);
    if (!first || compareDates(day, first) < 0) first = day;
  }
  return first ? toIso(first) : null;
}
