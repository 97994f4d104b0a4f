import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { users } from './users';

export const importStates = ['uploaded', 'checked', 'applied', 'cancelled', 'undone'] as const;
export type ImportState = (typeof importStates)[number];
/** Work the background worker still has to do for a job (null = nothing). */
export const importWork = ['check', 'apply', 'undo'] as const;
export type ImportWork = (typeof importWork)[number];

export interface ImportCounts {
  total: number;
  new: number;
  changed: number;
  unchanged: number;
  error: number;
  /** Rows done by the current work (checked, applied or undone). */
  done: number;
  applied?: number;
  refused?: number;
  undone?: number;
  left?: number;
  [stat: string]: number | undefined;
}

/**
 * IMPORTIEREN (issue 14): one uploaded file (or ZIP) and its way through check → review → apply → undo.
 * `work` + the lease (claimed_by/claimed_until) is how the worker of any instance picks it up and resumes it.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').notNull(),
    kind: text('kind', { enum: ['contacts', 'gdv'] }).notNull(),
    /** The checked object(s) in S3 (tenants/<id>/imports/<uuid>). */
    fileKeys: jsonb('file_keys').$type<string[]>().notNull(),
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull().default(0),
    state: text('state', { enum: importStates }).notNull().default('uploaded'),
    work: text('work', { enum: importWork }),
    /** Source options, e.g. the contacts' column mapping and the detected dialect. */
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    counts: jsonb('counts')
      .$type<ImportCounts>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    claimedBy: text('claimed_by'),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    /** Catalog key of a failure of the whole job (unreadable file). */
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [
    unique('import_jobs_tenant_id_key').on(t.tenantId, t.id),
    foreignKey({
      columns: [t.tenantId, t.createdBy],
      foreignColumns: [users.tenantId, users.id],
      name: 'import_jobs_creator_fk',
    }).onDelete('cascade'),
    index('import_jobs_tenant_created_idx').on(t.tenantId, t.createdAt),
    index('import_jobs_work_idx')
      .on(t.work)
      .where(sql`${t.work} is not null`),
  ],
);

export type ImportJob = typeof importJobs.$inferSelect;

/** One proposed change of a job (see lib/import/types.ts). */
export const importRows = pgTable(
  'import_rows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    jobId: uuid('job_id').notNull(),
    fileName: text('file_name').notNull().default(''),
    line: integer('line').notNull(),
    kind: text('kind', { enum: ['contact', 'contract', 'person', 'provider'] }).notNull(),
    status: text('status', { enum: ['new', 'changed', 'unchanged', 'error'] }).notNull(),
    matchKey: text('match_key'),
    targetId: uuid('target_id'),
    candidates: jsonb('candidates').$type<{ id: string; label: string }[]>(),
    before: jsonb('before').$type<Record<string, string | number | boolean | null>>(),
    after: jsonb('after').$type<Record<string, string | number | boolean | null>>().notNull(),
    reasonKey: text('reason_key'),
    reasonValues: jsonb('reason_values').$type<Record<string, string | number>>(),
    reasonField: text('reason_field'),
    groupKey: text('group_key'),
    dependsOn: jsonb('depends_on').$type<{ kind: 'contact' | 'contract' | 'person' | 'provider'; matchKey: string }>(),
    excluded: boolean('excluded').notNull().default(false),
    /** The user's choice among `candidates` ('new' = create a new one). */
    decision: text('decision'),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    appliedTargetId: uuid('applied_target_id'),
    appliedCreated: boolean('applied_created'),
    /** The target's values right before the apply, for the undo. */
    previous: jsonb('previous').$type<Record<string, string | number | boolean | null>>(),
    appliedStamp: text('applied_stamp'),
    /** Catalog key when the apply refused the row (e.g. the e-mail was taken meanwhile). */
    applyError: text('apply_error'),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoOutcome: text('undo_outcome', { enum: ['undone', 'left'] }),
  },
  (t) => [
    foreignKey({
      columns: [t.tenantId, t.jobId],
      foreignColumns: [importJobs.tenantId, importJobs.id],
      name: 'import_rows_job_fk',
    }).onDelete('cascade'),
    unique('import_rows_job_line_key').on(t.jobId, t.fileName, t.line, t.kind),
    index('import_rows_job_status_idx').on(t.jobId, t.status, t.line),
    index('import_rows_job_match_idx').on(t.jobId, t.kind, t.matchKey),
  ],
);

export type ImportRow = typeof importRows.$inferSelect;

/** The last column mapping per tenant and import kind ("the last mapping is remembered"). */
export const importMappings = pgTable('import_mappings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  contacts: jsonb('contacts').$type<Record<string, string>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
