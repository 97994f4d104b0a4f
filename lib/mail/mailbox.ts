import { and, desc, eq } from 'drizzle-orm';
import type { PublicCtx } from '../ctx';
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

/** The host's tenant's newest mails (operator page: no account, the operator login was checked). */
export async function listMailbox(ctx: PublicCtx, limit = 100) {
  return ctx.db
    .select({
      id: outbox.id,
      to: outbox.toAddress,
      subject: outbox.subject,
      status: outbox.status,
      createdAt: outbox.createdAt,
      template: outbox.template,
    })
    .from(outbox)
    .where(eq(outbox.tenantId, ctx.tenant.id))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

/**
 * One mail of the host's tenant. `cleared`: the provider delivered it and its body was removed
 * (lib/jobs/outbox.ts) – the page says so instead of showing an empty mail.
 */
export async function getMailboxMail(ctx: PublicCtx, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const [row] = await ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.tenantId, ctx.tenant.id), eq(outbox.id, id)))
    .limit(1);
  if (!row) return null;
  return {
    ...row,
    cleared: row.status === 'sent' && row.deliveredTo !== 'mailbox' && row.html === '' && row.text === '',
  };
}
