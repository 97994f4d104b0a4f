/**
 * The one bridge from a stored contract (columns of `contracts`, see lib/db/schema/contracts.ts) to the
 * engine's input. Every caller – contract page, FRISTEN list, reminders, iCal, cockpit, import review –
 * maps rows through here, so a date means the same everywhere.
 */
import { fromIso, type PartialDate } from './dates';
import type { DeadlineContract } from './types';

/** The columns the engine reads; a select of `contracts` (plus the product line's Sparte) fits. */
export interface DeadlineRow {
  readonly status: string | null;
  readonly sparte: string | null;
  /** The product line's Sparte, used when the contract has none of its own. */
  readonly productLineSparte?: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly mainDueDate: string | null;
  readonly noticeMonths: number | null;
  readonly autoRenewal: boolean | null;
  readonly premiumIncreaseReceivedOn: string | null;
  readonly claimSettledOn: string | null;
  readonly acquiredOn: string | null;
  readonly partialDates: Partial<Record<'startDate' | 'endDate' | 'mainDueDate', string>> | null;
}

/** Statuses after which a contract has no deadlines (gekündigt: the cancellation is already on its way). */
const endedStatuses = new Set(['gekündigt', 'beendet']);

/** 'YYYY' or 'YYYY-MM' (a partial date as stored in `partial_dates`); null for anything else. */
export function partialFromIso(value: string | null | undefined): PartialDate | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  if (year < 1 || (month != null && (month < 1 || month > 12))) return null;
  return { year, month, day: null };
}

function dateOf(full: string | null, partial: string | null | undefined): PartialDate | null {
  if (full) return fromIso(full);
  return partialFromIso(partial);
}

export function deadlineInput(row: DeadlineRow): DeadlineContract {
  const partial = row.partialDates ?? {};
  return {
    sparte: row.sparte ?? row.productLineSparte ?? null,
    status: row.status && endedStatuses.has(row.status) ? 'ended' : 'running',
    startDate: dateOf(row.startDate, partial.startDate),
    endDate: dateOf(row.endDate, partial.endDate),
    mainDueDate: dateOf(row.mainDueDate, partial.mainDueDate),
    noticeMonths: row.noticeMonths,
    autoRenewal: row.autoRenewal,
    events: {
      premiumIncreaseReceived: row.premiumIncreaseReceivedOn ? fromIso(row.premiumIncreaseReceivedOn) : null,
      claimSettled: row.claimSettledOn ? fromIso(row.claimSettledOn) : null,
      acquired: row.acquiredOn ? fromIso(row.acquiredOn) : null,
    },
  };
}
