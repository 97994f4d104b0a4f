import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { canManageUsers } from '../access/employee';
import { assertActorInTenant } from '../access/guard';
import { DomainError } from '../actions/domain-error';
import { audit } from '../audit';
import { sendPasswordLink } from '../auth/activation';
import { revokeUserSessions } from '../auth/sessions';
import { latestLinkState } from '../auth/tokens';
import type { Db } from '../db/client';
import { moduleKeys, users, type EmployeeRights, type Tenant } from '../db/schema';
import { birthDateField, emailField, emailTakenMessage, isEmailTaken, requiredText, salutationField } from '../forms/fields';
import { createAccount } from './create';

const level = z.enum(['none', 'read', 'write'], { error: 'Bitte wählen Sie keine / lesen / schreiben.' });

export const employeeSchema = z.object({
  salutation: salutationField,
  firstName: requiredText('den Vornamen'),
  lastName: requiredText('den Nachnamen'),
  birthDate: birthDateField,
  email: emailField,
  employeeType: z.enum(['mitarbeiter', 'netzwerkpartner', 'experte'], { error: 'Bitte wählen Sie die Art des Benutzers.' }),
  role: z.enum(['admin', 'employee'], { error: 'Bitte wählen Sie die Rolle.' }),
  scope: z.enum(['all', 'own'], { error: 'Bitte wählen Sie, welche Kontakte der Benutzer sieht.' }),
  ...Object.fromEntries(moduleKeys.map((m) => [`right_${m}`, level.default('none')])),
}) as z.ZodType<EmployeeInput>;

export interface EmployeeInput {
  salutation: string | null;
  firstName: string;
  lastName: string;
  birthDate: string;
  email: string;
  employeeType: 'mitarbeiter' | 'netzwerkpartner' | 'experte';
  role: 'admin' | 'employee';
  scope: 'all' | 'own';
  [right: `right_${string}`]: 'none' | 'read' | 'write';
}

function rightsOf(input: EmployeeInput): EmployeeRights {
  return Object.fromEntries(moduleKeys.map((m) => [m, input[`right_${m}`] ?? 'none'])) as EmployeeRights;
}

type EmployeeErrorCode = 'forbidden' | 'not_found' | 'last_admin' | 'self' | 'email_taken' | 'state';

export class EmployeeRuleError extends DomainError {
  constructor(detail: { code: EmployeeErrorCode; message: string; field?: string }) {
    super(detail.code, detail.message, detail.field);
  }
}

interface Actor {
  id: string;
  kind: 'employee' | 'client';
  role: 'admin' | 'employee' | null;
}

function requireAdminActor(actor: Actor): void {
  if (!canManageUsers(actor)) throw new EmployeeRuleError({ code: 'forbidden', message: 'Nur Admins dürfen Benutzer verwalten.' });
}

export interface EmployeeRow {
  id: string;
  salutation: string | null;
  firstName: string;
  lastName: string;
  email: string;
  username: string;
  birthDate: string | null;
  employeeType: string | null;
  role: 'admin' | 'employee' | null;
  scope: 'all' | 'own' | null;
  rights: EmployeeRights | null;
  status: string;
}

const employeeColumns = {
  id: users.id,
  salutation: users.salutation,
  firstName: users.firstName,
  lastName: users.lastName,
  email: users.email,
  username: users.username,
  birthDate: users.birthDate,
  employeeType: users.employeeType,
  role: users.role,
  scope: users.scope,
  rights: users.rights,
  status: users.status,
};

export async function listEmployees(database: Db, tenantId: string): Promise<EmployeeRow[]> {
  return database
    .select(employeeColumns)
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.kind, 'employee')))
    .orderBy(asc(sql`lower(${users.lastName})`), asc(sql`lower(${users.firstName})`), asc(users.id));
}

export async function getEmployee(database: Db, tenantId: string, id: string): Promise<(EmployeeRow & { link: Awaited<ReturnType<typeof latestLinkState>> }) | null> {
  const [row] = await database
    .select(employeeColumns)
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.kind, 'employee'), eq(users.id, id)));
  if (!row) return null;
  return { ...row, link: await latestLinkState(database, tenantId, id) };
}

/** BENUTZER ERSTELLEN: the account plus PASSWORT-MAIL #1 at once, in one transaction. */
export async function createEmployee(database: Db, tenant: Tenant, actor: Actor, input: EmployeeInput): Promise<{ id: string }> {
  requireAdminActor(actor);
  try {
    return await database.transaction(async (tx) => {
      await assertActorInTenant(tx, tenant.id, actor);
      const user = await createAccount(tx, {
        tenantId: tenant.id,
        kind: 'employee',
        role: input.role,
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        salutation: input.salutation,
        birthDate: input.birthDate,
        employeeType: input.employeeType,
        rights: rightsOf(input),
        scope: input.scope,
        status: 'invited',
      });
      await sendPasswordLink(tx, tenant, user, 'invite');
      await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: 'user.created', targetType: 'user', targetId: user.id, meta: { role: input.role, rights: rightsOf(input), scope: input.scope } });
      return { id: user.id };
    });
  } catch (error) {
    if (isEmailTaken(error)) throw new EmployeeRuleError({ code: 'email_taken', field: 'email', message: emailTakenMessage });
    throw error;
  }
}

async function activeAdminCount(tx: Parameters<Parameters<Db['transaction']>[0]>[0], tenantId: string, exceptId: string): Promise<number> {
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.kind, 'employee'), eq(users.role, 'admin'), ne(users.status, 'locked'), ne(users.id, exceptId)));
  return rows[0]?.n ?? 0;
}

/** Edit master data, role, rights and scope. The last admin cannot be demoted, nobody demotes themselves. */
export async function updateEmployee(database: Db, tenant: Tenant, actor: Actor, id: string, input: EmployeeInput): Promise<void> {
  requireAdminActor(actor);
  try {
    await database.transaction(async (tx) => {
      await assertActorInTenant(tx, tenant.id, actor);
      // Serialises concurrent admin changes within the tenant, so two demotions cannot both pass the check.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`admins:${tenant.id}`}))`);
      const [current] = await tx.select({ role: users.role, email: users.email }).from(users).where(and(eq(users.tenantId, tenant.id), eq(users.kind, 'employee'), eq(users.id, id)));
      if (!current) throw new EmployeeRuleError({ code: 'not_found', message: 'Diesen Benutzer gibt es nicht (mehr).' });
      if (current.role === 'admin' && input.role !== 'admin') {
        if (id === actor.id) throw new EmployeeRuleError({ code: 'self', field: 'role', message: 'Sie können sich nicht selbst die Admin-Rolle entziehen.' });
        if ((await activeAdminCount(tx, tenant.id, id)) === 0) throw new EmployeeRuleError({ code: 'last_admin', field: 'role', message: 'Es muss mindestens ein aktiver Admin bleiben.' });
      }
      await tx
        .update(users)
        .set({
          salutation: input.salutation,
          firstName: input.firstName,
          lastName: input.lastName,
          birthDate: input.birthDate,
          email: input.email,
          employeeType: input.employeeType,
          role: input.role,
          rights: rightsOf(input),
          scope: input.scope,
          updatedAt: sql`now()`,
        })
        .where(and(eq(users.tenantId, tenant.id), eq(users.id, id)));
      await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: 'user.updated', targetType: 'user', targetId: id, meta: { role: input.role, rights: rightsOf(input), scope: input.scope } });
    });
  } catch (error) {
    if (isEmailTaken(error)) throw new EmployeeRuleError({ code: 'email_taken', field: 'email', message: emailTakenMessage });
    throw error;
  }
}

/** Sperren ends every session at once; Entsperren restores the previous state (active or invited). */
export async function setEmployeeLocked(database: Db, tenant: Tenant, actor: Actor, id: string, locked: boolean): Promise<void> {
  requireAdminActor(actor);
  await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenant.id, actor);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`admins:${tenant.id}`}))`);
    const [current] = await tx
      .select({ role: users.role, status: users.status, passwordHash: users.passwordHash })
      .from(users)
      .where(and(eq(users.tenantId, tenant.id), eq(users.kind, 'employee'), eq(users.id, id)));
    if (!current) throw new EmployeeRuleError({ code: 'not_found', message: 'Diesen Benutzer gibt es nicht (mehr).' });
    if (locked) {
      if (id === actor.id) throw new EmployeeRuleError({ code: 'self', message: 'Sie können sich nicht selbst sperren.' });
      if (current.role === 'admin' && (await activeAdminCount(tx, tenant.id, id)) === 0) throw new EmployeeRuleError({ code: 'last_admin', message: 'Der letzte aktive Admin kann nicht gesperrt werden.' });
    }
    const status = locked ? 'locked' : current.passwordHash ? 'active' : 'invited';
    await tx.update(users).set({ status, updatedAt: sql`now()` }).where(and(eq(users.tenantId, tenant.id), eq(users.id, id)));
    if (locked) await revokeUserSessions(tx, tenant.id, id);
    await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: locked ? 'user.locked' : 'user.unlocked', targetType: 'user', targetId: id });
  });
}

/** Einladung erneut senden: a new PASSWORT-MAIL #1; the older link stops working. */
export async function resendInvitation(database: Db, tenant: Tenant, actor: Actor, id: string): Promise<void> {
  requireAdminActor(actor);
  await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenant.id, actor);
    const [user] = await tx
      .select({ id: users.id, email: users.email, firstName: users.firstName, status: users.status })
      .from(users)
      .where(and(eq(users.tenantId, tenant.id), eq(users.kind, 'employee'), eq(users.id, id)));
    if (!user) throw new EmployeeRuleError({ code: 'not_found', message: 'Diesen Benutzer gibt es nicht (mehr).' });
    if (user.status !== 'invited') throw new EmployeeRuleError({ code: 'state', message: 'Nur eingeladene Benutzer erhalten eine neue Einladung. Aktive Benutzer nutzen „Passwort vergessen?“.' });
    await sendPasswordLink(tx, tenant, user, 'invite');
    await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: 'user.invitation.resent', targetType: 'user', targetId: id });
  });
}
