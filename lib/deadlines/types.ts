/**
 * The engine's input and output. Input: what a contract knows (typed in or from a GDV 0200 record), dates
 * possibly partial. Output: one entry per open deadline, each with its rule, its source and a reason the UI
 * renders from the `deadlines` catalog; words never live here.
 */
import type { MessageKey } from '../i18n';
import type { CalendarDate, PartialDate } from './dates';
import type { HolidayId, Weekend } from './holidays';
import type { DeadlineKind, Effect, Rule } from './rules';

/**
 * How a delivered Ablauf is meant. `exclusive` (most insurers, reference §4): 01.01.2027 = cover ends
 * 31.12.2026 24:00. `inclusive`: 31.12.2026 = the last day of cover. `auto` (default) decides per contract,
 * see `endBoundary` in anchors.ts.
 */
export type EndDateConvention = 'exclusive' | 'inclusive' | 'auto';

/** Events that open a deadline of their own; the latest one of each kind. */
export interface DeadlineEvents {
  /** "Beitragserhöhung erhalten am": the day the increase notice reached the policyholder. */
  readonly premiumIncreaseReceived?: PartialDate | null;
  /** "Schaden reguliert / anerkannt am": settlement (property, Kasko) or acknowledgement/rejection (liability). */
  readonly claimSettled?: PartialDate | null;
  /** "Fahrzeug / Gebäude erworben am": the day the buyer (our client) acquired the insured thing. */
  readonly acquired?: PartialDate | null;
  /** Policy and documents (VVG §8(2)) received: starts the withdrawal period. */
  readonly documentsReceived?: PartialDate | null;
}

export interface DeadlineContract {
  /** GDV Sparte, 3 digits ('050' Kraftfahrt, '010' Leben …); unknown codes are kept. */
  readonly sparte: string | null;
  /** An ended contract (cancelled, expired, transferred) has no deadlines. */
  readonly status: 'running' | 'ended';
  /** Beginn: the first day of cover. */
  readonly startDate?: PartialDate | null;
  /** Ablauf: the current end of the term as delivered (see `endDateConvention`). */
  readonly endDate?: PartialDate | null;
  readonly endDateConvention?: EndDateConvention;
  /** Hauptfälligkeit: the start of the next insurance year as of the delivery (rolled forward from there). */
  readonly mainDueDate?: PartialDate | null;
  /** Kündigungsfrist in whole months; null: the rule's default (3, motor 1). */
  readonly noticeMonths?: number | null;
  /** Automatische Verlängerung; null/undefined: not recorded (computed as renewing, with a warning). */
  readonly autoRenewal?: boolean | null;
  readonly events?: DeadlineEvents;
}

export interface DeadlineOptions {
  /** A deadline missed at most this many days ago is listed as `overdue` (default 30; 0: never). */
  readonly graceDays?: number;
}

/** A value of a reason: a number, a select word, or a (partial) date the UI formats in its locale. */
export type ReasonValue = string | number | PartialDate;

export interface ReasonMessage {
  readonly key: MessageKey;
  readonly values: Readonly<Record<string, ReasonValue>>;
}

export type DeadlineWarning =
  | { readonly code: 'weekend'; readonly weekday: Weekend; readonly message: ReasonMessage }
  | { readonly code: 'holiday'; readonly holiday: HolidayId; readonly message: ReasonMessage }
  | { readonly code: 'noticeAdjusted'; readonly message: ReasonMessage }
  | { readonly code: 'renewalAssumed'; readonly message: ReasonMessage };

/** The date field a series or an unknown entry refers to (select values of the catalog messages). */
export type DateField = 'startDate' | 'endDate' | 'mainDueDate' | keyof DeadlineEvents;

interface DeadlineBase {
  /** Stable per contract and deadline (`ordinary:2027-01-01`): the key for "erledigt" and reminders. */
  readonly id: string;
  readonly kind: DeadlineKind;
  readonly rule: Rule;
  readonly reason: ReasonMessage;
}

export interface KnownDeadline extends DeadlineBase {
  /** `open`: today or later; `overdue`: missed within the grace window. */
  readonly state: 'open' | 'overdue';
  /**
   * The last day: the insurer must have the letter by the end of this day (`rule.counts` 'receipt'), or,
   * for a withdrawal, it must have been sent ('dispatch'). Never moved for weekends or holidays.
   */
  readonly lastDay: CalendarDate;
  readonly effect: Effect;
  /**
   * When the cancellation takes effect, as an exclusive boundary: cover ends at 00:00 of this day
   * (01.01.2027 = last covered day 31.12.2026), the same convention as a Hauptfälligkeit. Null when it
   * depends on the letter (on receipt, when the increase applies) or the period end is unknown.
   */
  readonly effectiveOn: CalendarDate | null;
  readonly warnings: readonly DeadlineWarning[];
}

export interface UnknownDeadline extends DeadlineBase {
  /** A date the rule needs is missing, partial or impossible: no date rather than a wrong one. */
  readonly state: 'unknown';
  readonly field: DateField;
  readonly lastDay: null;
  readonly effectiveOn: null;
  readonly warnings: readonly DeadlineWarning[];
}

export type Deadline = KnownDeadline | UnknownDeadline;
