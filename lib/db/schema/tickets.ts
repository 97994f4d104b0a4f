import {
  bigint,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { contracts } from './contracts';
import { users } from './users';

/**
 * KOMMUNIKATION: a ticket between one client and the responsible employee. The last_* columns make the
 * unread counts cheap: staff see every entry (messages and forwards), clients only the messages.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    assigneeId: uuid('assignee_id').notNull(),
    contractId: uuid('contract_id'),
    subject: text('subject').notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    createdBy: uuid('created_by').notNull(),
    /** From the form, so a double tap on SENDEN creates one ticket. */
    idempotencyKey: text('idempotency_key').notNull(),
    lastEntryAt: timestamp('last_entry_at', { withTimezone: true }).notNull().defaultNow(),
    lastEntryBy: uuid('last_entry_by'),
    lastPublicAt: timestamp('last_public_at', { withTimezone: true }).notNull().defaultNow(),
    lastPublicBy: uuid('last_public_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('tickets_tenant_id_key').on(t.tenantId, t.id),
    uniqueIndex('tickets_idempotency_key').on(t.tenantId, t.createdBy, t.idempotencyKey),
    foreignKey({
      columns: [t.tenantId, t.contactId],
      foreignColumns: [users.tenantId, users.id],
      name: 'tickets_contact_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.assigneeId],
      foreignColumns: [users.tenantId, users.id],
      name: 'tickets_assignee_fk',
    }),
    foreignKey({
      columns: [t.tenantId, t.contractId],
      foreignColumns: [contracts.tenantId, contracts.id],
      name: 'tickets_contract_fk',
    }).onDelete('set null'),
    index('tickets_assignee_idx').on(t.tenantId, t.assigneeId, t.status, t.lastEntryAt, t.id),
    index('tickets_status_idx').on(t.tenantId, t.status, t.lastEntryAt, t.id),
    index('tickets_contact_idx').on(t.tenantId, t.contactId, t.lastPublicAt),
  ],
);

/** The thread: messages of client and employees (never internal). */
export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    authorId: uuid('author_id').notNull(),
    authorKind: text('author_kind', { enum: ['employee', 'client'] }).notNull(),
    body: text('body').notNull(),
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('ticket_messages_tenant_id_key').on(t.tenantId, t.id),
    uniqueIndex('ticket_messages_idempotency_key').on(t.tenantId, t.authorId, t.idempotencyKey),
    foreignKey({
      columns: [t.tenantId, t.ticketId],
      foreignColumns: [tickets.tenantId, tickets.id],
      name: 'ticket_messages_ticket_fk',
    }).onDelete('cascade'),
    index('ticket_messages_ticket_idx').on(t.tenantId, t.ticketId, t.createdAt),
  ],
);

/** Attachments of a message: checked by their bytes, stored under tenants/<id>/tickets/. */
export const ticketFiles = pgTable(
  'ticket_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    messageId: uuid('message_id').notNull(),
    objectKey: text('object_key').notNull().unique(),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.tenantId, t.messageId],
      foreignColumns: [ticketMessages.tenantId, ticketMessages.id],
      name: 'ticket_files_message_fk',
    }).onDelete('cascade'),
    index('ticket_files_message_idx').on(t.tenantId, t.messageId),
  ],
);

/**
 * HISTORIE: created, replied, forwarded (from → to, by whom, with an optional internal note), closed,
 * reopened. Internal notes are never shown to the client.
 */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: uuid('tenant_id').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    type: text('type', { enum: ['created', 'replied', 'forwarded', 'closed', 'reopened'] }).notNull(),
    actorId: uuid('actor_id').notNull(),
    actorKind: text('actor_kind', { enum: ['employee', 'client'] }).notNull(),
    meta: jsonb('meta').$type<{ fromId?: string; toId?: string; internalNote?: string }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.tenantId, t.ticketId],
      foreignColumns: [tickets.tenantId, tickets.id],
      name: 'ticket_events_ticket_fk',
    }).onDelete('cascade'),
    index('ticket_events_ticket_idx').on(t.tenantId, t.ticketId, t.id),
  ],
);

/** Per reader and ticket: up to when they have read it. */
export const ticketReads = pgTable(
  'ticket_reads',
  {
    tenantId: uuid('tenant_id').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    userId: uuid('user_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.ticketId, t.userId] }),
    foreignKey({
      columns: [t.tenantId, t.ticketId],
      foreignColumns: [tickets.tenantId, tickets.id],
      name: 'ticket_reads_ticket_fk',
    }).onDelete('cascade'),
  ],
);

export type Ticket = typeof tickets.$inferSelect;
