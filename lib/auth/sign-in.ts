import 'server-only';
import { CredentialsSignin } from 'next-auth';
import type { PublicCtx } from '../ctx';
import { DomainError } from '../errors';
import { isLocale } from '../i18n';
import { accountByLogin } from './account';
import { signIn, ThrottledSignin } from './auth';
import { homePathFor } from './current';
import { rememberLocale } from './locale-cookie';
import type { LoginInput } from './login';

/** Where the signed-in account goes next: the advisor area or the portal. */
export interface SignedInHome {
  home: string;
}

/**
 * LOGIN from the tenant's page: Auth.js's credentials sign-in (its authorize runs `attemptLogin`) sets the
 * session cookie; then the account's language is remembered on this browser (mappe.locale), so the login
 * page after "Abmelden" stays in it.
 */
export async function signInWithPassword(ctx: PublicCtx, input: LoginInput): Promise<SignedInHome> {
  try {
    await signIn('credentials', { login: input.login, password: input.password, redirect: false });
  } catch (error) {
    if (error instanceof ThrottledSignin) {
      const seconds = error.retryAfterSeconds;
      throw new DomainError('rate_limited', 'signin.login.throttled', {
        values: { seconds },
        detail: { retryAfterSeconds: seconds },
      });
    }
    if (error instanceof CredentialsSignin) throw new DomainError('invalid', 'signin.login.invalid');
    throw error;
  }
  const account = await accountByLogin(ctx, input.login);
  if (account && isLocale(account.locale)) await rememberLocale(account.locale);
  return { home: homePathFor(account ?? { kind: 'client' }) };
}
