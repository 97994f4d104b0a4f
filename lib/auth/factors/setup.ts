import QRCode from 'qrcode';
import { z } from 'zod';
import { maySwitchOffFactor } from '../../access/factors';
import { audit } from '../../audit';
import { withTransaction, type Ctx } from '../../ctx';
import { DomainError } from '../../errors';
import { clearAccount, codeKey, reserveAccountAttempt } from '../throttle';
import {
  consumeRecoveryCode,
  consumeTotp,
  factorSummary,
  removeFactors,
  replaceRecoveryCodes,
  storePendingSecret,
} from './store';
import { newTotpSecret, totpUri } from './totp';

export const codeSchema = z.object({ code: z.string().trim().min(1, 'account.factor.codeMissing').max(40) });
export type CodeInput = z.output<typeof codeSchema>;

export interface TotpSetup {
  secret: string;
  uri: string;
  /** The otpauth URI as an SVG QR code (a data: URL, allowed by img-src). */
  qr: string;
}

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

/** "Zwei-Faktor-Anmeldung einrichten": a new secret (stored encrypted, unconfirmed), its QR code and text. */
export async function startTotpSetup(ctx: Ctx): Promise<TotpSetup> {
  const secret = newTotpSecret();
  if (!(await storePendingSecret(ctx.db, ctx.tenant.id, ctx.actor.id, secret)))
    throw new DomainError('conflict', 'account.factor.alreadyOn');
  const uri = totpUri({ secret, issuer: ctx.tenant.name, label: ctx.actor.username });
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { secret, uri, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * Reserves one code check in the account's code counter (the login's policy), so a taken-over session cannot
 * guess codes either; the right code clears it.
 */
async function reserveCodeCheck(ctx: Ctx): Promise<string> {
  const key = codeKey(ctx.tenant.id, ctx.actor.id);
  const wait = await reserveAccountAttempt(ctx.db, key);
  if (wait > 0) {
    throw new DomainError('rate_limited', 'signin.code.throttled', {
      values: { seconds: wait },
      detail: { retryAfterSeconds: wait },
    });
  }
  return key;
}

/** The first right code switches the authenticator on; 10 recovery codes are made and shown once. */
export async function confirmTotpSetup(ctx: Ctx, input: CodeInput): Promise<{ recoveryCodes: string[] }> {
  const key = await reserveCodeCheck(ctx);
  return withTransaction(ctx, async (tx) => {
    if (!(await consumeTotp(tx.db, ctx.tenant.id, ctx.actor.id, input.code, false)))
      throw new DomainError('invalid', 'account.factor.codeWrong', { field: 'code' });
    await clearAccount(tx.db, key);
    const recoveryCodes = await replaceRecoveryCodes(tx.db, ctx.tenant.id, ctx.actor.id);
    await selfAudit(tx, 'auth.totp_enabled');
    return { recoveryCodes };
  });
}

/** A code of the app (or a recovery code) proves the factor before it is changed. */
async function proveFactor(ctx: Ctx, code: string): Promise<void> {
  const key = await reserveCodeCheck(ctx);
  const typed = code.trim();
  const ok = /^\d{3}\s?\d{3}$/.test(typed)
    ? await consumeTotp(ctx.db, ctx.tenant.id, ctx.actor.id, typed, true)
    : await consumeRecoveryCode(ctx.db, ctx.tenant.id, ctx.actor.id, typed);
  if (!ok) {
    await selfAudit(ctx, 'auth.code.failed', { kind: 'account' });
    throw new DomainError('invalid', 'account.factor.codeWrong', { field: 'code' });
  }
  await clearAccount(ctx.db, key);
}

/** New recovery codes (the old ones stop working); needs a current code. */
export async function renewRecoveryCodes(ctx: Ctx, input: CodeInput): Promise<{ recoveryCodes: string[] }> {
  if (!(await factorSummary(ctx.db, ctx.tenant.id, ctx.actor.id)).totp)
    throw new DomainError('conflict', 'account.factor.notOn');
  await proveFactor(ctx, input.code);
  return withTransaction(ctx, async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx.db, ctx.tenant.id, ctx.actor.id);
    await selfAudit(tx, 'auth.recovery_renewed');
    return { recoveryCodes };
  });
}

/** Switches the second factor off (not for employees the tenant holds to it); needs a current code. */
export async function switchOffTotp(ctx: Ctx, input: CodeInput): Promise<void> {
  const summary = await factorSummary(ctx.db, ctx.tenant.id, ctx.actor.id);
  if (!maySwitchOffFactor(ctx.actor, ctx.tenant, summary.passkeys))
    throw new DomainError('forbidden', 'account.factor.requiredByTenant');
  if (!summary.totp) throw new DomainError('conflict', 'account.factor.notOn');
  await proveFactor(ctx, input.code);
  await withTransaction(ctx, async (tx) => {
    await removeFactors(tx.db, ctx.tenant.id, ctx.actor.id);
    await selfAudit(tx, 'auth.totp_disabled');
  });
}
