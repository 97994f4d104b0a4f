import { and, eq, sql } from 'drizzle-orm';
import { canEditContacts } from '../access/employee';
import { requireRight } from '../access/require';
import { limitedToOwnContacts } from '../access/scope';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { contactProfiles, users } from '../db/schema';
import { assertAdvisor, lockedContact, mapEmailTaken } from './checks';
import { holdsAccount, loginDataChange, loginDataChanged, requireLoginDataRight } from './login-data';
import type { UpdateContactInput } from './schemas';

/**
 * Stammdaten speichern. The e-mail address and the birth date of an account holder change only with their
 * own right; then the old address is told and the client's sessions end (lib/contacts/login-data.ts).
 */
export async function updateContact(ctx: Ctx, input: UpdateContactInput): Promise<void> {
  const { actor, tenant } = ctx;
  const { id } = input;
  requireRight(canEditContacts(actor), 'contacts.errors.editForbidden');
  await withTransaction(ctx, async (tx) => {
    const current = await lockedContact(tx, id);
    // An employee who only sees their own contacts cannot hand one to somebody else and lose it.
    const advisorId = limitedToOwnContacts(actor) ? actor.id : input.advisorId;
    await assertAdvisor(tx, advisorId);
    const change = loginDataChange(current, input);
    requireLoginDataRight(tx, current, change);
    await tx.db
      .update(users)
      .set({
        salutation: input.salutation,
        title: input.title,
        firstName: input.firstName,
        lastName: input.lastName,
        birthDate: input.birthDate,
        email: input.email,
        updatedAt: sql`now()`,
      })
      .where(and(eq(users.tenantId, tenant.id), eq(users.id, id)));
    const profile = {
      phone: input.phone,
      mobile: input.mobile,
      street: input.street,
      zip: input.zip,
      city: input.city,
      advisorId,
      note: input.note,
    };
    await tx.db
      .insert(contactProfiles)
      .values({ tenantId: tenant.id, userId: id, ...profile, createdBy: actor.id })
      .onConflictDoUpdate({ target: contactProfiles.userId, set: { ...profile, updatedAt: sql`now()` } });
    const sessionsEnded =
      holdsAccount(current) && (change.email || change.birthDate) ? await loginDataChanged(tx, current, change) : 0;
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'contact.updated',
      targetType: 'contact',
      targetId: id,
      meta: { emailChanged: change.email, birthDateChanged: change.birthDate, sessionsEnded },
    });
  }).catch(mapEmailTaken);
}
