'use server';

import { and, eq, or, sql } from 'drizzle-orm';
import { CredentialsSignin } from 'next-auth';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { publicAction, sessionAction } from '../actions/wrap';
import { echoValues, type ActionResult, type FormState } from '../actions/result';
import { headers } from 'next/headers';
import { clientIp } from '../tenant/request-ip';
import { activateAccount, activationSchema, requestPasswordReset, resetRequestSchema } from './activation';
import { changePassword, changePasswordSchema } from './change-password';
import { audit } from '../audit';
import { db } from '../db/client';
import { users } from '../db/schema';
import { signIn, signOut, ThrottledSignin } from './auth';
import { currentActor, homePathFor, readSessionToken } from './current';
import { loginSchema } from './login';
import { revokeSession } from './sessions';

export type LoginState = (ActionResult<undefined> & { values?: { login: string } }) | null;

/** LOGIN on the tenant's page: Auth.js credentials sign-in, then to the advisor area or the portal. */
export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const typed = { login: String(formData.get('login') ?? '').slice(0, 254) };
  const t = await getTranslations('login');
  const result = await publicAction<typeof loginSchema, undefined>('login', loginSchema, formData, async ({ tenant, input }) => {
    try {
      await signIn('credentials', { login: input.login, password: input.password, redirect: false });
    } catch (error) {
      if (error instanceof ThrottledSignin) {
        return { ok: false, code: 'throttled', message: t('throttled', { seconds: error.retryAfterSeconds }) };
      }
      if (error instanceof CredentialsSignin) return { ok: false, code: 'invalid', message: t('invalid') };
      throw error;
    }
    const login = input.login.trim().toLowerCase();
    const [user] = await db()
      .select({ kind: users.kind })
      .from(users)
      .where(and(eq(users.tenantId, tenant.id), or(sql`lower(${users.username}) = ${login}`, sql`lower(${users.email}) = ${login}`)))
      .limit(1);
    redirect(homePathFor(user ?? { kind: 'client' }));
  });
  return { ...result, values: typed };
}

/** Abmelden: the session row is revoked first, so the cookie is dead even if the browser keeps it. */
export async function logoutAction(): Promise<void> {
  const actor = await currentActor();
  const token = await readSessionToken();
  if (token) {
    await db().transaction(async (tx) => {
      await revokeSession(tx, token.sid);
      if (actor) {
        await audit(tx, { tenantId: actor.tenant.id, actorType: 'user', actorId: actor.user.id, action: 'auth.logout', targetType: 'user', targetId: actor.user.id });
      }
    });
  }
  await signOut({ redirect: false });
  redirect('/login?abgemeldet=1');
}

/** PASSWORTVERGABE (invitation) and the reset: link + password twice + PIN. */
export async function activateAction(_prev: FormState<ActivationDone>, formData: FormData): Promise<FormState<ActivationDone>> {
  const h = await headers();
  const token = String(formData.get('token') ?? '');
  const result = await publicAction<typeof activationSchema, ActivationDone>('activate', activationSchema, formData, async ({ tenant, input }) =>
    activateAccount(db(), tenant, { token, ...input, ip: clientIp(h) }),
  );
  return result;
}

export type ActivationDone = { username: string; kind: 'employee' | 'client'; purpose: 'invite' | 'reset' };

/** "Passwort vergessen?": always the same answer. */
export async function requestResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const h = await headers();
  const result = await publicAction<typeof resetRequestSchema, undefined>('reset.request', resetRequestSchema, formData, async ({ tenant, input }) => {
    await requestPasswordReset(db(), tenant, { login: input.login, ip: clientIp(h) });
    return { ok: true, data: undefined };
  });
  return { ...result, values: echoValues(formData) };
}

/** Passwort ändern (signed in): other sessions end. */
export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return sessionAction('password.change', changePasswordSchema, formData, async ({ actor, input }) => {
    await changePassword(db(), actor.tenant, { userId: actor.user.id, sessionId: actor.sessionId }, input);
    return { ok: true, data: undefined };
  });
}
