import { sql } from 'drizzle-orm';
import type { Ctx } from '../ctx';
import { ticketFiles, ticketMessages, ticketReads, tickets } from '../db/schema';
import {
  claimUploads,
  consumeUploads,
  dropUploadObjects,
  releaseClaimed,
  withExtension,
  type ClaimedFile,
} from '../uploads';

/** The rows every sending verb writes: a message with its attachments, the author's read marker. */

/**
 * Attachments: the actor's finished uploads are copied to their final keys before the transaction (S3 is
 * no part of it); after the commit the originals go, after a rollback (or an idempotent replay) the copies.
 */
export async function withUploads<T extends { fresh: boolean }>(
  ctx: Ctx,
  ids: readonly string[],
  write: (claimed: ClaimedFile[]) => Promise<T>,
): Promise<T> {
  const claimed = await claimUploads(ctx, ids, 'tickets');
  try {
    const result = await write(claimed);
    if (result.fresh) await dropUploadObjects(ctx, claimed);
    else await releaseClaimed(ctx, claimed);
    return result;
  } catch (error) {
    await releaseClaimed(ctx, claimed);
    throw error;
  }
}

/**
 * Inside the writing transaction: uses the claimed uploads up (exactly once; the bytes count against the
 * contact's and the tenant's storage quota) and writes the message.
 */
export async function insertMessage(
  ctx: Ctx,
  ticket: { id: string; contactId: string },
  body: string,
  claimed: ClaimedFile[],
  idempotencyKey: string | null,
): Promise<string> {
  const { db: tx, tenant, actor } = ctx;
  const ticketId = ticket.id;
  await consumeUploads(ctx, claimed, { contactId: ticket.contactId });
  const [m] = await tx
    .insert(ticketMessages)
    .values({ tenantId: tenant.id, ticketId, authorId: actor.id, authorKind: actor.kind, body, idempotencyKey })
    .returning({ id: ticketMessages.id });
  if (claimed.length) {
    await tx.insert(ticketFiles).values(
      claimed.map((c, position) => ({
        tenantId: tenant.id,
        messageId: m!.id,
        objectKey: c.key,
        filename: withExtension(c.filename, c.mime),
        mime: c.mime,
        size: c.size,
        position,
      })),
    );
  }
  return m!.id;
}

/**
 * Read marker = the newest entry the reader was shown (taken from the ticket row in the reader's snapshot),
 * never "now": a reply committing while the page is read stays unread.
 */
export async function markRead(ctx: Ctx, ticketId: string): Promise<void> {
  const { tenant, actor } = ctx;
  const last = actor.kind === 'client' ? tickets.lastPublicAt : tickets.lastEntryAt;
  const seen = sql`(select ${last} from ${tickets} where ${tickets.tenantId} = ${tenant.id} and ${tickets.id} = ${ticketId})`;
  await ctx.db
    .insert(ticketReads)
    .values({ tenantId: tenant.id, ticketId, userId: actor.id, readAt: seen as unknown as Date })
    .onConflictDoUpdate({
      target: [ticketReads.tenantId, ticketReads.ticketId, ticketReads.userId],
      set: { readAt: sql`greatest(${ticketReads.readAt}, excluded.read_at)` },
    });
}
