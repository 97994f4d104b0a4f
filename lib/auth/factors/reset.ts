import { and, eq } from 'drizzle-orm';
import { createElement } from 'react';
import { z } from 'zod';
import { mayResetClientFactor, mayResetEmployeeFactor } from '../../access/factors';
import { requireRight } from '../../access/require';
import { audit } from '../../audit';
import { contactFacts } from '../../contacts/facts';
import { localeOf, withTransaction, type Ctx } from '../../ctx';
import { users, type User } from '../../db/schema';
import { DomainError } from '../../errors';
import { translate } from '../../i18n';
import { brandFor } from '../../mail/brand';
import { enqueueMail } from '../../mail/outbox';
import { FactorResetMail } from '../../mail/templates/factor-reset';
import { pinMatches } from '../pin';
import { revokeUserSessions } from '../sessions';
import { pinAccountKey, releaseHit, reserveHit } from '../throttle';
import { removeFactors } from './store';

export const resetEmployeeFactorSchema = z.object({ userId: z.uuid() });
export const resetClientFactorSchema = z.object({
  contactId: z.uuid(),
  pin: z.string().trim().min(1, 'account.factor.pinMissing').max(20),
});

/** PIN failures per client account across links and resets (the password flow's limit). */
const pinPolicy = { windowSeconds: 24 * 3600, max: 5 } as const;

async function accountOf(ctx: Ctx, id: string): Promise<User> {
  const [row] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, id)));
  if (!row) throw new DomainError('not_found', 'errors.notFound');
  return row;
}

/** Removes the factor, ends the account's sessions, audits and tells the account (outbox, same transaction). */
async function resetFactor(ctx: Ctx, target: User): Promise<{ hadFactor: boolean }> {
  return withTransaction(ctx, async (tx) => {
    const hadFactor = await removeFactors(tx.db, ctx.tenant.id, target.id, { passkeys: true });
    const sessionsEnded = await revokeUserSessions(tx.db, ctx.tenant.id, target.id);
    await audit(tx.db, {
      tenantId: ctx.tenant.id,
      actorType: 'user',
      actorId: ctx.actor.id,
      action: 'auth.factor_reset',
      targetType: 'user',
      targetId: target.id,
      meta: { kind: target.kind, hadFactor, sessionsEnded },
    });
    const locale = localeOf(target, ctx.tenant);
    await enqueueMail(tx.db, {
      tenantId: ctx.tenant.id,
      template: 'factor-reset',
      to: target.email,
      subject: translate(locale, 'account.factorResetMail.subject', { tenant: ctx.tenant.name }),
      fromName: ctx.tenant.name,
      element: createElement(FactorResetMail, {
        brand: await brandFor(tx.db, ctx.tenant),
        firstName: target.firstName,
        locale,
      }),
    });
    return { hadFactor };
  });
}

/** BENUTZER → "Zweiten Faktor zurücksetzen": an admin for another employee. */
export async function resetEmployeeFactor(ctx: Ctx, input: z.output<typeof resetEmployeeFactorSchema>) {
  const target = await accountOf(ctx, input.userId);
  requireRight(mayResetEmployeeFactor(ctx.actor, target));
  return resetFactor(ctx, target);
}

/**
 * KONTAKT → "Zweiten Faktor zurücksetzen": whoever may change the client's login data, after the PIN check of
 * the password flow (the client tells the birth date; 5 failures per account and day, counted before the
 * check, so parallel guesses cannot pass one open check).
 */
export async function resetClientFactor(ctx: Ctx, input: z.output<typeof resetClientFactorSchema>) {
  const facts = await contactFacts(ctx, input.contactId);
  requireRight(mayResetClientFactor(ctx.actor, facts));
  const target = await accountOf(ctx, facts.id);
  const key = pinAccountKey(ctx.tenant.id, target.id);
  if ((await reserveHit(ctx.db, key, pinPolicy.windowSeconds, pinPolicy.max)) === null)
    throw new DomainError('rate_limited', 'account.factor.pinBlocked', { field: 'pin' });
  if (!pinMatches(input.pin, target.birthDate)) {
    await audit(ctx.db, {
      tenantId: ctx.tenant.id,
      actorType: 'user',
      actorId: ctx.actor.id,
      action: 'auth.factor_reset.pin_failed',
      targetType: 'user',
      targetId: target.id,
    });
    throw new DomainError('invalid', 'account.factor.pinWrong', { field: 'pin' });
  }
  await releaseHit(ctx.db, key);
  return resetFactor(ctx, target);
}
