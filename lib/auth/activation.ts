import { and, eq, or, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { z } from 'zod';
import { audit } from '../audit';
import type { Db } from '../db/client';
import { users, type Tenant } from '../db/schema';
import { brandFor, brandOf } from '../mail/brand';
import { enqueueMail } from '../mail/outbox';
import { renderMail } from '../mail/render';
import { PasswordLinkMail, UsernameMail } from '../mail/templates/password';
import { tenantBaseUrl } from '../tenant/lookup';
import { hashPassword } from './password';
import { checkPassword, passwordLimits, passwordMessages } from './password-policy';
import { parsePin, pinMatches } from './pin';
import { revokeUserSessions } from './sessions';
import { countHit, isOverLimit, pinAccountKey, releaseHit, reserveHit } from './throttle';
import { consumeToken, inspectToken, issueToken, reservePinAttempt, tokenPolicy } from './tokens';

export const activationSchema = z
  .object({
    password: z.string().max(1024),
    passwordRepeat: z.string().max(1024),
    pin: z
      .string()
      .trim()
      .min(1, 'Bitte geben Sie Ihre PIN ein (Ihr Geburtsdatum als TTMMJJJJ).')
      .refine((v) => parsePin(v) !== null, 'Bitte geben Sie die PIN als TTMMJJJJ ein, z. B. 01021980.'),
  })
  .superRefine((v, ctx) => {
    if (v.password.length === 0) ctx.addIssue({ code: 'custom', path: ['password'], message: 'Bitte vergeben Sie ein Passwort.' });
    else if (v.password !== v.passwordRepeat) ctx.addIssue({ code: 'custom', path: ['passwordRepeat'], message: 'Die beiden Passwörter stimmen nicht überein.' });
  });

export type ActivationResult =
  | { ok: true; data: { username: string; kind: 'employee' | 'client'; purpose: 'invite' | 'reset' } }
  | { ok: false; code: 'link' | 'burned' | 'throttled' | 'pin' | 'invalid'; message?: string; fieldErrors?: Record<string, string> };

export const linkMessages = {
  link: 'Dieser Link ist nicht mehr gültig. Bitte fordern Sie bei Ihrem Berater eine neue E-Mail an.',
  burned: 'Die PIN wurde zu oft falsch eingegeben. Der Link ist aus Sicherheitsgründen gesperrt – bitte bitten Sie Ihren Berater, Ihnen eine neue E-Mail zu schicken.',
  throttled: 'Zu viele Fehlversuche von diesem Anschluss. Bitte versuchen Sie es in einer Stunde erneut.',
  pin: 'Die PIN stimmt nicht. Bitte geben Sie Ihr Geburtsdatum im Format TTMMJJJJ ein.',
  accountLocked:
    'Die PIN wurde für dieses Benutzerkonto zu oft falsch eingegeben. Aus Sicherheitsgründen ist die Passwortvergabe für 24 Stunden gesperrt – auch mit einem neuen Link. Bitte versuchen Sie es danach erneut oder wenden Sie sich an Ihren Berater.',
} as const;

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
 */
export async function activateAccount(
  database: Db,
  tenant: Tenant,
  input: { token: string; password: string; passwordRepeat: string; pin: string; ip: string },
): Promise<ActivationResult> {
  const ipKey = `pin-ip:${input.ip}`;
  if (await isOverLimit(database, ipKey, 3600, tokenPolicy.pinFailuresPerIpPerHour)) return { ok: false, code: 'throttled', message: linkMessages.throttled };
  const info = await inspectToken(database, tenant.id, input.token);
  if (info.state === 'burned') return { ok: false, code: 'burned', message: linkMessages.burned };
  if (info.state !== 'valid' || !info.user) return { ok: false, code: 'link', message: linkMessages.link };
  const user = info.user;

  const problem = checkPassword(input.password, { ...user, tenantName: tenant.name });
  if (problem) return { ok: false, code: 'invalid', fieldErrors: { password: passwordMessages[problem] } };

  const accountKey = pinAccountKey(tenant.id, user.id);
  const accountWindow = tokenPolicy.pinAccountWindowHours * 3600;
  if (await isOverLimit(database, accountKey, accountWindow, tokenPolicy.pinFailuresPerAccount)) {
    return { ok: false, code: 'throttled', message: linkMessages.accountLocked };
  }

  let attempt: { link: number; account: number };
  try {
    attempt = await database.transaction(async (tx) => {
      const link = await reservePinAttempt(tx, tenant.id, input.token);
      if (link === null) throw new Refused('link');
      const account = await reserveHit(tx, accountKey, accountWindow, tokenPolicy.pinFailuresPerAccount);
      if (account === null) throw new Refused('account');
      if ((await reserveHit(tx, ipKey, 3600, tokenPolicy.pinFailuresPerIpPerHour)) === null) throw new Refused('ip');
      return { link, account };
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    if (error.by === 'account') return { ok: false, code: 'throttled', message: linkMessages.accountLocked };
    if (error.by === 'ip') return { ok: false, code: 'throttled', message: linkMessages.throttled };
    // Parallel guesses used up the link meanwhile (burnt), or it was used or replaced since the check above.
    const now = await inspectToken(database, tenant.id, input.token);
    return now.state === 'burned' ? { ok: false, code: 'burned', message: linkMessages.burned } : { ok: false, code: 'link', message: linkMessages.link };
  }

  if (!pinMatches(input.pin, user.birthDate)) {
    const burned = attempt.link >= tokenPolicy.maxPinFailures;
    const accountLocked = attempt.account >= tokenPolicy.pinFailuresPerAccount;
    await database.transaction(async (tx) => {
      await audit(tx, { tenantId: tenant.id, actorType: 'anonymous', action: 'auth.pin.failed', targetType: 'user', targetId: user.id, ip: input.ip, meta: { failures: attempt.link, accountFailures: attempt.account } });
      // The advisor sees both in the contact's activity; the link state shows „Link gesperrt“.
      if (burned) await audit(tx, { tenantId: tenant.id, actorType: 'anonymous', action: 'auth.link.burned', targetType: 'user', targetId: user.id, ip: input.ip, meta: { purpose: info.purpose } });
      if (accountLocked) {
        await audit(tx, { tenantId: tenant.id, actorType: 'anonymous', action: 'auth.pin.account_locked', targetType: 'user', targetId: user.id, ip: input.ip, meta: { hours: tokenPolicy.pinAccountWindowHours } });
      }
    });
    if (accountLocked) return { ok: false, code: 'throttled', message: linkMessages.accountLocked };
    if (burned) return { ok: false, code: 'burned', message: linkMessages.burned };
    return { ok: false, code: 'pin', fieldErrors: { pin: linkMessages.pin } };
  }

  const passwordHash = await hashPassword(input.password);
  return database.transaction(async (tx) => {
    const consumed = await consumeToken(tx, tenant.id, input.token);
    if (!consumed) return { ok: false as const, code: 'link' as const, message: linkMessages.link };
    // A right PIN is no failure: the account and the address get their reservation back.
    await releaseHit(tx, accountKey);
    await releaseHit(tx, ipKey);
    await tx
      .update(users)
      .set({ passwordHash, status: 'active', passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(users.tenantId, tenant.id), eq(users.id, user.id)));
    await revokeUserSessions(tx, tenant.id, user.id);
    if (consumed.purpose === 'invite') {
      await enqueueMail(tx, {
        tenantId: tenant.id,
        template: 'password-mail-2',
        to: user.email,
        subject: `Ihr Benutzername für ${tenant.name}`,
        fromName: tenant.name,
        element: createElement(UsernameMail, { brand: await brandFor(tx, tenant), firstName: user.firstName, username: user.username, loginUrl: `${tenantBaseUrl(tenant)}/login` }),
      });
    }
    await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: user.id, action: consumed.purpose === 'invite' ? 'auth.account.activated' : 'auth.password.reset', targetType: 'user', targetId: user.id, ip: input.ip, meta: { pinAttempt: attempt.link } });
    return { ok: true as const, data: { username: user.username, kind: user.kind, purpose: consumed.purpose } };
  });
}

/** Queues PASSWORT-MAIL #1 (or the reset mail) with a fresh link; older links stop working. */
export async function sendPasswordLink(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  tenant: Tenant,
  user: { id: string; email: string; firstName: string },
  purpose: 'invite' | 'reset',
): Promise<void> {
  const raw = await issueToken(tx, { tenantId: tenant.id, userId: user.id, purpose });
  const path = purpose === 'invite' ? 'activate' : 'reset';
  await enqueueMail(tx, {
    tenantId: tenant.id,
    template: purpose === 'invite' ? 'password-mail-1' : 'password-reset',
    to: user.email,
    subject: purpose === 'invite' ? `Ihr Zugang zu ${tenant.name}: Passwort vergeben` : `${tenant.name}: Passwort zurücksetzen`,
    fromName: tenant.name,
    element: createElement(PasswordLinkMail, {
      brand: await brandFor(tx, tenant),
      firstName: user.firstName,
      url: `${tenantBaseUrl(tenant)}/${path}/${raw}`,
      purpose,
      validFor: purpose === 'invite' ? `${tokenPolicy.inviteHours} Stunden` : `${tokenPolicy.resetMinutes} Minuten`,
    }),
  });
}

export const resetRequestSchema = z.object({
  login: z.string().trim().min(1, 'Bitte geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.').max(254),
});

/** "Passwort vergessen?": the same answer whether or not the account exists; at most 10 requests per IP and hour. */
export async function requestPasswordReset(database: Db, tenant: Tenant, input: { login: string; ip: string }): Promise<void> {
  const login = input.login.trim().toLowerCase();
  await database.transaction(async (tx) => {
    if (await countHit(tx, `reset-ip:${input.ip}`, 3600, 10)) return;
    const [user] = await tx
      .select({ id: users.id, email: users.email, firstName: users.firstName, status: users.status, birthDate: users.birthDate })
      .from(users)
      .where(and(eq(users.tenantId, tenant.id), or(sql`lower(${users.username}) = ${login}`, sql`lower(${users.email}) = ${login}`)))
      .limit(1);
    if (!user || user.status !== 'active' || !user.birthDate) {
      // The same work as a real reset (rendering the mail), so the answer time reveals nothing.
      await renderMail(createElement(PasswordLinkMail, { brand: brandOf(tenant), firstName: 'x', url: `${tenantBaseUrl(tenant)}/reset/x`, purpose: 'reset', validFor: '' }));
      return;
    }
    await sendPasswordLink(tx, tenant, user, 'reset');
    await audit(tx, { tenantId: tenant.id, actorType: 'anonymous', action: 'auth.reset.requested', targetType: 'user', targetId: user.id, ip: input.ip });
  });
}

export { passwordLimits };
