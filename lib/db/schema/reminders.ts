import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { contracts } from './contracts';
import { tenants } from './tenants';
import { users } from './users';

/** EINSTELLUNGEN → Fristen-Erinnerungen: how many days before a deadline's last day the Betreuer is mailed. */
export const reminderSettings = pgTable('reminder_settings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  days: integer('days').array().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per reminder mail that was written to the outbox: the unique key (contract, deadline id, step,
 * audience; `admins`: the tenant's admins for a contact without Betreuer, one key for all of them) makes "exactly once" hold with any number of workers (insert … on conflict do nothing, then the
 * mail in the same transaction).
 */
export const deadlineReminders = pgTable(
  'deadline_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    deadlineId: text('deadline_id').notNull(),
    step: integer('step').notNull(),
    audience: text('audience', { enum: ['advisor', 'admins', 'client'] }).notNull(),
    recipientId: uuid('recipient_id'),
    outboxId: uuid('outbox_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('deadline_reminders_key').on(t.contractId, t.deadlineId, t.step, t.audience),
    foreignKey({
      columns: [t.tenantId, t.contractId],
      foreignColumns: [contracts.tenantId, contracts.id],
      name: 'deadline_reminders_contract_fk',
    }).onDelete('cascade'),
  ],
);

/** A client's "Erinnerung per E-Mail" switch on one contract of their folder. */
export const contractReminderOptins = pgTable(
  'contract_reminder_optins',
  {
    tenantId: uuid('tenant_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.userId] }),
    foreignKey({
      columns: [t.tenantId, t.contractId],
      foreignColumns: [contracts.tenantId, contracts.id],
      name: 'contract_reminder_optins_contract_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
      name: 'contract_reminder_optins_user_fk',
    }).onDelete('cascade'),
  ],
);

/** An employee's personal iCal feed: only the SHA-256 of the secret URL token is stored. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').primaryKey(),
    /** Null: no active feed (revoked or never created). */
    tokenHash: text('token_hash'),
    /** Entries name the client only when the employee chose so. */
    showNames: boolean('show_names').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('calendar_feeds_token_key').on(t.tokenHash),
    foreignKey({
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
      name: 'calendar_feeds_user_fk',
    }).onDelete('cascade'),
  ],
);

/** WIEDERVORLAGEN: a follow-up on a contact (and optionally one of its contracts) for one employee. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    contractId: uuid('contract_id'),
    assigneeId: uuid('assignee_id').notNull(),
    dueOn: date('due_on').notNull(),
    note: text('note').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.tenantId, t.contactId],
      foreignColumns: [users.tenantId, users.id],
      name: 'follow_ups_contact_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.assigneeId],
      foreignColumns: [users.tenantId, users.id],
      name: 'follow_ups_assignee_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.contractId],
      foreignColumns: [contracts.tenantId, contracts.id],
      name: 'follow_ups_contract_fk',
    }).onDelete('cascade'),
    index('follow_ups_assignee_open_idx')
      .on(t.tenantId, t.assigneeId, t.dueOn)
      .where(sql`${t.doneAt} is null`),
    index('follow_ups_due_open_idx')
      .on(t.dueOn)
      .where(sql`${t.doneAt} is null`),
    index('follow_ups_contact_idx').on(t.tenantId, t.contactId),
  ],
);

/** The due-day mail of a follow-up, once per follow-up and due date (a moved date mails again). */
export const followUpNotices = pgTable(
  'follow_up_notices',
  {
    followUpId: uuid('follow_up_id')
      .notNull()
      .references(() => followUps.id, { onDelete: 'cascade' }),
    dueOn: date('due_on').notNull(),
    outboxId: uuid('outbox_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.followUpId, t.dueOn] })],
);

export type FollowUp = typeof followUps.$inferSelect;
