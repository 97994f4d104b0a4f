import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, unique, uniqueIndex, uuid, index } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';

/** Accounts of one tenant: employees (advisor area) and clients (portal). One e-mail = one account. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['employee', 'client'] }).notNull(),
    role: text('role', { enum: ['admin', 'employee'] }),
    email: text('email').notNull(),
    username: text('username').notNull(),
    passwordHash: text('password_hash'),
    salutation: text('salutation'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    status: text('status', { enum: ['invited', 'active', 'locked'] }).notNull().default('invited'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('users_tenant_id_key').on(t.tenantId, t.id),
    uniqueIndex('users_tenant_email_key').on(t.tenantId, sql`lower(${t.email})`),
    uniqueIndex('users_tenant_username_key').on(t.tenantId, sql`lower(${t.username})`),
    index('users_tenant_kind_name_idx').on(t.tenantId, t.kind, t.lastName, t.id),
  ],
);

export type User = typeof users.$inferSelect;
