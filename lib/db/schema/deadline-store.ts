import {
  boolean,
  date,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { contracts, folderAreas } from './contracts';
import { tenants } from './tenants';

/**
 * FRISTEN as stored rows: every known deadline (open or overdue as of `computed_on`) of every running
 * contract, computed by the pure engine (lib/deadlines) from the contract's columns. The single source of the
 * FRISTEN list, the start page's count, the iCal feed and the reminders; kept current by
 * `contract_deadline_queue` (a trigger on contracts marks a contract dirty, lib/deadline-store recomputes).
 */
export const contractDeadlines = pgTable(
  'contract_deadlines',
  {
    tenantId: uuid('tenant_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    /** The engine's id (`ordinary:2027-01-01`): the key of "erledigt" marks and reminders. */
    deadlineId: text('deadline_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    area: text('area', { enum: folderAreas }).notNull(),
    kind: text('kind').notNull(),
    lastDay: date('last_day').notNull(),
    /** The Sparte the engine used (the contract's own, else its product line's). */
    sparte: text('sparte'),
    provider: text('provider'),
    product: text('product').notNull(),
    /** The engine's entry (rule, reason key + values, effect, warnings) without its state. */
    detail: jsonb('detail').notNull(),
    computedOn: date('computed_on').notNull(),
  },
  (t) => [
    primaryKey({ name: 'contract_deadlines_pkey', columns: [t.contractId, t.deadlineId] }),
    foreignKey({
      columns: [t.tenantId, t.contractId],
      foreignColumns: [contracts.tenantId, contracts.id],
      name: 'contract_deadlines_contract_fk',
    }).onDelete('cascade'),
    index('contract_deadlines_tenant_day_idx').on(t.tenantId, t.area, t.lastDay, t.contractId, t.deadlineId),
    index('contract_deadlines_tenant_contact_idx').on(t.tenantId, t.contactId),
  ],
);

/**
 * Contracts whose stored deadlines must be (re)computed on or after `due_on`: '-infinity' when a contract
 * changed (the trigger, hand-written in the migration), else the day its earliest stored deadline changes
 * state (the day after an open one passes: the series rolls forward; the day an overdue one drops out).
 */
export const contractDeadlineQueue = pgTable(
  'contract_deadline_queue',
  {
    contractId: uuid('contract_id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    dueOn: date('due_on').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.tenantId, t.contractId],
      foreignColumns: [contracts.tenantId, contracts.id],
      name: 'contract_deadline_queue_contract_fk',
    }).onDelete('cascade'),
    index('contract_deadline_queue_due_idx').on(t.dueOn),
    index('contract_deadline_queue_tenant_due_idx').on(t.tenantId, t.dueOn),
  ],
);

/**
 * BESTAND figures per tenant and view (scope × areas × day), computed in SQL and kept for a few minutes:
 * the cockpit reads one row instead of aggregating 50,000 contracts per request (staleness shown).
 */
export const portfolioSnapshots = pgTable(
  'portfolio_snapshots',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    view: text('view').notNull(),
    figures: jsonb('figures').notNull(),
    /** Set by a trigger when the tenant's contracts or contacts change: recomputed on the next read. */
    stale: boolean('stale').notNull().default(false),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'portfolio_snapshots_pkey', columns: [t.tenantId, t.view] })],
);
