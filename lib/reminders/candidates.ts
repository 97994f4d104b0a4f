import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { contactProfiles, contracts, productLines } from '../db/schema';
import { addDays, addMonths, type CalendarDate, toIso } from '../deadlines';
import { daysBetween } from '../deadlines/dates';

/** The longest notice a rule counts with (3 months) plus slack for month ends and an inclusive Ablauf. */
const noticeSlackMonths = 3;
const slackDays = 3;

type DateColumn = typeof contracts.mainDueDate | typeof contracts.endDate | typeof contracts.startDate;

const monthDay = (column: DateColumn) =>
  sql`((extract(month from ${column}) * 100 + extract(day from ${column}))::int)`;

/** The month-day (MMDD) of `column` lies between `from` and `to` (across New Year when needed). */
function monthDayWithin(column: DateColumn, from: CalendarDate, to: CalendarDate): SQL {
  if (daysBetween(from, to) >= 365) return sql`${column} is not null`;
  const a = from.month * 100 + from.day;
  const b = to.month * 100 + to.day;
  const md = monthDay(column);
  return from.year === to.year ? sql`${md} between ${a} and ${b}` : sql`(${md} >= ${a} or ${md} <= ${b})`;
}

/**
 * The contracts of one tenant that may have a deadline whose last day falls between today and `maxStep`
 * days ahead – found by the month-day indexes of the dates a deadline series rolls from (Hauptfälligkeit,
 * Ablauf, Beginn; motor cover begun mid-month rolls from the next 1st) and by the latest event date
 * (premium increase, claim, acquisition), never by reading every contract. A superset: the engine decides.
 */
export function candidateWhere(tenantId: string, today: CalendarDate, maxStep: number): SQL {
  const from = addDays(today, -slackDays);
  const to = addDays(addMonths(addDays(today, maxStep), noticeSlackMonths), slackDays);
  const eventSince = toIso(addMonths(from, -3));
  const events = sql`greatest(${contracts.premiumIncreaseReceivedOn}, ${contracts.claimSettledOn}, ${contracts.acquiredOn})`;
  return and(
    eq(contracts.tenantId, tenantId),
    or(isNull(contracts.status), inArray(contracts.status, ['aktiv', 'beantragt', 'ruhend'])),
    or(
      monthDayWithin(contracts.mainDueDate, from, to),
      monthDayWithin(contracts.endDate, from, to),
      monthDayWithin(contracts.startDate, addMonths(from, -1), to),
      and(
        or(
          sql`${contracts.premiumIncreaseReceivedOn} is not null`,
          sql`${contracts.claimSettledOn} is not null`,
          sql`${contracts.acquiredOn} is not null`,
        ),
        sql`${events} >= ${eventSince}::date`,
      ),
    ),
  )!;
}

export const candidateColumns = {
  id: contracts.id,
  contactId: contracts.contactId,
  area: contracts.area,
  createdByClient: contracts.createdByClient,
  product: contracts.product,
  provider: contracts.provider,
  status: contracts.status,
  sparte: contracts.sparte,
  productLineSparte: productLines.sparte,
  startDate: contracts.startDate,
  endDate: contracts.endDate,
  mainDueDate: contracts.mainDueDate,
  noticeMonths: contracts.noticeMonths,
  autoRenewal: contracts.autoRenewal,
  premiumIncreaseReceivedOn: contracts.premiumIncreaseReceivedOn,
  claimSettledOn: contracts.claimSettledOn,
  acquiredOn: contracts.acquiredOn,
  partialDates: contracts.partialDates,
  advisorId: contactProfiles.advisorId,
};

/**
 * One page of candidates (by id), locked with FOR UPDATE SKIP LOCKED inside the caller's transaction: a
 * second worker skips the contracts the first one is on (the unique key keeps it exact either way).
 */
export async function claimCandidates(tx: Tx | Db, where: SQL, afterId: string | null, limit: number) {
  return tx
    .select(candidateColumns)
    .from(contracts)
    .leftJoin(
      contactProfiles,
      and(eq(contactProfiles.tenantId, contracts.tenantId), eq(contactProfiles.userId, contracts.contactId)),
    )
    .leftJoin(productLines, and(eq(productLines.area, contracts.area), eq(productLines.name, contracts.product)))
    .where(afterId ? and(where, gt(contracts.id, afterId)) : where)
    .orderBy(asc(contracts.id))
    .limit(limit)
    .for('update', { of: contracts, skipLocked: true });
}

export type Candidate = Awaited<ReturnType<typeof claimCandidates>>[number];
