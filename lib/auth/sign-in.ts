import 'server-only';
import { CredentialsSignin } from 'next-auth';
import type { PublicCtx } from '../ctx';
import { DomainError } from '../errors';
import { isLocale } from '../i18n';
import { accountByLogin } from './account';
import { ExpiredSignin, SecondFactorSignin, signIn, ThrottledSignin } from './auth';
import { homePathFor } from './current';
import { clearPendingCookie, readPendingCookie, setPendingCookie } from './factors/pending-cookie';
import { pendingAccount } from './factors/second-step';
import { rememberLocale } from './locale-cookie';
import type { LoginInput } from './login';

/** Where the signed-in account goes next: the advisor area, the portal, or the code of step two. */
export interface SignedInHome {
  home: string;
}

/** The page of login step two (the code of the authenticator app or a recovery code). */
export const secondStepPath = '/login/code';

function throttled(error: ThrottledSignin, key: string): DomainError {
  const seconds = error.retryAfterSeconds;
  return new DomainError('rate_limited', key, { values: { seconds }, detail: { retryAfterSeconds: seconds } });
}

/**
 * LOGIN from the tenant's page: Auth.js's credentials sign-in (its authorize runs `attemptLogin`) sets the
 * session cookie; then the account's language is remembered on this browser (mappe.locale), so the login
 * page after "Abmelden" stays in it. An account with a second factor gets no session yet: the pending login
 * goes to a short-lived cookie and the browser to the code page.
 */
export async function signInWithPassword(ctx: PublicCtx, input: LoginInput): Promise<SignedInHome> {
  try {
    await signIn('credentials', { login: input.login, password: input.password, redirect: false });
  } catch (error) {
    if (error instanceof ThrottledSignin) throw throttled(error, 'signin.login.throttled');
    if (error instanceof SecondFactorSignin) {
      await setPendingCookie(error.pending);
      return { home: secondStepPath };
    }
    if (error instanceof CredentialsSignin) throw new DomainError('invalid', 'signin.login.invalid');
    throw error;
  }
  const account = await accountByLogin(ctx, input.login);
  if (account && isLocale(account.locale)) await rememberLocale(account.locale);
  return { home: homePathFor(account ?? { kind: 'client' }) };
}

/** Login step two: the code for the pending login of this browser; then the session as after a password. */
export async function signInWithCode(ctx: PublicCtx, input: { code: string }): Promise<SignedInHome> {
  const pending = await readPendingCookie();
  if (!pending) throw new DomainError('expired', 'signin.code.expired');
  const account = await pendingAccount(ctx.db, ctx.tenant.id, pending);
  if (!account) {
    await clearPendingCookie();
    throw new DomainError('expired', 'signin.code.expired');
  }
  try {
    await signIn('second-factor', { pending, code: input.code, redirect: false });
  } catch (error) {
    if (error instanceof ThrottledSignin) throw throttled(error, 'signin.code.throttled');
    if (error instanceof ExpiredSignin) {
      await clearPendingCookie();
      throw new DomainError('expired', 'signin.code.expired');
    }
    if (error instanceof CredentialsSignin) throw new DomainError('invalid', 'signin.code.invalid', { field: 'code' });
    throw error;
  }
  await clearPendingCookie();
  if (isLocale(account.locale)) await rememberLocale(account.locale);
  return { home: homePathFor(account) };
}
