import { and, eq, sql } from 'drizzle-orm';
import { canEditContacts } from '../access/employee';
import { requireRight } from '../access/require';
import { audit } from '../audit';
import { sendPasswordLink } from '../auth/links';
import { withTransaction, type Ctx } from '../ctx';
import { users } from '../db/schema';
import { DomainError } from '../errors';
import { lockedContact } from './checks';
import type { ContactId } from './schemas';

const state = (
  key:
    | 'contacts.errors.accountExists'
    | 'contacts.errors.birthDateFirst'
    | 'contacts.errors.emailFirst'
    | 'contacts.errors.accountFirst'
    | 'contacts.errors.alreadyActive'
    | 'contacts.errors.accountLocked',
) => new DomainError('conflict', key, { detail: { reason: 'state' } });

/** BENUTZERKONTO ERSTELLEN: the account exists (no mail yet), so FREIGABEN and contracts can be prepared. */
export async function createContactAccount(ctx: Ctx, { id }: ContactId): Promise<void> {
  const { actor, tenant } = ctx;
  requireRight(canEditContacts(actor), 'contacts.errors.accountForbidden');
  await withTransaction(ctx, async (tx) => {
    const current = await lockedContact(tx, id);
    if (current.status !== 'none') throw state('contacts.errors.accountExists');
    // The birth date is the PIN of the password setup; prospects from the contact form have none yet.
    if (!current.birthDate) throw state('contacts.errors.birthDateFirst');
    // Imported contacts may have no address yet: no account until both are there.
    if (!current.email) throw state('contacts.errors.emailFirst');
    await tx.db
      .update(users)
      .set({ status: 'created', updatedAt: sql`now()` })
      .where(and(eq(users.tenantId, tenant.id), eq(users.id, id)));
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'contact.account.created',
      targetType: 'contact',
      targetId: id,
    });
  });
}

/** REGISTRIERUNGSMAIL VERSCHICKEN (PASSWORT-MAIL #1); sending again invalidates the older link. */
export async function sendRegistrationMail(ctx: Ctx, { id }: ContactId): Promise<void> {
  const { actor, tenant } = ctx;
  requireRight(canEditContacts(actor), 'contacts.errors.registrationForbidden');
  await withTransaction(ctx, async (tx) => {
    const current = await lockedContact(tx, id);
    if (current.status === 'none') throw state('contacts.errors.accountFirst');
    if (current.status === 'active') throw state('contacts.errors.alreadyActive');
    if (current.status === 'locked') throw state('contacts.errors.accountLocked');
    await tx.db
      .update(users)
      .set({ status: 'invited', updatedAt: sql`now()` })
      .where(and(eq(users.tenantId, tenant.id), eq(users.id, id)));
    await sendPasswordLink(tx, current, 'invite');
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'contact.registration.sent',
      targetType: 'contact',
      targetId: id,
    });
  });
}
