import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { passkeys, recoveryCodes, userTotp } from '../../db/schema';
import { hashRecoveryCode, newRecoveryCodes } from './recovery';
import { open, seal } from './secret-box';
import { checkTotp } from './totp';

/** The AES-GCM additional data of a TOTP secret: the box only opens for its own account. */
export const totpOwner = (tenantId: string, userId: string) => `totp:${tenantId}:${userId}`;

export interface FactorSummary {
  totp: boolean;
  recoveryLeft: number;
  passkeys: number;
}

/** Which second factors an account has (a TOTP counts once it was confirmed with a code; passkeys too). */
export async function factorSummary(tx: Tx, tenantId: string, userId: string): Promise<FactorSummary> {
  const rows = await tx.execute<{ totp: boolean; left: number; passkeys: number }>(sql`
    SELECT
      EXISTS (SELECT 1 FROM user_totp WHERE tenant_id = ${tenantId} AND user_id = ${userId} AND confirmed_at IS NOT NULL) AS totp,
      (SELECT count(*)::int FROM recovery_codes WHERE tenant_id = ${tenantId} AND user_id = ${userId} AND used_at IS NULL) AS left,
      (SELECT count(*)::int FROM passkeys WHERE tenant_id = ${tenantId} AND user_id = ${userId}) AS passkeys`);
  return {
    totp: Boolean(rows[0]?.totp),
    recoveryLeft: Number(rows[0]?.left ?? 0),
    passkeys: Number(rows[0]?.passkeys ?? 0),
  };
}

/** A confirmed authenticator app or at least one passkey: the password alone no longer signs in. */
export async function hasSecondFactor(tx: Tx, tenantId: string, userId: string): Promise<boolean> {
  const summary = await factorSummary(tx, tenantId, userId);
  return summary.totp || summary.passkeys > 0;
}

/**
 * Checks a TOTP code and records its time step in one conditional UPDATE: of two requests with the same
 * code (or a replay later) only one moves `last_time_step` forward, the other finds no row to update.
 * `confirmed` selects the active authenticator (login) or the one being set up (confirmation).
 */
export async function consumeTotp(
  tx: Tx,
  tenantId: string,
  userId: string,
  code: string,
  confirmed: boolean,
): Promise<boolean> {
  const [row] = await tx
    .select()
    .from(userTotp)
    .where(
      and(
        eq(userTotp.tenantId, tenantId),
        eq(userTotp.userId, userId),
        confirmed ? isNotNull(userTotp.confirmedAt) : isNull(userTotp.confirmedAt),
      ),
    );
  if (!row) return false;
  const step = checkTotp({
    secret: open(row.secretEnc, totpOwner(tenantId, userId)),
    code,
    afterTimeStep: row.lastTimeStep,
  });
  if (step === null) return false;
  const updated = await tx
    .update(userTotp)
    .set({ lastTimeStep: step, ...(confirmed ? {} : { confirmedAt: sql`now()` }) })
    .where(
      and(
        eq(userTotp.tenantId, tenantId),
        eq(userTotp.userId, userId),
        sql`(${userTotp.lastTimeStep} IS NULL OR ${userTotp.lastTimeStep} < ${step})`,
        confirmed ? isNotNull(userTotp.confirmedAt) : isNull(userTotp.confirmedAt),
      ),
    )
    .returning({ userId: userTotp.userId });
  return updated.length === 1;
}

/** Uses one recovery code (atomically: a code counts once, also for two requests at the same moment). */
export async function consumeRecoveryCode(tx: Tx, tenantId: string, userId: string, typed: string): Promise<boolean> {
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(recoveryCodes.tenantId, tenantId),
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(typed)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length === 1;
}

/** Ten new recovery codes; the old ones (used or not) are gone. Returns the plain codes to show once. */
export async function replaceRecoveryCodes(tx: Tx, tenantId: string, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(and(eq(recoveryCodes.tenantId, tenantId), eq(recoveryCodes.userId, userId)));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ tenantId, userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

/** A new, unconfirmed secret (replacing an earlier unconfirmed one); null when a confirmed one exists. */
export async function storePendingSecret(tx: Tx, tenantId: string, userId: string, secret: string): Promise<boolean> {
  const rows = await tx
    .insert(userTotp)
    .values({ tenantId, userId, secretEnc: seal(secret, totpOwner(tenantId, userId)) })
    .onConflictDoUpdate({
      target: [userTotp.tenantId, userTotp.userId],
      set: { secretEnc: sql`excluded.secret_enc`, lastTimeStep: null, createdAt: sql`now()` },
      setWhere: sql`${userTotp.confirmedAt} IS NULL`,
    })
    .returning({ userId: userTotp.userId });
  return rows.length === 1;
}

/**
 * Removes the authenticator app and the recovery codes (switching TOTP off); with `passkeys` also every passkey
 * (a reset by the broker: the account lost its factors). True when a confirmed factor was there.
 */
export async function removeFactors(
  tx: Tx,
  tenantId: string,
  userId: string,
  options: { passkeys?: boolean } = {},
): Promise<boolean> {
  const had = await tx
    .delete(userTotp)
    .where(and(eq(userTotp.tenantId, tenantId), eq(userTotp.userId, userId)))
    .returning({ confirmedAt: userTotp.confirmedAt });
  await tx.delete(recoveryCodes).where(and(eq(recoveryCodes.tenantId, tenantId), eq(recoveryCodes.userId, userId)));
  const keys = options.passkeys
    ? await tx
        .delete(passkeys)
        .where(and(eq(passkeys.tenantId, tenantId), eq(passkeys.userId, userId)))
        .returning({ id: passkeys.id })
    : [];
  return had.some((r) => r.confirmedAt !== null) || keys.length > 0;
}
