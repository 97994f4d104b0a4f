import type { ReactElement } from 'react';
import type { Tx } from '../db/client';
import { outbox } from '../db/schema';
import { env } from '../env';
import { renderMail } from './render';

export interface OutgoingMail {
  tenantId: string | null;
  template: string;
  to: string;
  subject: string;
  element: ReactElement;
  /** Sender display name, e.g. the tenant's name; the address is MAIL_FROM's. */
  fromName?: string;
}

function fromAddress(fromName?: string): string {
  const configured = env().MAIL_FROM;
  if (!fromName) return configured;
  const address = /<([^>]+)>/.exec(configured)?.[1] ?? configured;
  return `"${fromName.replace(/["\\\r\n<>]/g, '')}" <${address}>`;
}

/**
 * Writes a mail into the outbox inside the caller's transaction: if the change rolls back, no mail
 * goes out; if it commits, the worker delivers it (with retries) even when Resend is down now.
 */
export async function enqueueMail(tx: Tx, mail: OutgoingMail): Promise<string> {
  const { html, text } = await renderMail(mail.element);
  const [row] = await tx
    .insert(outbox)
    .values({
      tenantId: mail.tenantId,
      template: mail.template,
      fromAddress: fromAddress(mail.fromName),
      toAddress: mail.to,
      subject: mail.subject,
      html,
      text,
    })
    .returning({ id: outbox.id });
  return row!.id;
}
