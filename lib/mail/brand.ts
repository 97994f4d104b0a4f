import type { Tenant } from '../db/schema';
import type { Brand } from './templates/layout';

export function brandOf(tenant: Pick<Tenant, 'name' | 'primaryColor' | 'secondaryColor' | 'fontColor'>): Brand {
  return { name: tenant.name, colors: { primary: tenant.primaryColor, secondary: tenant.secondaryColor, font: tenant.fontColor } };
}
