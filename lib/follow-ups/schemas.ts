import { z } from 'zod';
import { parseGermanDate, uuidField } from '../forms/fields';
import { followUpLimits } from './limits';

export { followUpLimits };

export const createFollowUpSchema = z.object({
  contactId: uuidField,
  contractId: uuidField
    .or(z.literal(''))
    .optional()
    .transform((v) => v || null),
  assigneeId: z.string().regex(/^[0-9a-f-]{36}$/, 'followUps.errors.assignee'),
  dueOn: z.string().transform((v, ctx) => {
    const iso = parseGermanDate(v);
    if (!iso || iso < '2000-01-01' || iso > '2100-12-31') {
      ctx.addIssue({ code: 'custom', message: 'followUps.errors.dueOn' });
      return z.NEVER;
    }
    return iso;
  }),
  note: z.string().trim().min(1, 'followUps.errors.note').max(followUpLimits.note, 'followUps.errors.note'),
});
export type CreateFollowUpInput = z.output<typeof createFollowUpSchema>;

export const followUpDoneSchema = z.object({
  id: uuidField,
  done: z.enum(['1', '0']).transform((v) => v === '1'),
});
export type FollowUpDoneInput = z.output<typeof followUpDoneSchema>;
