import { z } from 'zod';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'protocol.errors.date')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'protocol.errors.date')
  .optional()
  .or(z.literal('').transform(() => undefined));

/**
 * The filters of PROTOKOLL, from the URL (page and CSV export alike): a person (employee id, as actor or
 * subject), a contact (id, or a name to look up), a kind, a date range (days in Europe/Berlin), the cursor.
 */
export const protocolFilterSchema = z.object({
  person: z
    .uuid('protocol.errors.person')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  contact: optionalText(120),
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9_.]{0,79}$/, 'protocol.errors.kind')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  from: day,
  to: day,
  cursor: optionalText(8192),
});
export type ProtocolFilter = Partial<z.output<typeof protocolFilterSchema>>;

/** The filters of a URL's search parameters; invalid values are dropped (never a 500), with their errors. */
export function filterOf(params: Record<string, string | string[] | undefined>): {
  filter: ProtocolFilter;
  invalid: string[];
} {
  const plain = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])) as Record<
    string,
    string | undefined
  >;
  const filter: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const key of Object.keys(protocolFilterSchema.shape) as (keyof ProtocolFilter)[]) {
    const parsed = protocolFilterSchema.shape[key].safeParse(plain[key]);
    if (parsed.success) filter[key] = parsed.data;
    else invalid.push(key);
  }
  return { filter: filter as ProtocolFilter, invalid };
}
