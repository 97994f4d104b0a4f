import type { FolderArea } from '../db/schema/contracts';
import { canViewContacts, rightOf, type EmployeeLike } from './employee';

/** The folder areas whose contracts carry a premium and make up the BESTAND (NOTFALL-ORDNER entries do not). */
export const portfolioAreas = ['insurance', 'finance', 'other'] as const satisfies readonly FolderArea[];
export type PortfolioArea = (typeof portfolioAreas)[number];

/**
 * BESTAND (the cockpit): employees who may see contacts at all; admins the whole tenant, everybody else
 * the contacts of their scope (lib/access/scope.ts). Clients never.
 */
export function canViewPortfolio(e: EmployeeLike): boolean {
  return canViewContacts(e);
}

/** The areas whose contracts count in the employee's figures: only modules they hold a right in. */
export function portfolioAreasOf(e: EmployeeLike): PortfolioArea[] {
  if (!canViewPortfolio(e)) return [];
  return portfolioAreas.filter((a) => rightOf(e, a) !== 'none');
}
