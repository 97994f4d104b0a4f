import { eq, sql } from 'drizzle-orm';
import { canManageUsers, type EmployeeLike } from '../access/employee';
import { assertActorInTenant } from '../access/guard';
import { DomainError } from '../actions/domain-error';
import { audit } from '../audit';
import type { Db, Tx } from '../db/client';
import { tenantSettings, tenants } from '../db/schema';
import { forgetTenantCache } from '../tenant/lookup';
import { defaultTheme, isHexColor, type ThemeColors } from '../tenant/theme';
import { renderRichText, sanitizeRichText } from './rich-text';

export type RichTextKind = 'impressum' | 'signature';

export interface TenantTexts {
  impressumJson: unknown;
  impressumHtml: string | null;
  signatureJson: unknown;
  signatureHtml: string | null;
}

export async function loadTexts(tx: Tx, tenantId: string): Promise<TenantTexts> {
  const [row] = await tx.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId));
  return {
    impressumJson: row?.impressumJson ?? null,
    impressumHtml: row?.impressumHtml ? sanitizeRichText(row.impressumHtml) : null,
    signatureJson: row?.signatureJson ?? null,
    signatureHtml: row?.signatureHtml ? sanitizeRichText(row.signatureHtml) : null,
  };
}

function requireAdmin(actor: EmployeeLike): void {
  if (!canManageUsers(actor)) throw new DomainError('forbidden', 'Nur Admins dürfen die EINSTELLUNGEN ändern.');
}

/** IMPRESSUM / E-MAIL-SIGNATUR speichern: validated and sanitised on the server, JSON and HTML stored. */
export async function saveRichText(database: Db, tenantId: string, actor: EmployeeLike, kind: RichTextKind, raw: string): Promise<{ empty: boolean }> {
  requireAdmin(actor);
  const result = renderRichText(raw);
  if (!result.ok) throw new DomainError('invalid', result.message, 'content');
  const html = result.empty ? null : result.html;
  const json = result.empty ? null : result.json;
  const values = kind === 'impressum' ? { impressumJson: json, impressumHtml: html } : { signatureJson: json, signatureHtml: html };
  await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenantId, actor);
    await tx
      .insert(tenantSettings)
      .values({ tenantId, ...values, updatedBy: actor.id })
      .onConflictDoUpdate({ target: tenantSettings.tenantId, set: { ...values, updatedBy: actor.id, updatedAt: sql`now()` } });
    await audit(tx, { tenantId, actorType: 'user', actorId: actor.id, action: `settings.${kind}.saved`, targetType: 'tenant', targetId: tenantId, meta: { bytes: html?.length ?? 0 } });
  });
  return { empty: result.empty };
}

/** WHITELABEL colours: only #rrggbb (also a CHECK in the database); applies from the next request on. */
export async function saveColors(database: Db, tenantId: string, actor: EmployeeLike, colors: ThemeColors | 'reset'): Promise<void> {
  requireAdmin(actor);
  const next = colors === 'reset' ? defaultTheme : colors;
  for (const field of ['primary', 'secondary', 'font'] as const) {
    if (!isHexColor(next?.[field])) throw new DomainError('invalid', 'Bitte geben Sie die Farbe als #rrggbb an, z. B. #0b4f6c.', field);
  }
  await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenantId, actor);
    await tx
      .update(tenants)
      .set({ primaryColor: next.primary.toLowerCase(), secondaryColor: next.secondary.toLowerCase(), fontColor: next.font.toLowerCase() })
      .where(eq(tenants.id, tenantId));
    await audit(tx, { tenantId, actorType: 'user', actorId: actor.id, action: colors === 'reset' ? 'settings.colors.reset' : 'settings.colors.saved', targetType: 'tenant', targetId: tenantId, meta: { ...next } });
  });
  forgetTenantCache();
}
