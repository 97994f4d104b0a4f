import { and, eq, sql } from 'drizzle-orm';
import { limitedToOwnContacts } from '../access/scope';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { importJobs, importMappings, importRows, type ImportJob } from '../db/schema';
import { DomainError } from '../errors';
import { normaliseHeader } from './contacts/columns';
import { importJob } from './jobs';
import { previewImport } from './preview';
import { releaseImportFiles } from './retention';
import type { DecideInput, ExcludeInput, JobIdInput, MappingInput } from './schemas';

const wrongState = () => new DomainError('conflict', 'import.errors.state');

/** A state change on a job that is idle in one of the given states (two clicks: the second one is refused). */
async function transition(
  ctx: Ctx,
  id: string,
  from: ImportJob['state'][],
  change: (tx: Ctx, job: ImportJob) => Promise<void>,
  action: string,
): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const job = await importJob(tx, id, true);
    if (!from.includes(job.state) || job.work) throw wrongState();
    await change(tx, job);
    await audit(tx.db, {
      tenantId: ctx.tenant.id,
      actorType: 'user',
      actorId: ctx.actor.id,
      action,
      targetType: 'import',
      targetId: id,
    });
  });
}

const setJob = async (tx: Ctx, id: string, set: Partial<typeof importJobs.$inferInsert>): Promise<void> => {
  await tx.db
    .update(importJobs)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(importJobs.tenantId, tx.tenant.id), eq(importJobs.id, id)));
};

/** PRÜFEN: the column mapping is stored (and remembered for the tenant by header) and the check queued. */
export async function startCheck(ctx: Ctx, input: MappingInput): Promise<void> {
  const fields = Object.values(input.mapping);
  if (!fields.includes('lastName') && !fields.includes('company'))
    throw new DomainError('invalid', 'import.errors.mapping', { field: 'mapping' });
  const preview = await previewImport(ctx, input.id, 0);
  await transition(
    ctx,
    input.id,
    ['uploaded'],
    async (tx) => {
      const ownAdvisorId = limitedToOwnContacts(ctx.actor) ? ctx.actor.id : null;
      await setJob(tx, input.id, { work: 'check', options: { mapping: input.mapping, ownAdvisorId }, attempts: 0 });
      const byHeader = Object.fromEntries(
        (preview?.headers ?? []).map((h, i) => [normaliseHeader(h), input.mapping[String(i)] ?? '']),
      );
      await tx.db
        .insert(importMappings)
        .values({ tenantId: ctx.tenant.id, contacts: byHeader })
        .onConflictDoUpdate({ target: importMappings.tenantId, set: { contacts: byHeader, updatedAt: sql`now()` } });
    },
    'import.check_started',
  );
}

/** A row of an idle, checked job (the review's changes). */
async function reviewRow(tx: Ctx, id: string, rowId: string) {
  const job = await importJob(tx, id, true);
  if (job.state !== 'checked' || job.work) throw wrongState();
  const [row] = await tx.db
    .select()
    .from(importRows)
    .where(and(eq(importRows.jobId, id), eq(importRows.id, rowId)));
  if (!row) throw new DomainError('not_found', 'import.errors.notFound');
  return row;
}

/** Ausschließen / wieder aufnehmen. */
export async function excludeRow(ctx: Ctx, input: ExcludeInput): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    await reviewRow(tx, input.id, input.rowId);
    await tx.db.update(importRows).set({ excluded: input.excluded }).where(eq(importRows.id, input.rowId));
  });
}

/** An ambiguous match decided: one of the offered contacts, or a new one. */
export async function decideRow(ctx: Ctx, input: DecideInput): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const row = await reviewRow(tx, input.id, input.rowId);
    const offered = input.decision === 'new' || (row.candidates ?? []).some((c) => c.id === input.decision);
    if (!offered) throw new DomainError('invalid', 'import.errors.decision', { field: 'decision' });
    await tx.db.update(importRows).set({ decision: input.decision }).where(eq(importRows.id, input.rowId));
  });
}

/** ÜBERNEHMEN: queued for the worker, which applies in batches. */
export async function applyImport(ctx: Ctx, { id }: JobIdInput): Promise<void> {
  await transition(
    ctx,
    id,
    ['checked'],
    (tx) => setJob(tx, id, { work: 'apply', attempts: 0 }),
    'import.apply_started',
  );
}

/** IMPORT RÜCKGÄNGIG MACHEN: queued for the worker. */
export async function undoImport(ctx: Ctx, { id }: JobIdInput): Promise<void> {
  await transition(ctx, id, ['applied'], (tx) => setJob(tx, id, { work: 'undo', attempts: 0 }), 'import.undo_started');
}

/** ABBRECHEN before anything was written: the job ends, the file goes. */
export async function cancelImport(ctx: Ctx, { id }: JobIdInput): Promise<void> {
  await transition(
    ctx,
    id,
    ['uploaded', 'checked'],
    (tx) => setJob(tx, id, { state: 'cancelled' }),
    'import.cancelled',
  );
  // The file goes now (a failed delete stays in file_keys and is retried by the sweeper).
  await releaseImportFiles(ctx.db, [id]).catch(() => 0);
}
