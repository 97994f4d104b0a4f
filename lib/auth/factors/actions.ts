'use server';

import { z } from 'zod';
import { advisorAction, sessionAction, sessionCall } from '../../actions/define';
import { setEmployeeFactorRequired, requireFactorSchema } from './policy';
import { resetClientFactor, resetClientFactorSchema, resetEmployeeFactor, resetEmployeeFactorSchema } from './reset';
import { codeSchema, confirmTotpSetup, renewRecoveryCodes, startTotpSetup, switchOffTotp } from './setup';

const accountPaths = ['/account', '/portal/account'];

/** "Mein Zugang" → Zwei-Faktor-Anmeldung einrichten: a new secret with its QR code (also during forced setup). */
export const startTotpSetupAction = sessionCall({
  name: 'account.totp.start',
  schema: z.object({}),
  run: startTotpSetup,
  factorSetup: true,
});

/** The first code from the app switches it on; the recovery codes come back once. */
export const confirmTotpAction = sessionAction({
  name: 'account.totp.confirm',
  schema: codeSchema,
  run: confirmTotpSetup,
  factorSetup: true,
  echo: 'never',
});

export const renewRecoveryCodesAction = sessionAction({
  name: 'account.totp.recovery',
  schema: codeSchema,
  run: renewRecoveryCodes,
  echo: 'never',
});

export const switchOffTotpAction = sessionAction({
  name: 'account.totp.off',
  schema: codeSchema,
  run: switchOffTotp,
  revalidate: () => accountPaths,
  echo: 'never',
});

/** BENUTZER → Zweiten Faktor zurücksetzen (admins). */
export const resetEmployeeFactorAction = advisorAction({
  name: 'users.factor.reset',
  schema: resetEmployeeFactorSchema,
  run: resetEmployeeFactor,
  revalidate: (input) => `/users/${input.userId}`,
  echo: 'never',
});

/** KONTAKT → Zweiten Faktor zurücksetzen (the login-data right, with the PIN). */
export const resetClientFactorAction = advisorAction({
  name: 'contacts.factor.reset',
  schema: resetClientFactorSchema,
  run: resetClientFactor,
  revalidate: (input) => `/contacts/${input.contactId}`,
  echo: 'never',
});

/** EINSTELLUNGEN → Zwei-Faktor-Anmeldung für Mitarbeiter verpflichtend. */
export const requireEmployeeFactorAction = advisorAction({
  name: 'settings.factor.required',
  schema: requireFactorSchema,
  run: setEmployeeFactorRequired,
  revalidate: () => '/settings',
  echo: 'never',
});
