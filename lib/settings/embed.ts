import { eq } from 'drizzle-orm';
import { requireSettingsRight } from '../access/require';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { tenants } from '../db/schema';
import { DomainError } from '../errors';
import { forgetTenantCache } from '../tenant/lookup';

export const maxFrameOrigins = 10;

/** One website origin as CSP frame-ancestors wants it: https://host[:port] (http only for *.localhost test pages). */
export function parseFrameOrigin(raw: string): string | null {
  const value = raw.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const local = url.hostname === 'localhost' || url.hostname.endsWith('.localhost');
  if (url.username || url.password) return null;
  if (!(url.protocol === 'https:' && url.hostname.includes('.') && !local) && !(url.protocol === 'http:' && local))
    return null;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return null;
  if (!/^[a-z0-9.-]+$/.test(url.hostname)) return null;
  return url.origin;
}

/** "Auf Ihrer Website einbinden": the websites allowed to show the login card in an iframe (one per line). */
export async function saveFrameOrigins(ctx: Ctx, input: { origins: string }): Promise<string[]> {
  requireSettingsRight(ctx.actor, 'settings.errors.adminOnlyShort');
  const entries = input.origins
    .split(/[\n,]+/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (entries.length > maxFrameOrigins) {
    throw new DomainError('invalid', 'settings.errors.tooManyOrigins', {
      field: 'origins',
      values: { max: maxFrameOrigins },
    });
  }
  const origins: string[] = [];
  for (const entry of entries) {
    const origin = parseFrameOrigin(entry);
    if (!origin)
      throw new DomainError('invalid', 'settings.errors.originInvalid', {
        field: 'origins',
        values: { entry: entry.slice(0, 80) },
      });
    if (!origins.includes(origin)) origins.push(origin);
  }
  const tenantId = ctx.tenant.id;
  await withTransaction(ctx, async ({ db: tx, actor }) => {
    await tx.update(tenants).set({ frameAncestors: origins }).where(eq(tenants.id, tenantId));
    await audit(tx, {
      tenantId,
      actorType: 'user',
      actorId: actor.id,
      action: 'settings.embed.saved',
      targetType: 'tenant',
      targetId: tenantId,
      meta: { origins },
    });
  });
  forgetTenantCache();
  return origins;
}
