import { sql } from 'drizzle-orm';
import { requireSettingsRight } from '../access/require';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { tenantSettings } from '../db/schema';
import { DomainError } from '../errors';
import { renderRichText } from './rich-text';

export type RichTextKind = 'impressum' | 'signature';

/**
 * IMPRESSUM / E-MAIL-SIGNATUR SPEICHERN: the editor's JSON is validated and sanitised on the server, JSON
 * and HTML are stored (an empty document clears the text). The right is checked before the content is
 * looked at, so no validation message reaches somebody who may not save.
 */
export async function saveRichText(
  ctx: Ctx,
  input: { kind: RichTextKind; content: string },
): Promise<{ empty: boolean }> {
  requireSettingsRight(ctx.actor, 'settings.errors.adminOnly');
  const result = renderRichText(input.content);
  if (!result.ok) throw new DomainError('invalid', result.error, { field: 'content', values: result.values });
  const html = result.empty ? null : result.html;
  const json = result.empty ? null : result.json;
  const values =
    input.kind === 'impressum'
      ? { impressumJson: json, impressumHtml: html }
      : { signatureJson: json, signatureHtml: html };
  const tenantId = ctx.tenant.id;
  const actorId = ctx.actor.id;
  await withTransaction(ctx, async ({ db: tx }) => {
    await tx
      .insert(tenantSettings)
      .values({ tenantId, ...values, updatedBy: actorId })
      .onConflictDoUpdate({
        target: tenantSettings.tenantId,
        set: { ...values, updatedBy: actorId, updatedAt: sql`now()` },
      });
    await audit(tx, {
      tenantId,
      actorType: 'user',
      actorId,
      action: `settings.${input.kind}.saved`,
      targetType: 'tenant',
      targetId: tenantId,
      meta: { bytes: html?.length ?? 0 },
    });
  });
  return { empty: result.empty };
}
