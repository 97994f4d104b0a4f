import { setTimeout as sleep } from 'node:timers/promises';
import { createElement } from 'react';
import { z } from 'zod';
import { audit } from '../audit';
import { localeOf, withTransaction, type PublicCtx } from '../ctx';
import { brandOf } from '../mail/brand';
import { renderMail } from '../mail/render';
import { PasswordLinkMail } from '../mail/templates/password';
import { tenantBaseUrl } from '../tenant/lookup';
import { accountByLogin } from './account';
import { linkValidity, sendPasswordLink } from './links';
import type { ClientInfo } from './login';
import { countHit } from './throttle';

export const resetRequestSchema = z.object({
  login: z.string().trim().min(1, 'signin.login.missingLogin').max(254),
});
export type ResetRequestInput = z.output<typeof resetRequestSchema>;

/**
 * At most this many "Passwort vergessen?" requests per address and hour; every answer comes after
 * answerAfterMs at the earliest.
 */
export const resetPolicy = { perIpPerHour: 10, answerAfterMs: 200 } as const;

/**
 * "Passwort vergessen?": the same answer whether or not the account exists; at most 10 requests per IP and hour.
 * A real reset writes the link, the outbox mail and the audit entry – about twice the time of rendering the
 * mail alone (10 vs 20 ms in CI). So every answer waits until answerAfterMs have passed since the request came
 * in: the time says nothing about the account as long as the work fits in it (tens of ms here).
 */
export async function requestPasswordReset(
  ctx: PublicCtx,
  input: ResetRequestInput & Pick<ClientInfo, 'ip'>,
): Promise<void> {
  const started = performance.now();
  try {
    await resetOnce(ctx, input);
  } finally {
    const rest = resetPolicy.answerAfterMs - (performance.now() - started);
    if (rest > 0) await sleep(rest);
  }
}

async function resetOnce(ctx: PublicCtx, input: ResetRequestInput & Pick<ClientInfo, 'ip'>): Promise<void> {
  const { tenant } = ctx;
  await withTransaction(ctx, async (tx) => {
    if (await countHit(tx.db, `reset-ip:${input.ip}`, 3600, resetPolicy.perIpPerHour)) return;
    const user = await accountByLogin(tx, input.login);
    if (!user || user.status !== 'active' || !user.birthDate) {
      // The same work as a real reset (rendering the mail), so the answer time reveals nothing.
      const locale = localeOf(null, tenant);
      await renderMail(
        createElement(PasswordLinkMail, {
          brand: brandOf(tenant),
          firstName: 'x',
          url: `${tenantBaseUrl(tenant)}/reset/x`,
          purpose: 'reset',
          validFor: linkValidity('reset'),
          locale,
        }),
      );
      return;
    }
    await sendPasswordLink(tx, user, 'reset');
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'anonymous',
      action: 'auth.reset.requested',
      targetType: 'user',
      targetId: user.id,
      ip: input.ip,
    });
  });
}
