import { dictionary } from '@zxcvbn-ts/language-common';
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

export const passwordMessages: Record<PasswordProblem, string> = {
  'too-short': `Das Passwort muss mindestens ${passwordLimits.min} Zeichen lang sein.`,
  'too-long': `Das Passwort darf höchstens ${passwordLimits.max} Zeichen lang sein.`,
  common: 'Dieses Passwort ist zu verbreitet und leicht zu erraten. Bitte wählen Sie ein anderes, z. B. einen Satz aus mehreren Wörtern.',
  personal: 'Das Passwort darf nicht Ihr Geburtsdatum, Ihren Namen oder Ihren Benutzernamen enthalten.',
};

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
    for (const form of [`${d}${m}${y}`, `${y}${m}${d}`, `${d}${m}${y!.slice(2)}`]) if (digits.includes(form)) return 'personal';
  }
  const squashed = asciiName(lower).replace(/[^a-z0-9]/g, '');
  const personal = [ctx.firstName, ctx.lastName, ctx.username, ctx.email?.split('@')[0], ctx.tenantName]
    .map((v) => asciiName(v ?? '').replace(/[^a-z0-9]/g, ''))
    .filter((v) => v.length >= 4);
  // Only when the personal word makes up most of the password; a long passphrase may mention a name.
  if (personal.some((p) => squashed.includes(p) && p.length * 2 >= squashed.length)) return 'personal';
  return null;
}
