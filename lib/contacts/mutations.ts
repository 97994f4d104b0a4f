import { and, eq, sql } from 'drizzle-orm';
import { canEditContacts, canSeeContact, isAdmin, type EmployeeLike } from '../access/employee';
import { assertActorInTenant } from '../access/guard';
import { DomainError } from '../actions/domain-error';
import { audit } from '../audit';
import { sendPasswordLink } from '../auth/activation';
import type { Db, Tx } from '../db/client';
import { contactProfiles, users, type Tenant } from '../db/schema';
import { emailTakenMessage, isEmailTaken } from '../forms/fields';
import { createAccount } from '../users/create';
import type { ContactInput } from './schemas';

export class ContactRuleError extends DomainError {
  constructor(code: 'forbidden' | 'not_found' | 'email_taken' | 'advisor' | 'state', message: string, field?: string) {
    super(code, message, field);
  }
}

const notFound = () => new ContactRuleError('not_found', 'Diesen Kontakt gibt es nicht (mehr) oder Sie haben keinen Zugriff darauf.');

async function assertAdvisor(tx: Tx, tenantId: string, advisorId: string | null): Promise<void> {
  if (!advisorId) return;
  const [row] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.kind, 'employee'), eq(users.id, advisorId)));
  if (!row) throw new ContactRuleError('advisor', 'Bitte wählen Sie einen Betreuer aus der Liste.', 'advisorId');
}

/** The contact's row, locked for the change, if the employee may see it. */
async function visibleContact(tx: Tx, tenantId: string, actor: EmployeeLike, id: string) {
  await assertActorInTenant(tx, tenantId, actor);
  const [row] = await tx
    .select({ id: users.id, status: users.status, email: users.email, firstName: users.firstName, birthDate: users.birthDate, advisorId: contactProfiles.advisorId })
    .from(users)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
    .where(and(eq(users.tenantId, tenantId), eq(users.kind, 'client'), eq(users.id, id)))
    .for('update', { of: users });
  if (!row || !canSeeContact(actor, { advisorId: row.advisorId ?? null })) throw notFound();
  return row;
}

function mapEmailTaken(error: unknown): never {
  if (isEmailTaken(error)) throw new ContactRuleError('email_taken', emailTakenMessage, 'email');
  throw error;
}

/** KONTAKT ERSTELLEN: the person (no account yet) with a BENUTZERNAME reserved, and the master data. */
export async function createContact(database: Db, tenant: Tenant, actor: EmployeeLike, input: ContactInput): Promise<{ id: string }> {
  if (!canEditContacts(actor)) throw new ContactRuleError('forbidden', 'Sie haben keine Berechtigung, Kontakte anzulegen.');
  // An employee who only sees their own contacts always becomes the BETREUER (else the contact would vanish for them).
  const advisorId = !isAdmin(actor) && actor.scope === 'own' ? actor.id : (input.advisorId ?? (isAdmin(actor) ? null : actor.id));
  return database
    .transaction(async (tx) => {
      await assertActorInTenant(tx, tenant.id, actor);
      await assertAdvisor(tx, tenant.id, advisorId);
      const user = await createAccount(tx, {
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
      await tx.insert(contactProfiles).values({
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
      await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: 'contact.created', targetType: 'contact', targetId: user.id });
      return { id: user.id };
    })
    .catch(mapEmailTaken);
}

export async function updateContact(database: Db, tenant: Tenant, actor: EmployeeLike, id: string, input: ContactInput): Promise<void> {
  if (!canEditContacts(actor)) throw new ContactRuleError('forbidden', 'Sie haben keine Berechtigung, Kontakte zu bearbeiten.');
  await database
    .transaction(async (tx) => {
      const current = await visibleContact(tx, tenant.id, actor, id);
      // An employee who only sees their own contacts cannot hand one to somebody else and lose it.
      const advisorId = !isAdmin(actor) && actor.scope === 'own' ? actor.id : input.advisorId;
      await assertAdvisor(tx, tenant.id, advisorId);
      await tx
        .update(users)
        .set({ salutation: input.salutation, title: input.title, firstName: input.firstName, lastName: input.lastName, birthDate: input.birthDate, email: input.email, updatedAt: sql`now()` })
        .where(and(eq(users.tenantId, tenant.id), eq(users.id, id)));
      await tx
        .insert(contactProfiles)
        .values({ tenantId: tenant.id, userId: id, phone: input.phone, mobile: input.mobile, street: input.street, zip: input.zip, city: input.city, advisorId, note: input.note, createdBy: actor.id })
        .onConflictDoUpdate({
          target: contactProfiles.userId,
          set: { phone: input.phone, mobile: input.mobile, street: input.street, zip: input.zip, city: input.city, advisorId, note: input.note, updatedAt: sql`now()` },
        });
      await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: 'contact.updated', targetType: 'contact', targetId: id, meta: { emailChanged: current.email !== input.email } });
    })
    .catch(mapEmailTaken);
}

/** BENUTZERKONTO ERSTELLEN: the account exists (no mail yet), so FREIGABEN and contracts can be prepared. */
export async function createContactAccount(database: Db, tenant: Tenant, actor: EmployeeLike, id: string): Promise<void> {
  if (!canEditContacts(actor)) throw new ContactRuleError('forbidden', 'Sie haben keine Berechtigung, Benutzerkonten anzulegen.');
  await database.transaction(async (tx) => {
    const current = await visibleContact(tx, tenant.id, actor, id);
    if (current.status !== 'none') throw new ContactRuleError('state', 'Für diesen Kontakt gibt es bereits ein Benutzerkonto.');
    // The birth date is the PIN of the password setup; prospects from the contact form have none yet.
    if (!current.birthDate) throw new ContactRuleError('state', 'Bitte tragen Sie zuerst das Geburtsdatum ein – es ist die PIN bei der Passwortvergabe.');
    await tx.update(users).set({ status: 'created', updatedAt: sql`now()` }).where(and(eq(users.tenantId, tenant.id), eq(users.id, id)));
    await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: 'contact.account.created', targetType: 'contact', targetId: id });
  });
}

/** REGISTRIERUNGSMAIL VERSCHICKEN (PASSWORT-MAIL #1); sending again invalidates the older link. */
export async function sendRegistrationMail(database: Db, tenant: Tenant, actor: EmployeeLike, id: string): Promise<void> {
  if (!canEditContacts(actor)) throw new ContactRuleError('forbidden', 'Sie haben keine Berechtigung, Registrierungsmails zu verschicken.');
  await database.transaction(async (tx) => {
    const current = await visibleContact(tx, tenant.id, actor, id);
    if (current.status === 'none') throw new ContactRuleError('state', 'Bitte erstellen Sie zuerst das Benutzerkonto.');
    if (current.status === 'active') throw new ContactRuleError('state', 'Der Kunde hat sein Passwort bereits vergeben.');
    if (current.status === 'locked') throw new ContactRuleError('state', 'Das Benutzerkonto ist gesperrt.');
    await tx.update(users).set({ status: 'invited', updatedAt: sql`now()` }).where(and(eq(users.tenantId, tenant.id), eq(users.id, id)));
    await sendPasswordLink(tx, tenant, current, 'invite');
    await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: 'contact.registration.sent', targetType: 'contact', targetId: id });
  });
}
