import { z } from 'zod';
import { uuidField } from '../forms/fields';
import { ticketLimits } from './rules';

// Messages are catalog keys (tickets namespace); the action builder shows them in the reader's language.

const uploadsField = z
  .string()
  .max(1000, 'tickets.form.tooManyFiles')
  .optional()
  .default('')
  .transform((v) => [...new Set(v.split(',').filter(Boolean))])
  .pipe(z.array(uuidField).max(ticketLimits.attachments, 'tickets.form.maxFiles'));

const idempotencyKey = z.string({ error: 'tickets.form.reload' }).regex(/^[A-Za-z0-9-]{8,64}$/, 'tickets.form.reload');

const message = z
  .string({ error: 'tickets.form.messageRequired' })
  .trim()
  .min(1, 'tickets.form.messageRequired')
  .max(ticketLimits.message, 'tickets.form.messageTooLong');

/** NEUE NACHRICHT: responsible employee, BETREFF*, NACHRICHT*, optional contract and documents. */
export const newTicketSchema = z.object({
  assigneeId: uuidField.or(z.literal('')).transform((v, ctx) => {
    if (!v) ctx.addIssue({ code: 'custom', message: 'tickets.form.assigneeRequired' });
    return v;
  }),
  subject: z
    .string({ error: 'tickets.form.subjectRequired' })
    .trim()
    .min(1, 'tickets.form.subjectRequired')
    .max(ticketLimits.subject, 'tickets.form.subjectTooLong'),
  message,
  contractId: z
    .union([z.literal(''), uuidField])
    .optional()
    .transform((v) => (v ? v : null)),
  uploads: uploadsField,
  idempotencyKey,
});
export type NewTicketInput = z.output<typeof newTicketSchema>;

/** NEUER EINTRAG → SENDEN (both sides). */
export const replySchema = z.object({ ticketId: uuidField, message, uploads: uploadsField, idempotencyKey });
export type ReplyInput = z.output<typeof replySchema>;

/** WEITERLEITEN with an optional internal note (never shown to the client). */
export const forwardSchema = z.object({
  ticketId: uuidField,
  toId: uuidField.or(z.literal('')).transform((v, ctx) => {
    if (!v) ctx.addIssue({ code: 'custom', message: 'tickets.form.forwardTargetRequired' });
    return v;
  }),
  note: z
    .string()
    .trim()
    .max(ticketLimits.note, 'tickets.form.noteTooLong')
    .optional()
    .transform((v) => (v ? v : null)),
});
export type ForwardInput = z.output<typeof forwardSchema>;

/** ABSCHLIESSEN, and every read of one ticket. */
export const ticketIdSchema = z.object({ ticketId: uuidField });
export type TicketIdInput = z.output<typeof ticketIdSchema>;

/** The advisor list's URL: OFFENE / GESCHLOSSENE, "alle meine" / "alle", keyset cursor. */
export const ticketListSchema = z.object({
  status: z.enum(['open', 'closed']).optional().default('open'),
  scope: z.enum(['mine', 'all']).optional().default('mine'),
  after: z.string().max(200).optional(),
});
