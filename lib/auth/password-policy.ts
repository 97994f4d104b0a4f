import { dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '../errors';
import type { MessageKey } from '../i18n';
import { asciiName } from '../users/username';

/**
 * Password rules (SPEC §2, R-A4, NIST SP 800-63B): 12–128 characters, no composition rules, not on the
 * list of ~49,000 common passwords shipped with zxcvbn-ts, not built from the birth date, the name or
 * the username. The strength hint in the browser uses zxcvbn's score.
 */
export const passwordLimits = { min: 12, max: 128 } as const;

let blocklist: Set<string> | undefined;
function common(): Set<string> {
  blocklist ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return blocklist;
}

export interface PasswordContext {
  birthDate?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
  email?: string | null;
  tenantName?: string | null;
}

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'personal';

/** The message of each problem (signin namespace), shown next to the password field. */
export const passwordProblemKeys = {
  'too-short': 'signin.password.tooShort',
  'too-long': 'signin.password.tooLong',
  common: 'signin.password.common',
  personal: 'signin.password.personal',
} as const satisfies Record<PasswordProblem, MessageKey>;

/** The refusal of a weak password, next to its field ("invalid" with the reason in `detail`). */
export function weakPassword(problem: PasswordProblem, field = 'password'): DomainError {
  return new DomainError('invalid', passwordProblemKeys[problem], {
    field,
    values: { ...passwordLimits },
    detail: { reason: 'weak_password', problem },
  });
}

export function checkPassword(password: string, ctx: PasswordContext = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < passwordLimits.min) return 'too-short';
  if (length > passwordLimits.max) return 'too-long';
  const lower = password.toLowerCase();
  const list = common();
  // "password2024!" is as weak as "password": strip what people usually append.
  const base = lower.replace(/[\d\W_]+$/u, '');
  if (list.has(lower) || (base.length >= 4 && list.has(base)) || /^(.)\1+$/u.test(lower)) return 'common';
  const digits = password.replace(/\D/g, '');
  if (ctx.birthDate) {
    const [y, m, d] = ctx.birthDate.split('-');
    for (const form of [`${d}${m}${y}`, `${y}${m}${d}`, `${d}${m}${y!.slice(2)}`])
      if (digits.includes(form)) return 'personal';
  }
  const squashed = asciiName(lower).replace(/[^a-z0-9]/g, '');
  const personal = [ctx.firstName, ctx.lastName, ctx.username, ctx.email?.split('@')[0], ctx.tenantName]
    .map((v) => asciiName(v ?? '').replace(/[^a-z0-9]/g, ''))
    .filter((v) => v.length >= 4);
  // Only when the personal word makes up most of the password; a long passphrase may mention a name.
  if (personal.some((p) => squashed.includes(p) && p.length * 2 >= squashed.length)) return 'personal';
  return null;
}
