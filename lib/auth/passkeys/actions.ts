'use server';

import { z } from 'zod';
import { publicCall, sessionAction, sessionCall } from '../../actions/define';
import { withClient } from '../request';
import { secondStepPasskeyOptions, signInWithCode, signInWithPasskey } from '../sign-in';
import { passkeyLoginOptions } from './login';
import { finishPasskeyRegistration, removePasskey, renamePasskey, startPasskeyRegistration } from './manage';
import { withRelyingParty } from './request';
import {
  assertionSchema,
  finishRegistrationSchema,
  removePasskeySchema,
  renamePasskeySchema,
  startRegistrationSchema,
} from './schemas';

const accountPaths = () => ['/account', '/portal/account'];

/** "Passkey hinzufügen", step one: the password, then the options for this host (also during forced setup). */
export const startPasskeyRegistrationAction = sessionCall({
  name: 'account.passkey.start',
  schema: startRegistrationSchema,
  run: withRelyingParty(startPasskeyRegistration),
  factorSetup: true,
});

/** Step two: the authenticator's answer; the passkey is kept under its name. */
export const finishPasskeyRegistrationAction = sessionCall({
  name: 'account.passkey.finish',
  schema: finishRegistrationSchema,
  run: withRelyingParty(finishPasskeyRegistration),
  revalidate: accountPaths,
  factorSetup: true,
});

export const renamePasskeyAction = sessionAction({
  name: 'account.passkey.rename',
  schema: renamePasskeySchema,
  run: renamePasskey,
  revalidate: accountPaths,
});

export const removePasskeyAction = sessionAction({
  name: 'account.passkey.remove',
  schema: removePasskeySchema,
  run: removePasskey,
  revalidate: accountPaths,
  echo: 'never',
});

/** "Mit Passkey anmelden", step one: a challenge for any passkey of this host. */
export const passkeyLoginOptionsAction = publicCall({
  name: 'auth.passkey.options',
  schema: z.object({}),
  run: withRelyingParty(withClient(passkeyLoginOptions)),
});

/** Step two: the assertion signs in (Auth.js's passkey provider), then home. */
export const passkeyLoginAction = publicCall({
  name: 'auth.passkey.login',
  schema: assertionSchema,
  run: signInWithPasskey,
  redirect: (_input, { home }) => home,
});

/** Login step two with a passkey: options for the pending account's passkeys. */
export const passkeySecondOptionsAction = publicCall({
  name: 'auth.passkey.second.options',
  schema: z.object({}),
  run: withRelyingParty(secondStepPasskeyOptions),
});

export const passkeySecondStepAction = publicCall({
  name: 'auth.passkey.second',
  schema: assertionSchema,
  run: (ctx, input) => signInWithCode(ctx, { passkey: input.response }),
  redirect: (_input, { home }) => home,
});
