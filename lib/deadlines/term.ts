/**
 * Deadlines at the end of an insurance year: ordinary (VVG §11), motor (PflVG §5a), health (§205(1)),
 * life (§168(1)) and the long-term exit (§11(4)).
 */
import type { MessageKey } from '../i18n';
import { type Hit, isBehind, motorOrigin, pickEnds, type Resolved, resolve, type Series, yearEnd } from './anchors';
import { known, noticeMonths, renewalAssumed, unknown } from './build';
import { type CalendarDate, compareDates, dateRange, daysBetween } from './dates';
import { type Rule, rules } from './rules';
import type { SparteFamily } from './sparten';
import type { Deadline, DeadlineContract, DeadlineWarning } from './types';

interface Ctx {
  readonly contract: DeadlineContract;
  readonly family: SparteFamily;
  /** The Ablauf as an exclusive boundary (or why it is not usable). */
  readonly end: Resolved;
  readonly today: CalendarDate;
  readonly graceDays: number;
}

type SeriesOrUnknown = { series: Series } | { unknown: Deadline };

const reasonKeys: Partial<Record<Rule['id'], MessageKey>> = {
  ordinary: 'deadlines.reasons.ordinary',
  motor: 'deadlines.reasons.motor',
  health: 'deadlines.reasons.health',
  life: 'deadlines.reasons.life',
  longTerm: 'deadlines.reasons.longTerm',
};

/**
 * Where a yearly series starts. Renewing §11 contracts: an Ablauf still ahead (it is the current end; a
 * longer first term must run out before the yearly rhythm starts), else the Hauptfälligkeit (the rhythm
 * of the insurance year once the contract has renewed), else a past Ablauf, else the Beginn. Life and
 * health: the Ablauf ends the whole term, not a year, so Hauptfälligkeit, else Beginn. A field that is
 * there but partial stops the search: a neighbouring field could name another day, and a wrong date is
 * worse than none. Only a partial Ablauf wholly in the past is skipped (the contract has renewed since).
 */
function seriesFor(rule: Rule, ctx: Ctx, warnings: readonly (DeadlineWarning | null)[]): SeriesOrUnknown {
  const { contract, family, end, today } = ctx;
  const start = resolve(contract.startDate);
  const due = resolve(contract.mainDueDate);
  const after = start.ok ? start.date : undefined;
  const termRule = family === 'life' || family === 'health';
  if (!termRule) {
    if (end.ok && (compareDates(end.date, today) > 0 || !due.ok)) {
      return { series: { origin: end.date, first: 0, field: 'endDate', after } };
    }
    if (!end.ok && end.problem !== 'missing' && !isBehind(end.given, today)) {
      return { unknown: unknown(rule, 'endDate', end.problem, end.given, warnings) };
    }
  }
  if (due.ok) return { series: { origin: due.date, first: 0, field: 'mainDueDate', after } };
  if (due.problem !== 'missing') return { unknown: unknown(rule, 'mainDueDate', due.problem, due.given, warnings) };
  if (start.ok) {
    const origin = family === 'motor' ? motorOrigin(start.date) : start.date;
    return { series: { origin, first: 1, field: 'startDate' } };
  }
  if (start.problem !== 'missing') return { unknown: unknown(rule, 'startDate', start.problem, start.given, warnings) };
  return { unknown: unknown(rule, termRule ? 'mainDueDate' : 'endDate', 'missing', null, warnings) };
}

function fromHits(
  rule: Rule,
  hits: Hit[],
  series: Series,
  months: number,
  warnings: readonly (DeadlineWarning | null)[],
  delivered?: CalendarDate,
): Deadline[] {
  return hits.map((hit) => {
    // The delivered Ablauf is named as delivered (31.12.2026 stays 31.12.2026), and so is an end capped
    // by the term's Ablauf (life, health); every rolled end is the start of the next insurance year,
    // which is what a Hauptfälligkeit is.
    const atEnd =
      (series.field === 'endDate' && hit.index === 0) || (!!series.until && compareDates(hit.end, series.until) === 0);
    const asDelivered = atEnd ? delivered : undefined;
    return known({
      rule,
      idDay: hit.end,
      state: hit.state,
      lastDay: hit.lastDay,
      effectiveOn: hit.end,
      reasonKey: reasonKeys[rule.id]!,
      values: { months, anchor: asDelivered ? 'endDate' : 'mainDueDate', end: asDelivered ?? hit.end, year: hit.index },
      warnings,
    });
  });
}

/** Ordinary or motor cancellation of a renewing contract; a contract that does not renew just ends. */
function renewal(ctx: Ctx): Deadline[] {
  const { contract, family } = ctx;
  const rule = family === 'motor' ? rules.motor : rules.ordinary;
  if (contract.autoRenewal === false) {
    // It ends by itself at its Ablauf: nothing to cancel, but without a usable Ablauf nobody knows when.
    return ctx.end.ok ? [] : [unknown(rule, 'endDate', ctx.end.problem, ctx.end.given)];
  }
  const notice = noticeMonths(contract.noticeMonths, rule.months!);
  const warnings = [notice.warning, contract.autoRenewal == null ? renewalAssumed : null];
  const found = seriesFor(rule, ctx, warnings);
  if ('unknown' in found) return [found.unknown];
  const hits = pickEnds(found.series, notice.months, ctx.today, ctx.graceDays);
  const delivered = resolve(contract.endDate);
  return fromHits(rule, hits, found.series, notice.months, warnings, delivered.ok ? delivered.date : undefined);
}

/**
 * Health (§205(1), 3 months, any insurance year, renewal or not) and life (§168(1), any time to the end
 * of the current period; the period is taken as the insurance year, an end that holds even where monthly
 * premiums make the period a month and an earlier exit possible). An agreed Ablauf caps the series; a partial one that could fall before the
 * next end makes it unknown.
 */
function termContract(ctx: Ctx): Deadline[] {
  const { contract, family, end, today } = ctx;
  const rule = family === 'life' ? rules.life : rules.health;
  const notice = family === 'life' ? { months: 0, warning: null } : noticeMonths(contract.noticeMonths, rule.months!);
  const warnings = [notice.warning];
  const found = seriesFor(rule, ctx, warnings);
  if ('unknown' in found) return [found.unknown];
  const series: Series = end.ok ? { ...found.series, until: end.date } : found.series;
  const hits = pickEnds(series, notice.months, today, ctx.graceDays);
  const range = !end.ok && end.given ? dateRange(end.given) : null;
  const open = hits.find((h) => h.state === 'open');
  if (!end.ok && end.problem !== 'missing' && (!range || !open || compareDates(range.first, open.end) <= 0)) {
    return [unknown(rule, 'endDate', end.problem, end.given, warnings)];
  }
  const delivered = resolve(contract.endDate);
  return fromHits(rule, hits, series, notice.months, warnings, delivered.ok ? delivered.date : undefined);
}

/**
 * §11(4): agreed for more than three years, the policyholder may leave at the end of year 3 or any later
 * year before the Ablauf, with three months' notice. The years count from Beginn. Without a Beginn the term
 * is unknown; that matters only while the Ablauf is more than a year away (a yearly contract has no
 * earlier exit to miss).
 */
function longTerm(ctx: Ctx): Deadline[] {
  const { contract, end, today } = ctx;
  const rule = rules.longTerm;
  if (!end.ok || compareDates(end.date, today) <= 0) return [];
  const start = resolve(contract.startDate);
  if (!start.ok)
    return daysBetween(today, end.date) > 366 ? [unknown(rule, 'startDate', start.problem, start.given)] : [];
  if (compareDates(end.date, yearEnd(start.date, 3)) <= 0) return [];
  const series: Series = { origin: start.date, first: 3, field: 'startDate', before: end.date };
  return fromHits(rule, pickEnds(series, rule.months!, today, ctx.graceDays), series, rule.months!, []);
}

export function termDeadlines(ctx: Ctx): Deadline[] {
  if (ctx.family === 'life' || ctx.family === 'health') return termContract(ctx);
  return [...renewal(ctx), ...longTerm(ctx)];
}

export type { Ctx as TermContext };
