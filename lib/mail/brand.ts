import type { Tx } from '../db/client';
import type { Tenant } from '../db/schema';
import { loadTexts } from '../settings';
import type { Brand } from './templates/layout';

export function brandOf(
  tenant: Pick<Tenant, 'name' | 'primaryColor' | 'secondaryColor' | 'fontColor'>,
  signatureHtml?: string | null,
): Brand {
  return {
    name: tenant.name,
    colors: { primary: tenant.primaryColor, secondary: tenant.secondaryColor, font: tenant.fontColor },
    signatureHtml: signatureHtml ?? null,
  };
}

/** The tenant's brand including its E-MAIL-SIGNATUR (sanitised), for every mail of that tenant. */
export async function brandFor(
  tx: Tx,
  tenant: Pick<Tenant, 'id' | 'name' | 'primaryColor' | 'secondaryColor' | 'fontColor'>,
): Promise<Brand> {
  const { signatureHtml } = await loadTexts(tx, tenant.id);
  return brandOf(tenant, signatureHtml);
}
