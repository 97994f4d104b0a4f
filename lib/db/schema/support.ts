import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';

/** "Anliegen mitteilen": requests of a tenant's employees to the platform operator. */
export const supportRequests = pgTable(
  'support_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id'),
    authorName: text('author_name').notNull(),
    authorEmail: text('author_email').notNull(),
    subject: text('subject').notNull(),
    message: text('message').notNull(),
    screenshotKeys: text('screenshot_keys').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('support_requests_created_idx').on(t.createdAt)],
);
