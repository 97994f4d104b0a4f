/**
 * Deadlines opened by an event: a premium increase (VVG §40; health §205(4)), a settled or acknowledged
 * claim (§92, §111), the purchase of the insured vehicle or building (§96(2)), the receipt of the policy
 * documents (withdrawal, §8 / life §152). Each runs from the event day; BGB §187(1) leaves that day out,
 * so a month-window ends on the same day number one month later (31.01. → 28./29.02.), a 14-day one on
 * day + 14.
 */
import type { MessageKey } from '../i18n';
import { resolve, windowAfter } from './anchors';
import { known, unknown } from './build';
import { addDays, type CalendarDate, daysBetween } from './dates';
import { type Rule, rules } from './rules';
import { claimBasis, saleThing, type SparteFamily } from './sparten';
import type { Deadline, DeadlineContract, DeadlineEvents, ReasonValue } from './types';

interface EventRule {
  readonly field: keyof DeadlineEvents;
  readonly rule: Rule;
  readonly reasonKey: MessageKey;
  readonly values: Record<string, ReasonValue>;
}

/** The rules an event triggers for this Sparte; an event the Sparte has no right for is ignored. */
function eventRules(contract: DeadlineContract, family: SparteFamily): EventRule[] {
  const list: EventRule[] = [];
  const increase = family === 'health' ? rules.healthPremiumIncrease : rules.premiumIncrease;
  list.push({
    field: 'premiumIncreaseReceived',
    rule: increase,
    reasonKey: 'deadlines.reasons.premiumIncrease',
    values: { months: increase.months ?? 1 },
  });
  const basis = claimBasis(contract.sparte);
  if (basis) {
    const rule =
      basis === 'both' ? rules.claimMotor : basis === 'acknowledged' ? rules.claimLiability : rules.claimProperty;
    list.push({ field: 'claimSettled', rule, reasonKey: 'deadlines.reasons.claim', values: { basis } });
  }
  const thing = saleThing(contract.sparte);
  if (thing)
    list.push({
      field: 'acquired',
      rule: thing === 'vehicle' ? rules.saleMotor : rules.sale,
      reasonKey: 'deadlines.reasons.sale',
      values: { thing },
    });
  const withdrawal = family === 'life' ? rules.lifeWithdrawal : rules.withdrawal;
  list.push({
    field: 'documentsReceived',
    rule: withdrawal,
    reasonKey: 'deadlines.reasons.withdrawal',
    values: { days: withdrawal.days ?? 14 },
  });
  return list;
}

const lastDayOf = (rule: Rule, event: CalendarDate): CalendarDate =>
  rule.days != null ? addDays(event, rule.days) : windowAfter(event, rule.months ?? 1);

/**
 * Open while the window runs, overdue for `graceDays` after it closed, then gone: an event long past the
 * deadline is history, not a task.
 */
export function eventDeadlines(
  contract: DeadlineContract,
  family: SparteFamily,
  today: CalendarDate,
  graceDays: number,
): Deadline[] {
  const out: Deadline[] = [];
  for (const { field, rule, reasonKey, values } of eventRules(contract, family)) {
    const event = resolve(contract.events?.[field]);
    if (!event.ok) {
      if (event.problem !== 'missing') out.push(unknown(rule, field, event.problem, event.given));
      continue;
    }
    const lastDay = lastDayOf(rule, event.date);
    const late = daysBetween(lastDay, today);
    if (late > graceDays) continue;
    out.push(
      known({
        rule,
        idDay: event.date,
        state: late > 0 ? 'overdue' : 'open',
        lastDay,
        effectiveOn: null,
        reasonKey,
        values: { ...values, event: event.date },
      }),
    );
  }
  return out;
}
