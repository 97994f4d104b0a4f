import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';

/**
 * Deletion of a client (GDPR Art. 17): the rows go in one transaction, the stored objects afterwards.
 * The job keeps the object keys until storage confirmed every delete, so a failed run can be retried
 * safely (deleting an object twice is harmless). It holds no personal data – only the pseudonym.
 */
export const deletionJobs = pgTable(
  'deletion_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    pseudonym: text('pseudonym').notNull(),
    requestedBy: uuid('requested_by'),
    objectKeys: text('object_keys').array().notNull().default([]),
    status: text('status', { enum: ['pending', 'done'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [index('deletion_jobs_pending_idx').on(t.status, t.createdAt)],
);
