import { eq } from 'drizzle-orm';
import { requireSettingsRight } from '../access/require';
import type { Ctx, PublicCtx } from '../ctx';
import type { Tx } from '../db/client';
import { tenantSettings } from '../db/schema';
import { sanitizeRichText } from './rich-text';

export interface TenantTexts {
  impressumJson: unknown;
  impressumHtml: string | null;
  signatureJson: unknown;
  signatureHtml: string | null;
}

/**
 * IMPRESSUM and E-MAIL-SIGNATUR of a tenant, the HTML sanitised again on the way out. Internal building
 * block (the mail brand reads the signature inside its transaction); pages use the reads below.
 */
export async function loadTexts(tx: Tx, tenantId: string): Promise<TenantTexts> {
  const [row] = await tx.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId));
  return {
    impressumJson: row?.impressumJson ?? null,
    impressumHtml: row?.impressumHtml ? sanitizeRichText(row.impressumHtml) : null,
    signatureJson: row?.signatureJson ?? null,
    signatureHtml: row?.signatureHtml ? sanitizeRichText(row.signatureHtml) : null,
  };
}

/** Both texts with their editor documents, for the EINSTELLUNGEN pages (admins only). */
export async function settingsTexts(ctx: Ctx): Promise<TenantTexts> {
  requireSettingsRight(ctx.actor, 'settings.errors.adminOnly');
  return loadTexts(ctx.db, ctx.tenant.id);
}

/** The public IMPRESSUM page: only the sanitised HTML (null until the broker has written one). */
export async function publicImpressum(ctx: PublicCtx): Promise<string | null> {
  return (await loadTexts(ctx.db, ctx.tenant.id)).impressumHtml;
}
