import { eq } from 'drizzle-orm';
import { requireSettingsRight } from '../access/require';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { tenants } from '../db/schema';
import { DomainError } from '../errors';
import { forgetTenantCache } from '../tenant/lookup';
import { defaultTheme, isHexColor, type ThemeColors } from '../tenant/theme';

/**
 * WHITELABEL colours: only #rrggbb (also a CHECK in the database), refused per field; 'reset' restores the
 * defaults. Applies from the next request on (the tenant cache is dropped).
 */
export async function saveColors(ctx: Ctx, colors: ThemeColors | 'reset'): Promise<void> {
  requireSettingsRight(ctx.actor, 'settings.errors.adminOnly');
  const next = colors === 'reset' ? defaultTheme : colors;
  for (const field of ['primary', 'secondary', 'font'] as const) {
    if (!isHexColor(next?.[field])) throw new DomainError('invalid', 'settings.errors.colorFormat', { field });
  }
  const tenantId = ctx.tenant.id;
  await withTransaction(ctx, async ({ db: tx, actor }) => {
    await tx
      .update(tenants)
      .set({
        primaryColor: next.primary.toLowerCase(),
        secondaryColor: next.secondary.toLowerCase(),
        fontColor: next.font.toLowerCase(),
      })
      .where(eq(tenants.id, tenantId));
    await audit(tx, {
      tenantId,
      actorType: 'user',
      actorId: actor.id,
      action: colors === 'reset' ? 'settings.colors.reset' : 'settings.colors.saved',
      targetType: 'tenant',
      targetId: tenantId,
      meta: { ...next },
    });
  });
  forgetTenantCache();
}
