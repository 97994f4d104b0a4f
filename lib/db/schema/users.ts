import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';

export const moduleKeys = ['insurance', 'finance', 'other', 'emergency', 'communication'] as const;
export type ModuleKey = (typeof moduleKeys)[number];
export type RightLevel = 'none' | 'read' | 'write';
/**
 * Rights beyond the modules, each off by default: 'import' opens KONTAKTE → IMPORTIEREN (issue 14), 'protocol'
 * EINSTELLUNGEN → PROTOKOLL (issue 16).
 */
export const extraRightKeys = ['import', 'protocol'] as const;
export type ExtraRightKey = (typeof extraRightKeys)[number];
export type EmployeeRights = Record<ModuleKey, RightLevel> & Partial<Record<ExtraRightKey, boolean>>;

/**
 * The people of one tenant: employees (BENUTZER, advisor area) and contacts (KONTAKTE, portal). One
 * e-mail address = one row per tenant, employees and contacts together (unique index below).
 * Contacts start without an account (status 'none'); BENUTZERKONTO ERSTELLEN makes it 'created', the
 * REGISTRIERUNGSMAIL 'invited', the password setup 'active'.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['employee', 'client'] }).notNull(),
    role: text('role', { enum: ['admin', 'employee'] }),
    /** '' = no address yet (imported contacts); such a contact gets no account until it has one. */
    email: text('email').notNull(),
    username: text('username').notNull(),
    passwordHash: text('password_hash'),
    salutation: text('salutation'),
    title: text('title'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** GEBURTSDATUM: the PIN of the password setup (TTMMJJJJ). */
    birthDate: date('birth_date'),
    status: text('status', { enum: ['none', 'created', 'invited', 'active', 'locked'] })
      .notNull()
      .default('invited'),
    employeeType: text('employee_type', { enum: ['mitarbeiter', 'netzwerkpartner', 'experte'] }),
    rights: jsonb('rights').$type<EmployeeRights>(),
    scope: text('scope', { enum: ['all', 'own'] }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** Language chosen in "Mein Zugang"; null = the tenant's language. Also the language of mails to them. */
    locale: text('locale', { enum: ['de', 'en'] }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('users_tenant_id_key').on(t.tenantId, t.id),
    uniqueIndex('users_tenant_email_key')
      .on(t.tenantId, sql`lower(${t.email})`)
      .where(sql`${t.email} <> ''`),
    uniqueIndex('users_tenant_username_key').on(t.tenantId, sql`lower(${t.username})`),
    index('users_tenant_kind_created_idx').on(t.tenantId, t.kind, t.createdAt, t.id),
    check('users_locale_known', sql`${t.locale} is null or ${t.locale} in ('de', 'en')`),
  ],
);

export type User = typeof users.$inferSelect;
