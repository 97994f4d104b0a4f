import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../ctx';
import { ticketFiles, ticketMessages, tickets } from '../db/schema';
import { DomainError } from '../errors';
import { accessTo } from './guard';

export interface TicketFile {
  id: string;
  key: string;
  filename: string;
  mime: string;
  size: number;
  ticketId: string;
  contactId: string;
}

/**
 * An attachment the actor may open (the rights of its ticket: whoever may read the thread), for the
 * download route; null otherwise – missing, of another tenant and forbidden look the same.
 */
export async function openTicketFile(ctx: Ctx, { fileId }: { fileId: string }): Promise<TicketFile | null> {
  const [f] = await ctx.db
    .select({
      id: ticketFiles.id,
      key: ticketFiles.objectKey,
      filename: ticketFiles.filename,
      mime: ticketFiles.mime,
      size: ticketFiles.size,
      ticketId: ticketMessages.ticketId,
      contactId: tickets.contactId,
    })
    .from(ticketFiles)
    .innerJoin(
      ticketMessages,
      and(eq(ticketMessages.tenantId, ticketFiles.tenantId), eq(ticketMessages.id, ticketFiles.messageId)),
    )
    .innerJoin(tickets, and(eq(tickets.tenantId, ticketMessages.tenantId), eq(tickets.id, ticketMessages.ticketId)))
    .where(and(eq(ticketFiles.tenantId, ctx.tenant.id), eq(ticketFiles.id, fileId)));
  if (!f) return null;
  try {
    await accessTo(ctx, f.contactId);
    return f;
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}
