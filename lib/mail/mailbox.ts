import { and, desc, eq } from 'drizzle-orm';
import { db } from '../db/client';
import { outbox } from '../db/schema';
import { env } from '../env';
import { mailboxAccess } from '../platform/auth';

/**
 * The local mailbox page may be shown for this request: DEV_MAILBOX on and the operator's credentials
 * sent (proxy.ts asks for them; the page checks again).
 */
export function mailboxAllowed(h: Headers): boolean {
  return mailboxAccess(h.get('authorization'), env()) === 'ok';
}

export async function listMailbox(tenantId: string, limit = 100) {
  return db()
    .select({ id: outbox.id, to: outbox.toAddress, subject: outbox.subject, status: outbox.status, createdAt: outbox.createdAt, template: outbox.template })
    .from(outbox)
    .where(eq(outbox.tenantId, tenantId))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

export async function getMailboxMail(tenantId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const [row] = await db()
    .select()
    .from(outbox)
    .where(and(eq(outbox.tenantId, tenantId), eq(outbox.id, id)))
    .limit(1);
  return row ?? null;
}
