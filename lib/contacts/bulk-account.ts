import { z } from 'zod';
import { canEditContacts } from '../access/employee';
import { requireRight } from '../access/require';
import type { Ctx } from '../ctx';
import { DomainError } from '../errors';
import { uuidField } from '../forms/fields';
import { createContactAccount, sendRegistrationMail } from './account';
import { listContacts } from './list';

/** Selected contacts (`ids`, one per checkbox) or all of the current filter (`all` + the list's q/filter). */
export const bulkAccountSchema = z.object({
  ids: z
    .union([uuidField, z.array(uuidField)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  all: z.enum(['', 'true']).optional(),
  q: z.string().trim().max(100).optional().default(''),
  filter: z.enum(['all', 'leads', 'incomplete']).optional().default('all'),
});
export type BulkAccountInput = z.output<typeof bulkAccountSchema>;

export const bulkLimit = 1000;

/**
 * BENUTZERKONTO ERSTELLEN + REGISTRIERUNGSMAIL for many contacts: the single-contact verbs one after the
 * other (each its own transaction, mail through the outbox, which delivers at the sender's pace). Only
 * contacts without an account that have an e-mail and a birth date; the rest are counted as skipped.
 */
export async function createAccountsInBulk(
  ctx: Ctx,
  input: BulkAccountInput,
): Promise<{ created: number; skipped: number }> {
  requireRight(canEditContacts(ctx.actor), 'contacts.errors.accountForbidden');
  let candidates: { id: string; email: string; status: string; incomplete: boolean }[] = [];
  if (input.all === 'true') {
    let after: string | undefined;
    do {
      const page = await listContacts(ctx, {
        q: input.q,
        after,
        limit: 200,
        leadsOnly: input.filter === 'leads',
        incompleteOnly: input.filter === 'incomplete',
      });
      candidates.push(...page.items);
      after = page.next ?? undefined;
    } while (after && candidates.length < bulkLimit);
  } else {
    const wanted = new Set(input.ids);
    // Through the list (its scope rule): ids the employee cannot see simply are not there.
    let after: string | undefined;
    do {
      const page = await listContacts(ctx, { after, limit: 200 });
      candidates.push(...page.items.filter((c) => wanted.has(c.id)));
      after = page.next ?? undefined;
    } while (after && candidates.length < wanted.size);
  }
  candidates = candidates.slice(0, bulkLimit);
  if (candidates.length === 0) throw new DomainError('invalid', 'contacts.bulk.noneSelected');
  let created = 0;
  for (const c of candidates) {
    if (c.status !== 'none' || c.incomplete || !c.email) continue;
    await createContactAccount(ctx, { id: c.id });
    await sendRegistrationMail(ctx, { id: c.id });
    created++;
  }
  return { created, skipped: candidates.length - created };
}
