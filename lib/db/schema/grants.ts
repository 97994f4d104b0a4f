import { boolean, foreignKey, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/** FREIGABEN: per contact and module the three switches; a missing row means nothing is granted. */
export const clientGrants = pgTable(
  'client_grants',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    module: text('module', {
      enum: ['profile', 'communication', 'insurance', 'finance', 'other', 'emergency'],
    }).notNull(),
    activation: boolean('activation').notNull().default(false),
    dataRelease: boolean('data_release').notNull().default(false),
    readOnly: boolean('read_only').notNull().default(false),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.module] }),
    foreignKey({
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
      name: 'client_grants_user_fk',
    }).onDelete('cascade'),
  ],
);
