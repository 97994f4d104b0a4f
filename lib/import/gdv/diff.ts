/**
 * Re-import without lost edits: compares what comes (incoming) with the contract as it is now (current)
 * and with what the last import wrote (last). A field the insurer changed is applied when nobody touched it
 * since the last import; a field someone edited since then is a conflict and is never overwritten.
 */
import { importedFields, type ContractValues, type ImportedField } from './map';

export type Values = Partial<Record<ImportedField, string | number | null>>;

export interface ContractDiff {
  status: 'new' | 'changed' | 'unchanged';
  /** Current values of the fields in `after` (null for a new contract). */
  before: Values | null;
  /** What the applier writes. */
  after: Values;
  /** Fields edited in Mappe since the last import that the insurer now delivers differently. */
  conflicts: ImportedField[];
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

export function diffContract(incoming: ContractValues, current: Values | null, last: Values | null): ContractDiff {
  if (!current) {
    const after: Values = {};
    for (const f of importedFields) after[f] = incoming[f];
    return { status: 'new', before: null, after, conflicts: [] };
  }
  const before: Values = {};
  const after: Values = {};
  const conflicts: ImportedField[] = [];
  for (const f of importedFields) {
    const now = current[f] ?? null;
    const next = incoming[f] ?? null;
    if (same(now, next)) continue;
    // Without a record of the last import (a contract typed in, then matched) every difference is a change
    // proposal the user reviews; with one, an edit since then wins unless the insurer's value is unchanged.
    const edited = last !== null && !same(now, last[f]);
    if (edited && same(next, last[f])) continue; // insurer unchanged, Mappe edited: keep the edit
    if (edited) {
      conflicts.push(f);
      continue;
    }
    before[f] = now;
    after[f] = next;
  }
  const status = Object.keys(after).length || conflicts.length ? 'changed' : 'unchanged';
  return { status, before, after, conflicts };
}
