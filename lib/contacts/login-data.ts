import { createElement } from 'react';
import { mayChangeLoginDataOf } from '../access/employee';
import { revokeUserSessions } from '../auth/sessions';
import { localeOf, type Ctx } from '../ctx';
import { DomainError } from '../errors';
import { translate } from '../i18n';
import { brandFor } from '../mail/brand';
import { enqueueMail } from '../mail/outbox';
import { LoginDataChangedMail } from '../mail/templates/login-data-changed';
import type { LockedContact } from './checks';

/**
 * The login data of a contact: the e-mail address (where reset links go) and the birth date (the PIN of
 * every password link). For an account holder they are a right of their own (issue 13, finding 9): with
 * both, an employee could reset the password and take the account over.
 */
export interface LoginDataChange {
  email: boolean;
  birthDate: boolean;
}

export function loginDataChange(
  current: Pick<LockedContact, 'email' | 'birthDate'>,
  next: { email: string; birthDate: string | null },
): LoginDataChange {
  return { email: current.email !== next.email, birthDate: (current.birthDate ?? null) !== (next.birthDate ?? null) };
}

/** Only contacts with an account (any status but 'none') have login data worth guarding. */
export const holdsAccount = (contact: Pick<LockedContact, 'status'>) => contact.status !== 'none';

export function requireLoginDataRight(ctx: Ctx, contact: Pick<LockedContact, 'status'>, change: LoginDataChange): void {
  if (mayChangeLoginDataOf(ctx.actor, contact)) return;
  if (change.email)
    throw new DomainError('forbidden', 'contacts.errors.loginDataEmail', {
      field: 'email',
      detail: { reason: 'login_data' },
    });
  if (change.birthDate)
    throw new DomainError('forbidden', 'contacts.errors.loginDataBirthDate', {
      field: 'birthDate',
      detail: { reason: 'login_data' },
    });
}

/**
 * After a change of an account holder's login data (inside the change's transaction): the old address is
 * told – in the contact's language, through the outbox, so it goes out exactly when the change commits –
 * and every session of the client ends. Returns the number of sessions ended.
 */
export async function loginDataChanged(ctx: Ctx, contact: LockedContact, change: LoginDataChange): Promise<number> {
  const { tenant } = ctx;
  const locale = localeOf(contact, tenant);
  await enqueueMail(ctx.db, {
    tenantId: tenant.id,
    template: 'login-data-changed',
    to: contact.email,
    subject: translate(locale, 'contacts.loginDataMail.subject', { tenant: tenant.name }),
    fromName: tenant.name,
    element: createElement(LoginDataChangedMail, {
      brand: await brandFor(ctx.db, tenant),
      firstName: contact.firstName,
      change,
      locale,
    }),
  });
  return revokeUserSessions(ctx.db, tenant.id, contact.id);
}
