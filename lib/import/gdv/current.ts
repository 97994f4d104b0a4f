/** A contracts row in the shape an import compares (dates with their partial parts, as map.ts yields them). */
import type { Contract } from '../../db/schema';
import type { Values } from './diff';

type Row = Pick<
  Contract,
  | 'area'
  | 'product'
  | 'title'
  | 'provider'
  | 'number'
  | 'sparte'
  | 'status'
  | 'frequency'
  | 'premiumCents'
  | 'premiumBasis'
  | 'startDate'
  | 'endDate'
  | 'mainDueDate'
  | 'exitReason'
  | 'exitDate'
  | 'partialDates'
>;

export function currentValues(c: Row): Values {
  const partial = c.partialDates ?? {};
  return {
    area: c.area,
    product: c.product,
    title: c.title,
    provider: c.provider,
    number: c.number,
    sparte: c.sparte,
    status: c.status,
    frequency: c.frequency,
    premiumCents: c.premiumCents,
    premiumBasis: c.premiumBasis,
    startDate: c.startDate ?? partial.startDate ?? null,
    endDate: c.endDate ?? partial.endDate ?? null,
    mainDueDate: c.mainDueDate ?? partial.mainDueDate ?? null,
    exitReason: c.exitReason,
    exitDate: c.exitDate ?? partial.exitDate ?? null,
  };
}
