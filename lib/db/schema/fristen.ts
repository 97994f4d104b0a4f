import { date, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { contracts } from './contracts';

/**
 * FRISTEN marked "erledigt": one row per tenant, contract and deadline id (`ordinary:2027-01-01`, stable per
 * engine run), with the employee's note. A later deadline of the same contract has another id and shows again.
 */
export const deadlineMarks = pgTable(
  'deadline_marks',
  {
    tenantId: uuid('tenant_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    deadlineId: text('deadline_id').notNull(),
    /** The deadline's last day when it was marked (for the list of erledigt ones). */
    lastDay: date('last_day'),
    note: text('note'),
    doneBy: uuid('done_by').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'deadline_marks_pkey', columns: [t.tenantId, t.contractId, t.deadlineId] }),
    foreignKey({
      columns: [t.tenantId, t.contractId],
      foreignColumns: [contracts.tenantId, contracts.id],
      name: 'deadline_marks_contract_fk',
    }).onDelete('cascade'),
    index('deadline_marks_tenant_idx').on(t.tenantId, t.doneAt),
  ],
);

export type DeadlineMark = typeof deadlineMarks.$inferSelect;
