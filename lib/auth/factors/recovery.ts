import { randomInt } from 'node:crypto';
import { pepperedHash } from './secret-box';

/** Letters and digits without look-alikes (no 0/O, 1/I/L). */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const recoveryPolicy = { count: 10, groups: 2, groupLength: 5 } as const;

/** Ten fresh codes like `K7PQM-3XW9A` (10 characters of 31 ≈ 49.5 bits each), shown once. */
export function newRecoveryCodes(): string[] {
  const codes: string[] = [];
  while (codes.length < recoveryPolicy.count) {
    const groups = Array.from({ length: recoveryPolicy.groups }, () =>
      Array.from({ length: recoveryPolicy.groupLength }, () => alphabet[randomInt(alphabet.length)]).join(''),
    );
    const code = groups.join('-');
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** The typed code in its stored form: upper case, without spaces and dashes. */
export function normalizeRecoveryCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

export function looksLikeRecoveryCode(typed: string): boolean {
  const n = normalizeRecoveryCode(typed);
  return n.length === recoveryPolicy.groups * recoveryPolicy.groupLength && /^[A-Z0-9]+$/.test(n) && !/^\d+$/.test(n);
}

export function hashRecoveryCode(typed: string): string {
  return pepperedHash(`recovery:${normalizeRecoveryCode(typed)}`);
}
