import { z } from 'zod';

export const calendarNamesSchema = z.object({
  showNames: z
    .enum(['on'])
    .optional()
    .transform((v) => v === 'on'),
});
export type CalendarNamesInput = z.output<typeof calendarNamesSchema>;

export const emptySchema = z.object({});
