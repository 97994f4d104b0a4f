'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { publicAction, sessionCall } from '../actions/define';
import type { FormState } from '../actions/result';
import { activateAccount, activateSchema } from './activation';
import { signOut } from './auth';
import { loginSchema } from './login';
import { logout } from './logout';
import { withClient } from './request';
import { requestPasswordReset, resetRequestSchema } from './reset';
import { secondStepSchema } from './factors/second-step';
import { signInWithCode, signInWithPassword, type SignedInHome } from './sign-in';

export type { ActivationDone } from './activation';
export type LoginState = FormState<SignedInHome>;

// Passwort ändern is declared with "Mein Zugang" (lib/users/actions.ts: changePasswordAction) on changePassword.

/** LOGIN on the tenant's page: Auth.js credentials sign-in, then to the advisor area or the portal. */
export const loginAction = publicAction({
  name: 'auth.login',
  schema: loginSchema,
  run: signInWithPassword,
  redirect: (_input, { home }) => home,
});

/** Login step two: the code of the authenticator app or a recovery code for the pending login. */
export const loginCodeAction = publicAction({
  name: 'auth.login.code',
  schema: secondStepSchema,
  run: signInWithCode,
  redirect: (_input, { home }) => home,
  echo: 'never',
});

/** PASSWORTVERGABE (invitation) and the reset: link + password twice + PIN. */
export const activateAction = publicAction({
  name: 'auth.activate',
  schema: activateSchema,
  run: withClient(activateAccount),
  echo: 'never',
});

/** "Passwort vergessen?": always the same answer. */
export const requestResetAction = publicAction({
  name: 'auth.reset.request',
  schema: resetRequestSchema,
  run: withClient(requestPasswordReset),
});

const endSession = sessionCall({ name: 'auth.logout', schema: z.object({}), run: logout, factorSetup: true });

/**
 * Abmelden (a plain `<form action>`, so no previous state): the session row is revoked through the builder,
 * then the cookie is cleared and the login page shown – also when the session had already ended.
 */
export async function logoutAction(): Promise<void> {
  await endSession({});
  await signOut({ redirect: false });
  redirect('/login?abgemeldet=1');
}
