import { z } from 'zod';
import { uuidField } from '../forms/fields';

/** "30, 7": one to five whole numbers of days between 1 and 180 (duplicates dropped), largest first. */
export const reminderSettingsSchema = z.object({
  days: z.string().transform((s, ctx) => {
    const parts = s.split(/[\s,;]+/).filter(Boolean);
    const days = parts.map(Number);
    if (!parts.length || parts.length > 5 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 180)) {
      ctx.addIssue({ code: 'custom', message: 'reminders.errors.days' });
      return z.NEVER;
    }
    return [...new Set(days)].sort((a, b) => b - a);
  }),
});
export type ReminderSettingsInput = z.output<typeof reminderSettingsSchema>;

export const contractReminderSchema = z.object({
  contractId: uuidField,
  on: z.enum(['1', '0']).transform((v) => v === '1'),
});
export type ContractReminderInput = z.output<typeof contractReminderSchema>;
