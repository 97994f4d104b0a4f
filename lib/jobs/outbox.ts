import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { OutboxMail } from '../db/schema';
import type { MailSender } from '../mail/sender';

/** R-R1: exponential backoff with jitter from 30 s up to 1 h; give up after 72 h. */
export const deliveryPolicy = { baseSeconds: 30, maxSeconds: 3600, giveUpAfterHours: 72, lockSeconds: 120 } as const;

export function backoffSeconds(attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(deliveryPolicy.maxSeconds, deliveryPolicy.baseSeconds * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.75 + random() * 0.5));
}

type Row = Record<string, unknown>;

function toMail(r: Row): OutboxMail {
  return {
    id: r.id as string,
    tenantId: (r.tenant_id as string | null) ?? null,
    template: r.template as string,
    fromAddress: r.from_address as string,
    toAddress: r.to_address as string,
    subject: r.subject as string,
    html: r.html as string,
    text: r.text as string,
    status: r.status as OutboxMail['status'],
    attempts: Number(r.attempts),
    nextAttemptAt: new Date(r.next_attempt_at as string),
    lockedUntil: r.locked_until ? new Date(r.locked_until as string) : null,
    lastError: (r.last_error as string | null) ?? null,
    providerMessageId: (r.provider_message_id as string | null) ?? null,
    deliveredTo: (r.delivered_to as OutboxMail['deliveredTo']) ?? null,
    createdAt: new Date(r.created_at as string),
    sentAt: r.sent_at ? new Date(r.sent_at as string) : null,
  };
}

/**
 * The outbox job: claims due mails with FOR UPDATE SKIP LOCKED (any number of instances can run this) and
 * delivers them; the outbox id is the provider's idempotency key, so a retry never sends twice. Returns how
 * many were attempted.
 *
 * Issue 13, finding 8: a delivered mail's body (activation and reset links are tokens) is cleared at once;
 * subject, recipient, template and status stay for the DATENEXPORT and the operator. A mail that only went
 * to the local mailbox keeps its body: the mailbox is where it is read.
 */
export async function deliverDue(database: Db, sender: MailSender, batch = 10): Promise<number> {
  const claimed = await database.execute<Row>(sql`
    UPDATE outbox SET locked_until = now() + make_interval(secs => ${deliveryPolicy.lockSeconds}), attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox
      WHERE status = 'pending' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
      ORDER BY next_attempt_at
      LIMIT ${batch}
      FOR UPDATE SKIP LOCKED)
    RETURNING *`);
  for (const row of claimed) {
    const mail = toMail(row);
    const result = await sender.send(mail);
    if (result.ok) {
      const clear = result.deliveredTo !== 'mailbox';
      await database.execute(sql`
        UPDATE outbox SET status = 'sent', sent_at = now(), locked_until = NULL, last_error = NULL,
          provider_message_id = ${result.providerId}, delivered_to = ${result.deliveredTo},
          html = CASE WHEN ${clear} THEN '' ELSE html END, text = CASE WHEN ${clear} THEN '' ELSE text END
        WHERE id = ${mail.id}`);
    } else {
      const expired = Date.now() - mail.createdAt.getTime() > deliveryPolicy.giveUpAfterHours * 3600_000;
      const failed = !result.retryable || expired;
      await database.execute(sql`
        UPDATE outbox SET locked_until = NULL, last_error = ${result.error},
          status = ${failed ? 'failed' : 'pending'},
          next_attempt_at = now() + make_interval(secs => ${backoffSeconds(mail.attempts)})
        WHERE id = ${mail.id}`);
    }
  }
  return claimed.length;
}

/**
 * Part of the hourly sweep: bodies of mails the provider delivered that still hold text (delivered before
 * the body was cleared on delivery, or by an instance that crashed between sending and clearing).
 * Idempotent; the local mailbox's mails are left alone.
 */
export async function clearDeliveredBodies(database: Db): Promise<number> {
  const cleared = await database.execute<{ id: string }>(sql`
    UPDATE outbox SET html = '', text = ''
    WHERE status = 'sent' AND delivered_to = 'resend' AND (html <> '' OR text <> '')
    RETURNING id`);
  return cleared.length;
}

/** Polls the outbox until stopped; errors are logged and retried on the next tick. */
export function startMailWorker(database: Db, sender: MailSender, intervalMs = 2000): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      while (!stopped && (await deliverDue(database, sender)) > 0) {
        /* keep draining while there is work */
      }
    } catch (e) {
      console.error('[mail-worker] delivery round failed:', e instanceof Error ? e.message : e);
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick);
  }, intervalMs);
  timer.unref?.();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
