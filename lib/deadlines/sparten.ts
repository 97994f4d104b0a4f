/**
 * Which cancellation rules a GDV Sparte (3-digit code, reference §3) falls under. The law does not speak of
 * codes, so this is the one place where a code becomes a kind of insurance; unknown codes are kept and
 * treated as ordinary property/casualty insurance (the VVG default), never dropped.
 */

/** life: VVG §168; health: §205; motor: PflVG §5a; the rest follows VVG §11. */
export type SparteFamily = 'life' | 'health' | 'motor' | 'liability' | 'property' | 'other' | 'notInsurance';

/** Basis of the right to cancel after a claim, or none (life, health, accident, legal expenses …). */
export type ClaimBasis = 'settled' | 'acknowledged' | 'both' | null;

/** What a buyer takes over with the insured thing (VVG §95–96), or none. */
export type SaleThing = 'vehicle' | 'building' | null;

const code = (sparte: string | null | undefined): number | null => {
  const s = (sparte ?? '').trim();
  return /^\d{3}$/.test(s) ? Number(s) : null;
};

const within = (n: number, from: number, to: number) => n >= from && n <= to;

export function sparteFamily(sparte: string | null | undefined): SparteFamily {
  const n = code(sparte);
  if (n === null) return 'other';
  if (n === 10) return 'life';
  if (n === 20) return 'health';
  if (within(n, 50, 59)) return 'motor';
  if (within(n, 40, 49)) return 'liability';
  if (within(n, 80, 142)) return 'property';
  // Bausparen is a savings contract under the BSpKG, not insurance: the VVG deadlines do not apply.
  if (n === 580) return 'notInsurance';
  return 'other';
}

/**
 * §92 for property and Kasko (052 Vollkasko, 053 Teilkasko), §111 for liability (040–049 and 051
 * Kfz-Haftpflicht). 050 is the bundled motor contract: both parts, so both triggers. 054 Kfz-Unfall and
 * other Sparten carry no statutory right after a claim (an AVB may grant one; not modelled).
 */
export function claimBasis(sparte: string | null | undefined): ClaimBasis {
  const n = code(sparte);
  if (n === null) return null;
  if (n === 50) return 'both';
  if (n === 51 || within(n, 40, 49)) return 'acknowledged';
  if (n === 52 || n === 53 || within(n, 80, 142)) return 'settled';
  return null;
}

/**
 * The buyer's right (VVG §96(2)) for the insured vehicle (050–059 but 054 Kfz-Unfall, which insures people)
 * or building (property 080–142 but 130 Hausrat, which moves with its owner and is not sold with a house).
 */
export function saleThing(sparte: string | null | undefined): SaleThing {
  const n = code(sparte);
  if (n === null) return null;
  if (within(n, 50, 59) && n !== 54) return 'vehicle';
  if (within(n, 80, 142) && n !== 130) return 'building';
  return null;
}
