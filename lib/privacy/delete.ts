import { createHash } from 'node:crypto';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { mayErase } from '../access/privacy';
import { requireRight } from '../access/require';
import { audit } from '../audit';
import { accountKey, codeKey, passwordChangeKey, pinAccountKey } from '../auth/throttle';
import { withTransaction, type Ctx } from '../ctx';
import {
  authThrottle,
  contracts,
  deletionJobs,
  documentFiles,
  documents,
  importRows,
  outbox,
  ticketFiles,
  ticketMessages,
  tickets,
  uploads,
  users,
} from '../db/schema';
import { DomainError } from '../errors';
import { defaultLocale, translate } from '../i18n';
import { runDeletionJob } from '../jobs/deletion';
import { lockedContact } from './contact';
import type { DeleteContactInput } from './schemas';

/** The stable stand-in for a deleted contact in the audit trail: from the id only, always German (stored). */
export function pseudonymFor(contactId: string): string {
  return translate(defaultLocale, 'privacy.pseudonym', {
    hash: createHash('sha256').update(contactId).digest('hex').slice(0, 8),
  });
}

const normalName = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
const likeEscaped = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * KONTAKT LÖSCHEN: account, sessions, FREIGABEN, contracts, documents, tickets, pending and past mails to
 * them, throttle counters; audit rows about them are pseudonymised (who deleted and when stays). Rows go in
 * one transaction; the stored objects are listed in a deletion job that runs after the commit
 * (lib/jobs/deletion.ts) – a storage failure leaves the job pending for the sweeper's safe retry.
 */
export async function deleteContact(
  ctx: Ctx,
  { contactId, confirmName }: DeleteContactInput,
): Promise<{ jobId: string; pseudonym: string }> {
  requireRight(mayErase(ctx.actor), 'privacy.errors.eraseForbidden');
  const job = await withTransaction(ctx, async (ctx) => {
    const { db: tx, tenant, actor } = ctx;
    const contact = await lockedContact(ctx, contactId);
    const fullName = `${contact.firstName} ${contact.lastName}`;
    if (normalName(confirmName) !== fullName.trim().toLocaleLowerCase('de')) {
      throw new DomainError('invalid', 'privacy.errors.confirmName', {
        field: 'confirmName',
        values: { name: fullName },
      });
    }
    const pseudonym = pseudonymFor(contactId);
    const docKeys = await tx
      .select({ key: documentFiles.objectKey })
      .from(documentFiles)
      .innerJoin(
        documents,
        and(eq(documents.tenantId, documentFiles.tenantId), eq(documents.id, documentFiles.documentId)),
      )
      .where(and(eq(documents.tenantId, tenant.id), eq(documents.contactId, contactId)));
    const ticketKeys = await tx
      .select({ key: ticketFiles.objectKey })
      .from(ticketFiles)
      .innerJoin(
        ticketMessages,
        and(eq(ticketMessages.tenantId, ticketFiles.tenantId), eq(ticketMessages.id, ticketFiles.messageId)),
      )
      .innerJoin(tickets, and(eq(tickets.tenantId, ticketMessages.tenantId), eq(tickets.id, ticketMessages.ticketId)))
      .where(and(eq(tickets.tenantId, tenant.id), eq(tickets.contactId, contactId)));
    const uploadRows = await tx
      .delete(uploads)
      .where(and(eq(uploads.tenantId, tenant.id), eq(uploads.userId, contactId)))
      .returning({ key: uploads.objectKey });
    const keys = [...docKeys, ...ticketKeys, ...uploadRows].map((k) => k.key);

    await tx.delete(outbox).where(
      and(
        eq(outbox.tenantId, tenant.id),
        // Mails to them, and staff notifications naming them (sent or still pending – they must not go out).
        or(
          sql`lower(${outbox.toAddress}) = lower(${contact.email})`,
          sql`(${outbox.text} || ${outbox.subject}) ILIKE ${`%${likeEscaped(fullName)}%`}`,
        ),
      ),
    );
    await tx
      .delete(authThrottle)
      .where(
        inArray(authThrottle.key, [
          accountKey(tenant.id, contact.username),
          accountKey(tenant.id, contact.email),
          pinAccountKey(tenant.id, contactId),
          passwordChangeKey(tenant.id, contactId),
          codeKey(tenant.id, contactId),
        ]),
      );
    // IMPORT working rows hold the values an import read about the contact or proposed for their contracts.
    const contractIds = tx
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.tenantId, tenant.id), eq(contracts.contactId, contactId)));
    await tx
      .delete(importRows)
      .where(
        and(
          eq(importRows.tenantId, tenant.id),
          or(
            eq(importRows.targetId, contactId),
            eq(importRows.appliedTargetId, contactId),
            inArray(importRows.targetId, contractIds),
            inArray(importRows.appliedTargetId, contractIds),
          ),
        ),
      );
    // Tickets reference the client via FK (cascade); the users row takes profile, grants, sessions, tokens,
    // contracts → documents → files and tickets → messages → files/events/reads with it.
    await tx.delete(users).where(and(eq(users.tenantId, tenant.id), eq(users.id, contactId)));

    // The one controlled exception to the append-only audit log (migration 0016): the SECURITY DEFINER
    // function pseudonymises the personal columns of the rows by and about them (it refuses while the users
    // row still exists); no session can open the trigger any other way.
    await tx.execute(sql`SELECT mappe_redact_audit(${tenant.id}::uuid, ${contactId}::uuid, ${pseudonym})`);

    const [row] = await tx
      .insert(deletionJobs)
      .values({ tenantId: tenant.id, pseudonym, requestedBy: actor.id, objectKeys: keys })
      .returning({ id: deletionJobs.id });
    await audit(tx, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'contact.deleted',
      targetType: 'contact',
      targetId: pseudonym,
      meta: { files: keys.length, job: row!.id },
    });
    return { jobId: row!.id, pseudonym };
  });
  // Objects go only after the rows are committed. Called inside a caller's transaction, the rows are not
  // committed yet: the sweeper runs the job within the hour instead.
  if (!(ctx.db instanceof PgTransaction)) await runDeletionJob(ctx.db, job.jobId);
  return job;
}
