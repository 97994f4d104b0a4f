import { createElement } from 'react';
import { localeOf } from '../ctx';
import type { User } from '../db/schema';
import { translate } from '../i18n';
import { brandFor } from '../mail/brand';
import { enqueueMail } from '../mail/outbox';
import { PasswordLinkMail } from '../mail/templates/password';
import { tenantBaseUrl } from '../tenant/lookup';
import type { TenantScope } from './account';
import { issueToken, tokenPolicy } from './tokens';

/** The recipient of a password link; without a language of its own, the tenant's applies. */
export type LinkRecipient = Pick<User, 'id' | 'email' | 'firstName'> & { locale?: User['locale'] };

/**
 * Queues PASSWORT-MAIL #1 (or the reset mail) with a fresh link; older links stop working. Call it inside the
 * caller's transaction (`withTransaction(ctx, (tx) => sendPasswordLink(tx, user, 'invite'))`): if the change
 * rolls back, no link exists and no mail goes out. The mail is in the recipient's language.
 */
export async function sendPasswordLink(
  ctx: TenantScope,
  user: LinkRecipient,
  purpose: 'invite' | 'reset',
): Promise<void> {
  const { db: tx, tenant } = ctx;
  const locale = localeOf({ locale: user.locale ?? null }, tenant);
  const raw = await issueToken(tx, { tenantId: tenant.id, userId: user.id, purpose });
  const path = purpose === 'invite' ? 'activate' : 'reset';
  await enqueueMail(tx, {
    tenantId: tenant.id,
    template: purpose === 'invite' ? 'password-mail-1' : 'password-reset',
    to: user.email,
    subject: translate(locale, purpose === 'invite' ? 'mail.passwordInvite.subject' : 'mail.passwordReset.subject', {
      tenant: tenant.name,
    }),
    fromName: tenant.name,
    element: createElement(PasswordLinkMail, {
      brand: await brandFor(tx, tenant),
      firstName: user.firstName,
      url: `${tenantBaseUrl(tenant)}/${path}/${raw}`,
      purpose,
      validFor: linkValidity(purpose),
      locale,
    }),
  });
}

/** How long a link lives, worded by the mail template in the mail's language ("72 Stunden", "60 Minuten"). */
export function linkValidity(purpose: 'invite' | 'reset'): { hours: number } | { minutes: number } {
  return purpose === 'invite' ? { hours: tokenPolicy.inviteHours } : { minutes: tokenPolicy.resetMinutes };
}
