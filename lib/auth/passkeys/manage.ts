import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { mayManagePasskey, maySwitchOffFactor } from '../../access/factors';
import { requireRight } from '../../access/require';
import { audit } from '../../audit';
import { withTransaction, type Ctx } from '../../ctx';
import { passkeys, users, type Passkey } from '../../db/schema';
import { DomainError } from '../../errors';
import { translate } from '../../i18n';
import { factorSummary } from '../factors/store';
import { verifyPassword } from '../password';
import { clearAccount, passwordChangeKey, reserveAccountAttempt } from '../throttle';
import { challengePolicy, passkeyAlgorithms, passkeyName, type RelyingParty } from './rp';
import type { finishRegistrationSchema, removePasskeySchema, renamePasskeySchema } from './schemas';
import { challengeBytes, challengeOf, consumeChallenge, createChallenge, passkeysOf } from './store';
import { userHandleOf } from './verify';

const selfAudit = (ctx: Ctx, action: string, meta?: Record<string, unknown>) =>
  audit(ctx.db, {
    tenantId: ctx.tenant.id,
    actorType: 'user',
    actorId: ctx.actor.id,
    action,
    targetType: 'user',
    targetId: ctx.actor.id,
    meta,
  });

/**
 * The current password before a passkey is added or removed (a taken-over session must not plant a way in):
 * counted in the account's counter of "Passwort ändern" before the check, cleared by the right one.
 */
async function provePassword(ctx: Ctx, password: string): Promise<void> {
  const key = passwordChangeKey(ctx.tenant.id, ctx.actor.id);
  const wait = await reserveAccountAttempt(ctx.db, key);
  if (wait > 0)
    throw new DomainError('rate_limited', 'signin.change.throttled', {
      field: 'password',
      values: { seconds: wait },
      detail: { retryAfterSeconds: wait },
    });
  const [row] = await ctx.db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, ctx.actor.id)));
  if (!(await verifyPassword(row?.hash, password))) {
    await selfAudit(ctx, 'auth.password.failed', { for: 'passkey' });
    throw new DomainError('invalid', 'account.passkey.passwordWrong', { field: 'password' });
  }
  await clearAccount(ctx.db, key);
}

/** "Mein Zugang" → the account's passkeys (name, added, last used). */
export async function myPasskeys(ctx: Ctx) {
  const rows = await passkeysOf(ctx.db, ctx.tenant.id, ctx.actor.id);
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt }));
}

/**
 * "Passkey hinzufügen", step one: after the password, the options for navigator.credentials.create() on this
 * host – a discoverable credential (the passkey names the account at sign-in), user verification required,
 * no attestation, the account's passkeys excluded; the challenge is stored for this account, 5 minutes.
 */
export async function startPasskeyRegistration(ctx: Ctx, input: { password: string; rp: RelyingParty }) {
  await provePassword(ctx, input.password);
  const challenge = await createChallenge(ctx.db, {
    tenantId: ctx.tenant.id,
    purpose: 'register',
    userId: ctx.actor.id,
  });
  const existing = await passkeysOf(ctx.db, ctx.tenant.id, ctx.actor.id);
  return generateRegistrationOptions({
    rpName: input.rp.rpName,
    rpID: input.rp.rpId,
    userName: ctx.actor.username,
    userDisplayName: `${ctx.actor.firstName} ${ctx.actor.lastName}`.trim(),
    userID: new Uint8Array(Buffer.from(userHandleOf(ctx.actor.id), 'base64url')),
    challenge: challengeBytes(challenge),
    timeout: challengePolicy.timeoutMs,
    attestationType: 'none',
    excludeCredentials: existing.map((k) => ({ id: k.credentialId, transports: k.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    supportedAlgorithmIDs: passkeyAlgorithms,
  });
}

/** Step two: the authenticator's answer is checked against the stored challenge and this host, then kept. */
export async function finishPasskeyRegistration(
  ctx: Ctx,
  input: z.output<typeof finishRegistrationSchema> & { rp: RelyingParty },
): Promise<{ id: string; name: string }> {
  const challenge = challengeOf(input.response.response.clientDataJSON);
  const used =
    challenge &&
    (await consumeChallenge(ctx.db, { tenantId: ctx.tenant.id, challenge, purpose: 'register', userId: ctx.actor.id }));
  if (!challenge || !used) throw new DomainError('expired', 'account.passkey.expired');
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: input.rp.origin,
      expectedRPID: input.rp.rpId,
      requireUserVerification: true,
      supportedAlgorithmIDs: passkeyAlgorithms,
    });
  } catch {
    throw new DomainError('invalid', 'account.passkey.failed');
  }
  if (!verified.verified) throw new DomainError('invalid', 'account.passkey.failed');
  const { credential } = verified.registrationInfo;
  const name = passkeyName(input.name, translate(ctx.locale, 'account.passkey.defaultName'));
  return withTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .insert(passkeys)
      .values({
        tenantId: ctx.tenant.id,
        userId: ctx.actor.id,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: (credential.transports ?? []).slice(0, 10),
        name,
      })
      .onConflictDoNothing()
      .returning({ id: passkeys.id });
    if (!rows[0]) throw new DomainError('duplicate', 'account.passkey.duplicate');
    await selfAudit(tx, 'auth.passkey_added', { passkeyId: rows[0].id });
    return { id: rows[0].id, name };
  });
}

async function ownPasskey(ctx: Ctx, id: string): Promise<Passkey> {
  const [row] = await ctx.db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.tenantId, ctx.tenant.id), eq(passkeys.id, id)));
  if (!row || !mayManagePasskey(ctx.actor, row)) throw new DomainError('not_found', 'account.passkey.notFound');
  return row;
}

/** Renames one of the account's passkeys (no password: the name protects nothing). */
export async function renamePasskey(ctx: Ctx, input: z.output<typeof renamePasskeySchema>): Promise<void> {
  const key = await ownPasskey(ctx, input.id);
  const name = passkeyName(input.name, key.name);
  await withTransaction(ctx, async (tx) => {
    await tx.db
      .update(passkeys)
      .set({ name })
      .where(and(eq(passkeys.tenantId, ctx.tenant.id), eq(passkeys.id, key.id)));
    await selfAudit(tx, 'auth.passkey_renamed', { passkeyId: key.id });
  });
}

/**
 * Removes one of the account's passkeys after the password; an employee held to a second factor keeps at
 * least one (the authenticator app or another passkey).
 */
export async function removePasskey(ctx: Ctx, input: z.output<typeof removePasskeySchema>): Promise<void> {
  const key = await ownPasskey(ctx, input.id);
  const summary = await factorSummary(ctx.db, ctx.tenant.id, ctx.actor.id);
  const othersLeft = (summary.totp ? 1 : 0) + summary.passkeys - 1;
  requireRight(maySwitchOffFactor(ctx.actor, ctx.tenant, othersLeft), 'account.passkey.lastRequired');
  await provePassword(ctx, input.password);
  await withTransaction(ctx, async (tx) => {
    await tx.db.delete(passkeys).where(and(eq(passkeys.tenantId, ctx.tenant.id), eq(passkeys.id, key.id)));
    await selfAudit(tx, 'auth.passkey_removed', { passkeyId: key.id, name: key.name });
  });
}
