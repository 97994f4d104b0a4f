import { and, eq, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { z } from 'zod';
import { audit } from '../audit';
import { localeOf, withTransaction, type PublicCtx } from '../ctx';
import { users } from '../db/schema';
import { DomainError } from '../errors';
import { translate } from '../i18n';
import { brandFor } from '../mail/brand';
import { enqueueMail } from '../mail/outbox';
import { UsernameMail } from '../mail/templates/password';
import { tenantBaseUrl } from '../tenant/lookup';
import type { ClientInfo } from './login';
import { hashPassword } from './password';
import { checkPassword, weakPassword } from './password-policy';
import { parsePin, pinMatches } from './pin';
import { revokeUserSessions } from './sessions';
import { isOverLimit, pinAccountKey, releaseHit, reserveHit } from './throttle';
import { consumeToken, inspectLink, reservePinAttempt, tokenPolicy } from './tokens';

/** The fields of the PASSWORTVERGABE form (the link's token travels beside them). */
export const activationSchema = z
  .object({
    password: z.string().max(1024),
    passwordRepeat: z.string().max(1024),
    pin: z
      .string()
      .trim()
      .min(1, 'signin.activation.pinMissing')
      .refine((v) => parsePin(v) !== null, 'signin.activation.pinFormat'),
  })
  .superRefine((v, ctx) => {
    if (v.password.length === 0)
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'signin.activation.passwordMissing' });
    else if (v.password !== v.passwordRepeat)
      ctx.addIssue({ code: 'custom', path: ['passwordRepeat'], message: 'signin.activation.passwordsDiffer' });
  });

/** The form as posted: the link's token (a hidden field) and the fields. */
export const activateSchema = z.intersection(z.object({ token: z.string().max(200) }), activationSchema);
export type ActivateInput = z.output<typeof activateSchema>;

export interface ActivationDone {
  username: string;
  kind: 'employee' | 'client';
  purpose: 'invite' | 'reset';
}

/**
 * The refusals of a link. Every one carries `detail.reason`, so the form can tell them apart:
 * 'link' (used, expired, replaced, unknown) and 'burned' are `expired`; 'ip' and 'account' are `rate_limited`
 * (the form shows no fields then); 'pin' is `invalid` next to the PIN field.
 */
const refuse = {
  link: () => new DomainError('expired', 'signin.link.invalid', { detail: { reason: 'link' } }),
  burned: () => new DomainError('expired', 'signin.link.burned', { detail: { reason: 'burned' } }),
  ip: () => new DomainError('rate_limited', 'signin.link.throttled', { detail: { reason: 'ip' } }),
  account: () =>
    new DomainError('rate_limited', 'signin.link.accountLocked', {
      values: { hours: tokenPolicy.pinAccountWindowHours },
      detail: { reason: 'account', hours: tokenPolicy.pinAccountWindowHours },
    }),
  pin: () => new DomainError('invalid', 'signin.link.pin', { field: 'pin', detail: { reason: 'pin' } }),
};

/** Thrown inside the reservation transaction so that a refusal by one counter leaves the others untouched. */
class Refused extends Error {
  constructor(public readonly by: 'link' | 'account' | 'ip') {
    super(by);
  }
}

/**
 * PASSWORTVERGABE: checks the link, the password rules and the PIN, then sets the password, consumes the link
 * once, ends other sessions and, after an invitation, sends PASSWORT-MAIL #2 with the BENUTZERNAME.
 * Every PIN comparison is reserved first (5 per link, 10 per account and 24 hours across links, 20 per IP and
 * hour), so parallel guesses are never compared beyond the limits; a right PIN gives its reservations back.
 * Refusals are DomainErrors (see `refuse`); the audit rows of a wrong PIN are committed before the refusal.
 */
export async function activateAccount(
  ctx: PublicCtx,
  input: ActivateInput & Pick<ClientInfo, 'ip'>,
): Promise<ActivationDone> {
  const { tenant } = ctx;
  const ipKey = `pin-ip:${input.ip}`;
  if (await isOverLimit(ctx.db, ipKey, 3600, tokenPolicy.pinFailuresPerIpPerHour)) throw refuse.ip();
  const info = await inspectLink(ctx, input.token);
  if (info.state === 'burned') throw refuse.burned();
  if (info.state !== 'valid' || !info.user) throw refuse.link();
  const user = info.user;

  const problem = checkPassword(input.password, { ...user, tenantName: tenant.name });
  if (problem) throw weakPassword(problem);

  const accountKey = pinAccountKey(tenant.id, user.id);
  const accountWindow = tokenPolicy.pinAccountWindowHours * 3600;
  if (await isOverLimit(ctx.db, accountKey, accountWindow, tokenPolicy.pinFailuresPerAccount)) throw refuse.account();

  let attempt: { link: number; account: number };
  try {
    attempt = await withTransaction(ctx, async ({ db: tx }) => {
      const link = await reservePinAttempt(tx, tenant.id, input.token);
      if (link === null) throw new Refused('link');
      const account = await reserveHit(tx, accountKey, accountWindow, tokenPolicy.pinFailuresPerAccount);
      if (account === null) throw new Refused('account');
      if ((await reserveHit(tx, ipKey, 3600, tokenPolicy.pinFailuresPerIpPerHour)) === null) throw new Refused('ip');
      return { link, account };
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    if (error.by !== 'link') throw refuse[error.by]();
    // Parallel guesses used up the link meanwhile (burnt), or it was used or replaced since the check above.
    throw (await inspectLink(ctx, input.token)).state === 'burned' ? refuse.burned() : refuse.link();
  }

  if (!pinMatches(input.pin, user.birthDate)) {
    const burned = attempt.link >= tokenPolicy.maxPinFailures;
    const accountLocked = attempt.account >= tokenPolicy.pinFailuresPerAccount;
    const anonymous = {
      tenantId: tenant.id,
      actorType: 'anonymous',
      targetType: 'user',
      targetId: user.id,
      ip: input.ip,
    } as const;
    await withTransaction(ctx, async ({ db: tx }) => {
      await audit(tx, {
        ...anonymous,
        action: 'auth.pin.failed',
        meta: { failures: attempt.link, accountFailures: attempt.account },
      });
      // The advisor sees both in the contact's activity; the link state shows „Link gesperrt“.
      if (burned) await audit(tx, { ...anonymous, action: 'auth.link.burned', meta: { purpose: info.purpose } });
      if (accountLocked)
        await audit(tx, {
          ...anonymous,
          action: 'auth.pin.account_locked',
          meta: { hours: tokenPolicy.pinAccountWindowHours },
        });
    });
    if (accountLocked) throw refuse.account();
    if (burned) throw refuse.burned();
    throw refuse.pin();
  }

  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx, async ({ db: tx }) => {
    const consumed = await consumeToken(tx, tenant.id, input.token);
    if (!consumed) throw refuse.link();
    // A right PIN is no failure: the account and the address get their reservation back.
    await releaseHit(tx, accountKey);
    await releaseHit(tx, ipKey);
    await tx
      .update(users)
      .set({ passwordHash, status: 'active', passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(users.tenantId, tenant.id), eq(users.id, user.id)));
    await revokeUserSessions(tx, tenant.id, user.id);
    if (consumed.purpose === 'invite') {
      const locale = localeOf(user, tenant);
      await enqueueMail(tx, {
        tenantId: tenant.id,
        template: 'password-mail-2',
        to: user.email,
        subject: translate(locale, 'mail.username.subject', { tenant: tenant.name }),
        fromName: tenant.name,
        element: createElement(UsernameMail, {
          brand: await brandFor(tx, tenant),
          firstName: user.firstName,
          username: user.username,
          loginUrl: `${tenantBaseUrl(tenant)}/login`,
          locale,
        }),
      });
    }
    const action = consumed.purpose === 'invite' ? 'auth.account.activated' : 'auth.password.reset';
    await audit(tx, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: user.id,
      action,
      targetType: 'user',
      targetId: user.id,
      ip: input.ip,
      meta: { pinAttempt: attempt.link },
    });
    return { username: user.username, kind: user.kind, purpose: consumed.purpose };
  });
}
