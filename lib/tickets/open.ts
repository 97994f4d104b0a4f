import { and, asc, eq, inArray } from 'drizzle-orm';
import { maySee } from '../access/folder';
import { threadActions } from '../access/tickets';
import type { Ctx } from '../ctx';
import type { Db } from '../db/client';
import { contracts, ticketEvents, ticketFiles, ticketMessages, users } from '../db/schema';
import { translate } from '../i18n';
import { markRead } from './entries';
import { accessTo, ticketRow } from './guard';
import type { TicketIdInput } from './schemas';

export interface ThreadMessage {
  id: string;
  authorName: string;
  authorKind: 'employee' | 'client';
  mine: boolean;
  body: string;
  at: Date;
  files: { id: string; filename: string; mime: string; size: number }[];
}

export interface HistoryEntry {
  at: Date;
  type: 'created' | 'replied' | 'forwarded' | 'closed' | 'reopened';
  actorName: string;
  actorKind: 'employee' | 'client';
  fromName?: string;
  toName?: string;
  internalNote?: string;
}

/** One ticket with its thread and HISTORIE (internal notes only for staff); marks it read for the viewer. */
export async function openTicket(ctx: Ctx, { ticketId }: TicketIdInput) {
  // One snapshot for what is shown and the read marker (a reply committing meanwhile stays unread). Nested
  // in a caller's transaction this is a savepoint and reads in the caller's snapshot.
  return (ctx.db as Db).transaction((tx) => readTicket({ ...ctx, db: tx }, ticketId), {
    isolationLevel: 'repeatable read',
    accessMode: 'read write',
  });
}

async function readTicket(ctx: Ctx, id: string) {
  const { db: tx, tenant, actor } = ctx;
  const t = await ticketRow(ctx, id);
  const { contact, viewer, rights } = await accessTo(ctx, t.contactId);
  const messages = await tx
    .select()
    .from(ticketMessages)
    .where(and(eq(ticketMessages.tenantId, tenant.id), eq(ticketMessages.ticketId, id)))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const events = await tx
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.tenantId, tenant.id), eq(ticketEvents.ticketId, id)))
    .orderBy(asc(ticketEvents.id));
  const files = messages.length
    ? await tx
        .select({
          id: ticketFiles.id,
          messageId: ticketFiles.messageId,
          filename: ticketFiles.filename,
          mime: ticketFiles.mime,
          size: ticketFiles.size,
        })
        .from(ticketFiles)
        .where(
          and(
            eq(ticketFiles.tenantId, tenant.id),
            inArray(
              ticketFiles.messageId,
              messages.map((m) => m.id),
            ),
          ),
        )
        .orderBy(asc(ticketFiles.position))
    : [];
  const ids = new Set<string>([
    t.assigneeId,
    ...messages.map((m) => m.authorId),
    ...events.flatMap((e) => [e.actorId, e.meta?.fromId, e.meta?.toId].filter((x): x is string => Boolean(x))),
  ]);
  const people = await tx
    .select({ id: users.id, first: users.firstName, last: users.lastName })
    .from(users)
    .where(and(eq(users.tenantId, tenant.id), inArray(users.id, [...ids])));
  const names = new Map(people.map((p) => [p.id, `${p.first} ${p.last}`]));
  const formerUser = translate(ctx.locale, 'tickets.thread.formerUser');
  const name = (uid: string | undefined) => (uid ? (names.get(uid) ?? formerUser) : '');
  let contract: { id: string; label: string; area: string } | null = null;
  if (t.contractId) {
    const [c] = await tx
      .select()
      .from(contracts)
      .where(and(eq(contracts.tenantId, tenant.id), eq(contracts.id, t.contractId)));
    if (c && maySee(viewer, contact, c))
      contract = { id: c.id, label: [c.product, c.provider].filter(Boolean).join(' · '), area: c.area };
  }
  await markRead(ctx, id);
  const staff = actor.kind === 'employee';
  return {
    ticket: t,
    contact,
    contract,
    assigneeName: name(t.assigneeId),
    rights: threadActions(viewer, rights, t.status),
    messages: messages.map<ThreadMessage>((m) => ({
      id: m.id,
      authorName: name(m.authorId),
      authorKind: m.authorKind,
      mine: m.authorId === actor.id,
      body: m.body,
      at: m.createdAt,
      files: files.filter((f) => f.messageId === m.id).map(({ messageId: _m, ...f }) => f),
    })),
    history: events.map<HistoryEntry>((e) => ({
      at: e.createdAt,
      type: e.type,
      actorName: name(e.actorId),
      actorKind: e.actorKind,
      fromName: e.meta?.fromId ? name(e.meta.fromId) : undefined,
      toName: e.meta?.toId ? name(e.meta.toId) : undefined,
      internalNote: staff ? e.meta?.internalNote : undefined,
    })),
  };
}

export type TicketView = Awaited<ReturnType<typeof openTicket>>;
