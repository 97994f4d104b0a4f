import { Resend } from 'resend';
import type { OutboxMail } from '../db/schema';
import { env } from '../env';
import { translate } from '../i18n';

export type SendResult =
  | { ok: true; providerId: string | null; deliveredTo: 'resend' | 'mailbox' }
  | { ok: false; retryable: boolean; error: string };

export interface MailSender {
  send(mail: OutboxMail): Promise<SendResult>;
}

/** Delivery through Resend; the outbox id is the idempotency key, so a retry never sends twice. */
export function resendSender(apiKey: string, baseUrl?: string): MailSender {
  const client = new Resend(apiKey, { baseUrl });
  return {
    async send(mail) {
      try {
        const { data, error } = await client.emails.send(
          { from: mail.fromAddress, to: [mail.toAddress], subject: mail.subject, html: mail.html, text: mail.text },
          { idempotencyKey: `outbox-${mail.id}` },
        );
        if (error) {
          const status = (error as { statusCode?: number | null }).statusCode ?? null;
          const retryable = status === null || status === 409 || status === 429 || status >= 500;
          return {
            ok: false,
            retryable,
            error: `${status ?? 'network'} ${error.name}: ${error.message}`.slice(0, 500),
          };
        }
        return { ok: true, providerId: data?.id ?? null, deliveredTo: 'resend' };
      } catch (e) {
        return { ok: false, retryable: true, error: String(e).slice(0, 500) };
      }
    },
  };
}

/** Without a Resend key mails stay in the database and show up on the local mailbox page. */
export const mailboxSender: MailSender = {
  async send() {
    return { ok: true, providerId: null, deliveredTo: 'mailbox' };
  },
};

/**
 * Resend with a key; the local mailbox where it is enabled (development, tests); otherwise no sender at
 * all: mails stay pending in the outbox and go out once a key is configured.
 */
export function configuredSender(): MailSender | null {
  const e = env();
  if (e.RESEND_API_KEY) return resendSender(e.RESEND_API_KEY, e.RESEND_BASE_URL);
  return e.DEV_MAILBOX ? mailboxSender : null;
}

/**
 * The loud start-up warning of a production start without a mail provider (issue 13, finding 1): German
 * for the operator, with the English line below for logs read elsewhere (boot and scripts/launch.ts).
 */
function warningText(): string {
  const de = (key: 'title' | 'reason' | 'effect' | 'effect2') => translate('de', `mail.noProvider.${key}`);
  const en = (key: 'title' | 'reason' | 'effect' | 'effect2') => translate('en', `mail.noProvider.${key}`);
  return [
    '',
    `  ████  ${de('title')}  ████`,
    `  ${de('reason')}`,
    `  ${de('effect')}`,
    `  ${de('effect2')}`,
    `  ${en('title')}: ${en('effect')} ${en('effect2')}`,
    '',
  ].join('\n');
}

export const noMailProviderWarning = warningText();
