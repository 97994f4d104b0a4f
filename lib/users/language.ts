import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../ctx';
import { users } from '../db/schema';
import type { Locale } from '../i18n';
import type { ChooseLanguageInput } from './schemas';

/**
 * "Mein Zugang" → Sprache: the language of one's own account (employees and clients alike). It applies
 * from the next render on: pages, the portal and the mails to this account.
 */
export async function chooseLanguage(ctx: Ctx, { locale }: ChooseLanguageInput): Promise<{ locale: Locale }> {
  await ctx.db
    .update(users)
    .set({ locale, updatedAt: sql`now()` })
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, ctx.actor.id)));
  return { locale };
}
