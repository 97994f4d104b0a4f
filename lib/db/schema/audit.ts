import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Append-only (a trigger refuses UPDATE and DELETE): who did what to which target, when. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: uuid('tenant_id'),
    actorType: text('actor_type', { enum: ['user', 'system', 'platform', 'anonymous'] }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    meta: jsonb('meta').$type<Record<string, unknown>>(),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_tenant_created_idx').on(t.tenantId, t.createdAt),
    // PROTOKOLL filters (person as actor or subject, contact, kind), each newest first by (created_at, id).
    index('audit_log_tenant_actor_idx').on(t.tenantId, t.actorId, t.createdAt, t.id),
    index('audit_log_tenant_target_idx').on(t.tenantId, t.targetId, t.createdAt, t.id),
    index('audit_log_tenant_action_idx').on(t.tenantId, t.action, t.createdAt, t.id),
    // "Kontakt geöffnet" once per session and contact: a second insert of the same pair does nothing.
    uniqueIndex('audit_log_contact_opened_once')
      .on(t.tenantId, t.targetId, sql`(${t.meta}->>'session')`)
      .where(sql`${t.action} = 'contact.opened'`),
  ],
);
