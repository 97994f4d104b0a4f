import { contactApplier } from './contacts/applier';
import { contactSource } from './contacts/source';
import type { ImportApplier, ImportKind, ImportSource, RowKind } from './types';

/** The sources by job kind and the appliers by row kind (GDV adds `gdv` and `contract`). */
export const sources: Partial<Record<ImportKind, ImportSource>> = { contacts: contactSource };
export const appliers: Partial<Record<RowKind, ImportApplier>> = { contact: contactApplier };
