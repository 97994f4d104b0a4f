import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../ctx';
import { documentFiles, documents, ticketFiles, ticketMessages, tickets } from '../db/schema';
import { DomainError } from '../errors';

const GiB = 1024 * 1024 * 1024;

/** Stored files per client and per tenant (documents and KOMMUNIKATION attachments). */
export const storageQuota = { perClientBytes: 2 * GiB, perTenantBytes: 50 * GiB } as const;

export interface QuotaOwner {
  /** The client the files belong to (their folder or their tickets); without it only the tenant counts. */
  contactId?: string | null;
}

async function storedBytes(ctx: Ctx, contactId: string | null): Promise<number> {
  const tenantId = ctx.tenant.id;
  const docs = ctx.db
    .select({ n: sql<string>`coalesce(sum(${documentFiles.size}), 0)` })
    .from(documentFiles)
    .innerJoin(
      documents,
      and(eq(documents.tenantId, documentFiles.tenantId), eq(documents.id, documentFiles.documentId)),
    )
    .where(
      contactId
        ? and(eq(documentFiles.tenantId, tenantId), eq(documents.contactId, contactId))
        : eq(documentFiles.tenantId, tenantId),
    );
  const files = ctx.db
    .select({ n: sql<string>`coalesce(sum(${ticketFiles.size}), 0)` })
    .from(ticketFiles)
    .innerJoin(
      ticketMessages,
      and(eq(ticketMessages.tenantId, ticketFiles.tenantId), eq(ticketMessages.id, ticketFiles.messageId)),
    )
    .innerJoin(tickets, and(eq(tickets.tenantId, ticketMessages.tenantId), eq(tickets.id, ticketMessages.ticketId)))
    .where(
      contactId
        ? and(eq(ticketFiles.tenantId, tenantId), eq(tickets.contactId, contactId))
        : eq(ticketFiles.tenantId, tenantId),
    );
  const [[a], [b]] = await Promise.all([docs, files]);
  return Number(a?.n ?? 0) + Number(b?.n ?? 0);
}

/**
 * Inside the writing transaction, before the file rows are inserted: the tenant's quota lock is taken
 * (parallel claims of one tenant queue here, so two uploads cannot both pass a check the sum of both
 * fails), then the stored bytes plus the new ones are compared with the limits. The lock ends with the
 * transaction, when the new rows are visible to the next claim.
 */
export async function reserveQuota(ctx: Ctx, owner: QuotaOwner, bytes: number, limits = storageQuota): Promise<void> {
  if (bytes <= 0) return;
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`mappe.quota:${ctx.tenant.id}`}, 0))`);
  if (owner.contactId && (await storedBytes(ctx, owner.contactId)) + bytes > limits.perClientBytes) {
    throw new DomainError('file_rejected', 'uploads.errors.clientQuota', {
      field: 'uploads',
      detail: { reason: 'quota', scope: 'client' },
    });
  }
  if ((await storedBytes(ctx, null)) + bytes > limits.perTenantBytes) {
    throw new DomainError('file_rejected', 'uploads.errors.tenantQuota', {
      field: 'uploads',
      detail: { reason: 'quota', scope: 'tenant' },
    });
  }
}
