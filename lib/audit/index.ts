import { insertMany } from '../db/bulk';
import type { Tx } from '../db/client';
import { auditLog } from '../db/schema';

export interface AuditEntry {
  tenantId: string | null;
  actorType: 'user' | 'system' | 'platform' | 'anonymous';
  actorId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string | null;
  meta?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends one audit row; call it inside the transaction of the mutation it describes. */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    tenantId: entry.tenantId,
    actorType: entry.actorType,
    actorId: entry.actorId ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    meta: entry.meta ?? null,
    ip: entry.ip ?? null,
  });
}

/**
 * The same, but a row that a unique index already holds (e.g. "Kontakt geöffnet" once per session and
 * contact: audit_log_contact_opened_once) is skipped instead of failing. True when a row was written.
 */
export async function auditOnce(tx: Tx, entry: AuditEntry): Promise<boolean> {
  const rows = await tx
    .insert(auditLog)
    .values({
      tenantId: entry.tenantId,
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      meta: entry.meta ?? null,
      ip: entry.ip ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: auditLog.id });
  return rows.length > 0;
}

/** Appends many audit rows in one statement (bulk writers such as the import); same transaction rule. */
export async function auditMany(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await insertMany(
    tx,
    auditLog,
    entries.map((entry) => ({
      tenantId: entry.tenantId,
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      meta: entry.meta ?? null,
      ip: entry.ip ?? null,
    })),
  );
}
