import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { createPublicCtx } from '../ctx';
import { db } from '../db/client';
import { env, serverEnv } from '../env';
import { trustedHost } from '../tenant/forwarded';
import { findTenantByHost } from '../tenant/lookup';
import { clientIp } from '../tenant/request-ip';
import { sessionCookieName } from './cookie';
import { completeSecondStep } from './factors/second-step';
import { attemptLogin, loginSchema } from './login';
import { attemptPasskeyLogin } from './passkeys/login';
import { relyingParty } from './passkeys/rp';
import { parseAssertion } from './passkeys/schemas';
import { sessionPolicy } from './sessions';

/** A throttled login, carried through Auth.js to the sign-in action (lib/auth/sign-in.ts). */
export class ThrottledSignin extends CredentialsSignin {
  code = 'rate_limited';
  constructor(public readonly retryAfterSeconds: number) {
    super();
  }
}

/** The password was right; the account has a second factor: the pending login's raw id goes to a cookie. */
export class SecondFactorSignin extends CredentialsSignin {
  code = 'second_factor';
  constructor(public readonly pending: string) {
    super();
  }
}

/** The pending login is gone (expired, used): back to the password. */
export class ExpiredSignin extends CredentialsSignin {
  code = 'expired';
}

function hostOf(h: Headers): string | null {
  const e = env();
  return trustedHost(h, { trustProxy: e.TRUST_PROXY, hops: e.TRUST_PROXY_HOPS });
}

/**
 * Auth.js (next-auth 5) with the credentials provider. The JWT cookie only carries the session id and
 * tenant id; lib/auth/current.ts checks the session row on every request (idle, absolute, revoked).
 */
export const { signIn, signOut } = NextAuth(() => {
  const e = serverEnv();
  const secure = e.APP_URL_SCHEME === 'https';
  return {
    secret: e.AUTH_SECRET,
    trustHost: true,
    // A wrong password is an expected outcome, not a server error: keep it out of the error log.
    logger: {
      error(error) {
        if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
        console.error('[auth]', error);
      },
    },
    session: { strategy: 'jwt', maxAge: sessionPolicy.absoluteSeconds },
    pages: { signIn: '/login', error: '/login' },
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
    providers: [
      Credentials({
        credentials: { login: {}, password: {} },
        async authorize(credentials, request) {
          const parsed = loginSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const tenant = await findTenantByHost(hostOf(request.headers));
          if (!tenant) return null;
          // The framework's entry point: the pool, and the same verb the tests call.
          const result = await attemptLogin(createPublicCtx(db(), tenant), {
            login: parsed.data.login,
            password: parsed.data.password,
            ip: clientIp(request.headers),
            userAgent: request.headers.get('user-agent'),
          });
          if (!result.ok) {
            if (result.code === 'rate_limited') throw new ThrottledSignin(result.retryAfterSeconds);
            if (result.code === 'second_factor') throw new SecondFactorSignin(result.pending);
            return null;
          }
          return { id: result.user.id, sid: result.sessionId, tid: tenant.id };
        },
      }),
      // Login step two (lib/auth/factors/second-step.ts): the pending login from the cookie and a code or passkey.
      Credentials({
        id: 'second-factor',
        credentials: { pending: {}, code: {}, passkey: {} },
        async authorize(credentials, request) {
          const pending = typeof credentials.pending === 'string' ? credentials.pending : '';
          const code = typeof credentials.code === 'string' ? credentials.code.slice(0, 40) : '';
          const passkey = parseAssertion(credentials.passkey);
          if (!pending || (!code && !passkey)) return null;
          const tenant = await findTenantByHost(hostOf(request.headers));
          if (!tenant) return null;
          const rp = relyingParty(hostOf(request.headers), env().APP_URL_SCHEME, tenant.name);
          if (passkey && !rp) return null;
          const result = await completeSecondStep(createPublicCtx(db(), tenant), {
            pending,
            ...(passkey && rp ? { passkey, rp } : { code }),
            ip: clientIp(request.headers),
            userAgent: request.headers.get('user-agent'),
          });
          if (!result.ok) {
            if (result.code === 'rate_limited') throw new ThrottledSignin(result.retryAfterSeconds);
            if (result.code === 'expired') throw new ExpiredSignin();
            return null;
          }
          return { id: result.user.id, sid: result.sessionId, tid: tenant.id };
        },
      }),
      // "Mit Passkey anmelden" (lib/auth/passkeys/login.ts): a passkey alone, on this host's relying party.
      Credentials({
        id: 'passkey',
        credentials: { response: {} },
        async authorize(credentials, request) {
          const response = parseAssertion(credentials.response);
          if (!response) return null;
          const tenant = await findTenantByHost(hostOf(request.headers));
          const rp = tenant && relyingParty(hostOf(request.headers), env().APP_URL_SCHEME, tenant.name);
          if (!tenant || !rp) return null;
          const result = await attemptPasskeyLogin(createPublicCtx(db(), tenant), {
            response,
            rp,
            ip: clientIp(request.headers),
            userAgent: request.headers.get('user-agent'),
          });
          if (!result.ok) {
            if (result.code === 'rate_limited') throw new ThrottledSignin(result.retryAfterSeconds);
            return null;
          }
          return { id: result.user.id, sid: result.sessionId, tid: tenant.id };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const u = user as { id: string; sid: string; tid: string };
          return { sub: u.id, sid: u.sid, tid: u.tid };
        }
        return token;
      },
      // Nothing of the session is exposed to the browser's JavaScript.
      session({ session }) {
        return { expires: session.expires } as typeof session;
      },
    },
  };
});
