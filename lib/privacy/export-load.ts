import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { loadGrants } from '../access/viewer';
import type { Ctx } from '../ctx';
import {
  auditLog,
  contactInsurerNumbers,
  contactProfiles,
  contractReminderOptins,
  contracts,
  documentFiles,
  documents,
  followUps,
  outbox,
  sessions,
  ticketEvents,
  ticketFiles,
  ticketMessages,
  tickets,
  users,
} from '../db/schema';

/**
 * Every row the DATENEXPORT may hold about one contact, read in one go. What of it goes into the file is
 * decided afterwards (export-data.ts, by lib/access's export scope); the contact was checked before.
 */
export async function loadExportRows(ctx: Ctx, contactId: string) {
  const { db, tenant } = ctx;
  const t = tenant.id;
  const [row] = await db
    .select({ user: users, profile: contactProfiles })
    .from(users)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
    .where(and(eq(users.tenantId, t), eq(users.kind, 'client'), eq(users.id, contactId)));
  if (!row) return null;
  const grants = await loadGrants(db, t, contactId);
  const contractRows = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.tenantId, t), eq(contracts.contactId, contactId)))
    .orderBy(asc(contracts.area), asc(contracts.createdAt));
  const docRows = await db
    .select()
    .from(documents)
    .where(and(eq(documents.tenantId, t), eq(documents.contactId, contactId)))
    .orderBy(asc(documents.createdAt));
  const fileRows = docRows.length
    ? await db
        .select()
        .from(documentFiles)
        .where(
          and(
            eq(documentFiles.tenantId, t),
            inArray(
              documentFiles.documentId,
              docRows.map((d) => d.id),
            ),
          ),
        )
        .orderBy(asc(documentFiles.position))
    : [];
  const ticketRows = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, t), eq(tickets.contactId, contactId)))
    .orderBy(asc(tickets.createdAt));
  const ticketIds = ticketRows.map((x) => x.id);
  const messageRows = ticketIds.length
    ? await db
        .select()
        .from(ticketMessages)
        .where(and(eq(ticketMessages.tenantId, t), inArray(ticketMessages.ticketId, ticketIds)))
        .orderBy(asc(ticketMessages.createdAt))
    : [];
  const eventRows = ticketIds.length
    ? await db
        .select()
        .from(ticketEvents)
        .where(and(eq(ticketEvents.tenantId, t), inArray(ticketEvents.ticketId, ticketIds)))
        .orderBy(asc(ticketEvents.id))
    : [];
  const attachmentRows = messageRows.length
    ? await db
        .select()
        .from(ticketFiles)
        .where(
          and(
            eq(ticketFiles.tenantId, t),
            inArray(
              ticketFiles.messageId,
              messageRows.map((m) => m.id),
            ),
          ),
        )
    : [];
  const sessionRows = await db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
      revokedAt: sessions.revokedAt,
    })
    .from(sessions)
    .where(and(eq(sessions.tenantId, t), eq(sessions.userId, contactId)))
    .orderBy(desc(sessions.createdAt));
  const mailRows = await db
    .select({ createdAt: outbox.createdAt, subject: outbox.subject, status: outbox.status, sentAt: outbox.sentAt })
    .from(outbox)
    .where(and(eq(outbox.tenantId, t), sql`lower(${outbox.toAddress}) = lower(${row.user.email})`))
    .orderBy(asc(outbox.createdAt));
  const followUpRows = await db
    .select()
    .from(followUps)
    .where(and(eq(followUps.tenantId, t), eq(followUps.contactId, contactId)))
    .orderBy(asc(followUps.dueOn));
  const insurerNumberRows = await db
    .select({ vuNumber: contactInsurerNumbers.vuNumber, customerNumber: contactInsurerNumbers.customerNumber })
    .from(contactInsurerNumbers)
    .where(and(eq(contactInsurerNumbers.tenantId, t), eq(contactInsurerNumbers.contactId, contactId)))
    .orderBy(asc(contactInsurerNumbers.vuNumber));
  const optinRows = await db
    .select({ contractId: contractReminderOptins.contractId, since: contractReminderOptins.createdAt })
    .from(contractReminderOptins)
    .where(and(eq(contractReminderOptins.tenantId, t), eq(contractReminderOptins.userId, contactId)));
  const auditRows = await db
    .select({
      at: auditLog.createdAt,
      action: auditLog.action,
      actorType: auditLog.actorType,
      actorId: auditLog.actorId,
      meta: auditLog.meta,
    })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, t), or(eq(auditLog.targetId, contactId), eq(auditLog.actorId, contactId))))
    .orderBy(asc(auditLog.createdAt));

  // Names of everybody the rows point at (authors, forwards, who entered a contract, the BETREUER).
  const ids = new Set(
    [
      row.profile?.advisorId,
      ...messageRows.map((m) => m.authorId),
      ...eventRows.flatMap((e) => [e.actorId, e.meta?.fromId, e.meta?.toId]),
      ...auditRows.map((a) => a.actorId),
      ...contractRows.flatMap((c) => [c.createdBy, c.updatedBy]),
      ...followUpRows.flatMap((f) => [f.assigneeId, f.createdBy, f.doneBy]),
    ].filter((x): x is string => Boolean(x)),
  );
  const people = new Map<string, string>();
  if (ids.size) {
    const named = await db
      .select({ id: users.id, first: users.firstName, last: users.lastName })
      .from(users)
      .where(and(eq(users.tenantId, t), inArray(users.id, [...ids])));
    for (const p of named) people.set(p.id, `${p.first} ${p.last}`);
  }
  return {
    ...row,
    grants,
    contractRows,
    docRows,
    fileRows,
    ticketRows,
    messageRows,
    eventRows,
    attachmentRows,
    sessionRows,
    mailRows,
    followUpRows,
    insurerNumberRows,
    optinRows,
    auditRows,
    people,
  };
}

export type ExportRows = NonNullable<Awaited<ReturnType<typeof loadExportRows>>>;
