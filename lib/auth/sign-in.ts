import 'server-only';
import { CredentialsSignin } from 'next-auth';
import type { PublicCtx } from '../ctx';
import { DomainError } from '../errors';
import { isLocale } from '../i18n';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { accountById, accountByLogin } from './account';
import { ExpiredSignin, SecondFactorSignin, signIn, ThrottledSignin } from './auth';
import { homePathFor } from './current';
import { clearPendingCookie, readPendingCookie, setPendingCookie } from './factors/pending-cookie';
import { passkeySecondStepOptions, pendingAccount } from './factors/second-step';
import { rememberLocale } from './locale-cookie';
import type { LoginInput } from './login';
import type { RelyingParty } from './passkeys/rp';
import { passkeyByCredential } from './passkeys/store';

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

/** Login step two: the code (or a passkey) for the pending login of this browser; then the session. */
export async function signInWithCode(
  ctx: PublicCtx,
  input: { code: string } | { passkey: AuthenticationResponseJSON },
): Promise<SignedInHome> {
  const pending = await readPendingCookie();
  if (!pending) throw new DomainError('expired', 'signin.code.expired');
  const account = await pendingAccount(ctx.db, ctx.tenant.id, pending);
  if (!account) {
    await clearPendingCookie();
    throw new DomainError('expired', 'signin.code.expired');
  }
  try {
    const proof = 'passkey' in input ? { passkey: JSON.stringify(input.passkey) } : { code: input.code };
    await signIn('second-factor', { pending, ...proof, redirect: false });
  } catch (error) {
    if (error instanceof ThrottledSignin) throw throttled(error, 'signin.code.throttled');
    if (error instanceof ExpiredSignin) {
      await clearPendingCookie();
      throw new DomainError('expired', 'signin.code.expired');
    }
    if (error instanceof CredentialsSignin)
      throw 'passkey' in input
        ? new DomainError('invalid', 'signin.passkey.secondInvalid')
        : new DomainError('invalid', 'signin.code.invalid', { field: 'code' });
    throw error;
  }
  await clearPendingCookie();
  if (isLocale(account.locale)) await rememberLocale(account.locale);
  return { home: homePathFor(account) };
}

/** The options for step two with a passkey (the pending login of this browser), or `expired`. */
export async function secondStepPasskeyOptions(ctx: PublicCtx, input: { rp: RelyingParty }) {
  const pending = await readPendingCookie();
  const options = pending ? await passkeySecondStepOptions(ctx, { pending, rp: input.rp }) : null;
  if (!options) throw new DomainError('expired', 'signin.code.expired');
  return options;
}

/** "Mit Passkey anmelden": Auth.js's passkey sign-in sets the session cookie; then home as after a password. */
export async function signInWithPasskey(
  ctx: PublicCtx,
  input: { response: AuthenticationResponseJSON },
): Promise<SignedInHome> {
  try {
    await signIn('passkey', { response: JSON.stringify(input.response), redirect: false });
  } catch (error) {
    if (error instanceof ThrottledSignin) throw throttled(error, 'signin.passkey.throttled');
    if (error instanceof CredentialsSignin) throw new DomainError('invalid', 'signin.passkey.invalid');
    throw error;
  }
  const key = await passkeyByCredential(ctx.db, ctx.tenant.id, input.response.id);
  const account = key ? await accountById(ctx, key.userId) : null;
  if (account && isLocale(account.locale)) await rememberLocale(account.locale);
  return { home: homePathFor(account ?? { kind: 'client' }) };
}
