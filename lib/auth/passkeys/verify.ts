import { verifyAuthenticationResponse, type AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { Tx } from '../../db/client';
import type { Passkey } from '../../db/schema';
import type { RelyingParty } from './rp';
import { challengeOf, consumeChallenge, passkeyByCredential, recordUse, type ChallengePurpose } from './store';

/** The user handle a passkey carries: the account id's bytes (no name, no e-mail), base64url. */
export const userHandleOf = (userId: string) => Buffer.from(userId, 'utf8').toString('base64url');

export type AssertionCheck =
  { ok: true; passkey: Passkey } | { ok: false; reason: 'unknown' | 'challenge' | 'signature' | 'counter' };

/**
 * Checks a passkey assertion for this tenant and relying party: the credential must be one of this tenant's
 * (of `userId` when given), its challenge live, unused and made for this purpose (it is used up here,
 * whatever follows), the signature, origin, RP ID hash, user presence (and verification when required) right,
 * the counter above the stored one; then the new counter is recorded.
 */
export async function checkAssertion(
  tx: Tx,
  input: {
    tenantId: string;
    response: AuthenticationResponseJSON;
    rp: RelyingParty;
    purpose: Exclude<ChallengePurpose, 'register'>;
    userId?: string;
    pending?: string;
    requireUserVerification: boolean;
  },
): Promise<AssertionCheck> {
  const passkey = await passkeyByCredential(tx, input.tenantId, input.response.id);
  if (!passkey || (input.userId && passkey.userId !== input.userId)) return { ok: false, reason: 'unknown' };
  const handle = input.response.response.userHandle;
  if (handle && handle !== userHandleOf(passkey.userId)) return { ok: false, reason: 'unknown' };
  const challenge = challengeOf(input.response.response.clientDataJSON);
  const used =
    challenge &&
    (await consumeChallenge(tx, {
      tenantId: input.tenantId,
      challenge,
      purpose: input.purpose,
      userId: input.userId,
      pending: input.pending,
    }));
  if (!challenge || !used) return { ok: false, reason: 'challenge' };
  let newCounter: number;
  try {
    const result = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: input.rp.origin,
      expectedRPID: input.rp.rpId,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: passkey.counter,
        transports: passkey.transports as never,
      },
      requireUserVerification: input.requireUserVerification,
    });
    if (!result.verified) return { ok: false, reason: 'signature' };
    newCounter = result.authenticationInfo.newCounter;
  } catch (error) {
    const counter = error instanceof Error && /counter/i.test(error.message);
    return { ok: false, reason: counter ? 'counter' : 'signature' };
  }
  if (!(await recordUse(tx, passkey, newCounter))) return { ok: false, reason: 'counter' };
  return { ok: true, passkey };
}
