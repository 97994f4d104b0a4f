import { contactApplier } from './contacts/applier';
import { contactSource } from './contacts/source';
import { gdvContractBulkApplier } from './gdv/apply-contracts-many';
import { gdvPersonBulkApplier } from './gdv/apply-persons-many';
import { gdvProviderApplier } from './gdv/apply-provider';
import { gdvSource } from './gdv/source';
import type { ImportApplier, ImportKind, ImportSource, RowKind } from './types';

/** The sources by job kind and the appliers by row kind (GDV adds `gdv` and `contract`). */
export const sources: Partial<Record<ImportKind, ImportSource>> = { contacts: contactSource, gdv: gdvSource };
export const appliers: Partial<Record<RowKind, ImportApplier>> = {
  contact: contactApplier,
  person: gdvPersonBulkApplier,
  provider: gdvProviderApplier,
  contract: gdvContractBulkApplier,
};
