import { z } from 'zod';
import { uuidField } from '../forms/fields';
import { ticketLimits } from './rules';

const uploadsField = z
  .string()
  .max(1000, 'Zu viele Dateien.')
  .optional()
  .default('')
  .transform((v) => [...new Set(v.split(',').filter(Boolean))])
  .pipe(z.array(uuidField).max(ticketLimits.attachments, `Höchstens ${ticketLimits.attachments} Dateien.`));

const idempotencyKey = z.string({ error: 'Bitte laden Sie die Seite neu.' }).regex(/^[A-Za-z0-9-]{8,64}$/, 'Bitte laden Sie die Seite neu.');

const message = z
  .string({ error: 'Bitte schreiben Sie eine Nachricht.' })
  .trim()
  .min(1, 'Bitte schreiben Sie eine Nachricht.')
  .max(ticketLimits.message, 'Höchstens 10.000 Zeichen.');

/** NEUE NACHRICHT: responsible employee, BETREFF*, NACHRICHT*, optional contract and documents. */
export const newTicketSchema = z.object({
  assigneeId: uuidField.or(z.literal('')).transform((v, ctx) => {
    if (!v) ctx.addIssue({ code: 'custom', message: 'Bitte wählen Sie einen Ansprechpartner.' });
    return v;
  }),
  subject: z
    .string({ error: 'Bitte geben Sie einen Betreff ein.' })
    .trim()
    .min(1, 'Bitte geben Sie einen Betreff ein.')
    .max(ticketLimits.subject, 'Höchstens 200 Zeichen.'),
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
    if (!v) ctx.addIssue({ code: 'custom', message: 'Bitte wählen Sie, an wen das Ticket gehen soll.' });
    return v;
  }),
  note: z
    .string()
    .trim()
    .max(ticketLimits.note, 'Höchstens 2.000 Zeichen.')
    .optional()
    .transform((v) => (v ? v : null)),
});
export type ForwardInput = z.output<typeof forwardSchema>;

export const ticketIdSchema = z.object({ ticketId: uuidField });

export const ticketListSchema = z.object({
  status: z.enum(['open', 'closed']).optional().default('open'),
  scope: z.enum(['mine', 'all']).optional().default('mine'),
  after: z.string().max(200).optional(),
});
