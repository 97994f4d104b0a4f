/**
 * The rules of reference §5 as data: one row per rule with its legal source, so every deadline can say on
 * which law it stands and a test can walk the rows. The source strings are citations, not UI words.
 *
 * Not a rule here: VVG §38 (unpaid follow-up premium) is the insurer's right after a reminder it sets
 * itself; nothing in the contract data gives the policyholder a date to keep.
 */

/** What the deadline is for, as the FRISTEN list groups it. */
export type DeadlineKind =
  'ordinary' | 'longTerm' | 'motor' | 'health' | 'life' | 'premiumIncrease' | 'claim' | 'sale' | 'withdrawal';

export type RuleId =
  | 'ordinary'
  | 'longTerm'
  | 'motor'
  | 'health'
  | 'life'
  | 'premiumIncrease'
  | 'healthPremiumIncrease'
  | 'claimProperty'
  | 'claimLiability'
  | 'claimMotor'
  | 'sale'
  | 'saleMotor'
  | 'withdrawal'
  | 'lifeWithdrawal';

/**
 * When the declaration takes effect: at the end of an insurance year (a date), on receipt (withdrawal), on
 * receipt or at the end of the current insurance period as the policyholder chooses (§92, §96, §111), or
 * when the premium increase takes effect (§40, §205(4)).
 */
export type Effect = 'endOfYear' | 'onReceipt' | 'onReceiptOrPeriodEnd' | 'whenIncreaseApplies';

export interface Rule {
  readonly id: RuleId;
  readonly kind: DeadlineKind;
  readonly source: string;
  /** Notice before an end (months), or the window after an event (months); null when `days` applies. */
  readonly months: number | null;
  /** Window after an event in days (withdrawal). */
  readonly days?: number;
  /**
   * What must happen by the last day: the insurer must have the letter (Zugang, BGB §130), except for
   * the withdrawal, where sending it in time is enough (VVG §8(1) sentence 2).
   */
  readonly counts: 'receipt' | 'dispatch';
  readonly effect: Effect;
}

export const rules: { readonly [K in RuleId]: Rule & { readonly id: K } } = {
  // The notice runs back from the end of the insurance year; the contract may agree 1–3 months (§11(3)).
  ordinary: {
    id: 'ordinary',
    kind: 'ordinary',
    source: 'VVG §11(1)–(3)',
    months: 3,
    counts: 'receipt',
    effect: 'endOfYear',
  },
  // More than three years agreed: out at the end of year 3 or any later year, always 3 months' notice.
  longTerm: {
    id: 'longTerm',
    kind: 'longTerm',
    source: 'VVG §11(4)',
    months: 3,
    counts: 'receipt',
    effect: 'endOfYear',
  },
  motor: { id: 'motor', kind: 'motor', source: 'PflVG §5a(1)', months: 1, counts: 'receipt', effect: 'endOfYear' },
  health: { id: 'health', kind: 'health', source: 'VVG §205(1)', months: 3, counts: 'receipt', effect: 'endOfYear' },
  // "Jederzeit für den Schluss der laufenden Versicherungsperiode": no notice, received by its last day.
  life: { id: 'life', kind: 'life', source: 'VVG §168(1)', months: 0, counts: 'receipt', effect: 'endOfYear' },
  premiumIncrease: {
    id: 'premiumIncrease',
    kind: 'premiumIncrease',
    source: 'VVG §40',
    months: 1,
    counts: 'receipt',
    effect: 'whenIncreaseApplies',
  },
  healthPremiumIncrease: {
    id: 'healthPremiumIncrease',
    kind: 'premiumIncrease',
    source: 'VVG §205(4)',
    months: 2,
    counts: 'receipt',
    effect: 'whenIncreaseApplies',
  },
  claimProperty: {
    id: 'claimProperty',
    kind: 'claim',
    source: 'VVG §92',
    months: 1,
    counts: 'receipt',
    effect: 'onReceiptOrPeriodEnd',
  },
  claimLiability: {
    id: 'claimLiability',
    kind: 'claim',
    source: 'VVG §111',
    months: 1,
    counts: 'receipt',
    effect: 'onReceiptOrPeriodEnd',
  },
  claimMotor: {
    id: 'claimMotor',
    kind: 'claim',
    source: 'VVG §92, §111',
    months: 1,
    counts: 'receipt',
    effect: 'onReceiptOrPeriodEnd',
  },
  sale: {
    id: 'sale',
    kind: 'sale',
    source: 'VVG §96(2)',
    months: 1,
    counts: 'receipt',
    effect: 'onReceiptOrPeriodEnd',
  },
  saleMotor: {
    id: 'saleMotor',
    kind: 'sale',
    source: 'VVG §96(2); PflVG §5a(2)',
    months: 1,
    counts: 'receipt',
    effect: 'onReceiptOrPeriodEnd',
  },
  withdrawal: {
    id: 'withdrawal',
    kind: 'withdrawal',
    source: 'VVG §8',
    months: null,
    days: 14,
    counts: 'dispatch',
    effect: 'onReceipt',
  },
  lifeWithdrawal: {
    id: 'lifeWithdrawal',
    kind: 'withdrawal',
    source: 'VVG §152(1)',
    months: null,
    days: 30,
    counts: 'dispatch',
    effect: 'onReceipt',
  },
};

/** VVG §11(3) (and §205(1), §5a PflVG): an agreed notice period may not exceed three months. */
export const maxNoticeMonths = 3;

/** How long a just-missed deadline stays on the list as overdue, unless the caller says otherwise. */
export const defaultGraceDays = 30;
