import { z } from 'zod';
import { emailField, phoneField, requiredText, uuidField } from '../forms/fields';
import { keyed } from '../forms/message';

/** The topics of "Kunde werden / Kontakt aufnehmen" (labels: leads.topics.<id>). */
export const leadTopics = ['insuranceReview', 'retirement', 'mortgage', 'contractQuestion', 'other'] as const;
export type LeadTopic = (typeof leadTopics)[number];

export const leadSchema = z.object({
  firstName: requiredText('forms.labels.yourFirstName'),
  lastName: requiredText('forms.labels.yourLastName'),
  email: emailField,
  phone: phoneField,
  topic: z.enum(leadTopics, { error: 'leads.errors.topic' }),
  message: z
    .string()
    .trim()
    .max(2000, keyed('forms.maxChars', { max: 2000 }))
    .optional()
    .default(''),
  consent: z.literal('on', { error: 'leads.errors.consent' }),
  website: z.string().optional().default(''),
  startedAt: z.string().max(200).optional().default(''),
});

export type LeadInput = z.output<typeof leadSchema>;

export const acceptLeadSchema = z.object({ contactId: uuidField });
