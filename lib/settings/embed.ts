import { eq } from 'drizzle-orm';
import { canManageUsers, type EmployeeLike } from '../access/employee';
import { assertActorInTenant } from '../access/guard';
import { DomainError } from '../actions/domain-error';
import { audit } from '../audit';
import type { Db } from '../db/client';
import { tenants } from '../db/schema';
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
  if (!(url.protocol === 'https:' && url.hostname.includes('.') && !local) && !(url.protocol === 'http:' && local)) return null;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return null;
  if (!/^[a-z0-9.-]+$/.test(url.hostname)) return null;
  return url.origin;
}

/** "Auf Ihrer Website einbinden": the websites allowed to show the login card in an iframe. */
export async function saveFrameOrigins(database: Db, tenantId: string, actor: EmployeeLike, lines: string): Promise<string[]> {
  if (!canManageUsers(actor)) throw new DomainError('forbidden', 'Nur Admins dürfen das ändern.');
  const entries = lines
    .split(/[\n,]+/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (entries.length > maxFrameOrigins) throw new DomainError('invalid', `Höchstens ${maxFrameOrigins} Websites.`, 'origins');
  const origins: string[] = [];
  for (const entry of entries) {
    const origin = parseFrameOrigin(entry);
    if (!origin) throw new DomainError('invalid', `„${entry.slice(0, 80)}“ ist keine Website-Adresse der Form https://www.ihre-firma.de.`, 'origins');
    if (!origins.includes(origin)) origins.push(origin);
  }
  await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenantId, actor);
    await tx.update(tenants).set({ frameAncestors: origins }).where(eq(tenants.id, tenantId));
    await audit(tx, { tenantId, actorType: 'user', actorId: actor.id, action: 'settings.embed.saved', targetType: 'tenant', targetId: tenantId, meta: { origins } });
  });
  forgetTenantCache();
  return origins;
}
