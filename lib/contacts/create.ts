import { canEditContacts, isAdmin } from '../access/employee';
import { requireRight } from '../access/require';
import { limitedToOwnContacts } from '../access/scope';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { contactProfiles } from '../db/schema';
import { createAccount } from '../users/create';
import { assertAdvisor, mapEmailTaken } from './checks';
import type { ContactInput } from './schemas';

/** KONTAKT ERSTELLEN: the person (no account yet) with a BENUTZERNAME reserved, and the master data. */
export async function createContact(ctx: Ctx, input: ContactInput): Promise<{ id: string }> {
  const { actor, tenant } = ctx;
  requireRight(canEditContacts(actor), 'contacts.errors.createForbidden');
  // An employee who only sees their own contacts always becomes the BETREUER (else the contact would vanish for them).
  const advisorId = limitedToOwnContacts(actor) ? actor.id : (input.advisorId ?? (isAdmin(actor) ? null : actor.id));
  return withTransaction(ctx, async (tx) => {
    await assertAdvisor(tx, advisorId);
    const user = await createAccount(tx.db, {
      tenantId: tenant.id,
      kind: 'client',
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      salutation: input.salutation,
      title: input.title,
      birthDate: input.birthDate,
      status: 'none',
    });
    await tx.db.insert(contactProfiles).values({
      tenantId: tenant.id,
      userId: user.id,
      phone: input.phone,
      mobile: input.mobile,
      street: input.street,
      zip: input.zip,
      city: input.city,
      advisorId,
      note: input.note,
      createdBy: actor.id,
    });
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'contact.created',
      targetType: 'contact',
      targetId: user.id,
    });
    return { id: user.id };
  }).catch(mapEmailTaken);
}
