/** Import values (flat, dates possibly partial) ↔ contracts columns. */
import type { Contract } from '../../db/schema';
import type { FieldValues } from '../types';
import { splitDate } from './map';

const dateFields = ['startDate', 'endDate', 'mainDueDate', 'exitDate'] as const;

/** The columns to set for `after`, merging partial dates into the row's existing ones. */
export function columnsOf(after: FieldValues, existing: Contract['partialDates'] = null): Partial<Contract> {
  const set: Record<string, unknown> = {};
  const partial: Record<string, string> = { ...(existing ?? {}) };
  let touchedPartial = false;
  for (const [field, value] of Object.entries(after)) {
    if ((dateFields as readonly string[]).includes(field)) {
      const { date, partial: part } = splitDate(value as string | null);
      set[field] = date;
      touchedPartial = true;
      if (part) partial[field] = part;
      else delete partial[field];
    } else set[field] = value;
  }
  if (touchedPartial) set.partialDates = Object.keys(partial).length ? partial : null;
  return set as Partial<Contract>;
}
