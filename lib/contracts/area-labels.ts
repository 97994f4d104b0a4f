import { translate, type Locale } from '../i18n';
import { fieldLabelKeys, labelKeyIn, type ContractField } from './areas';
import type { FolderArea } from '../db/schema/contracts';

/*
 * Field labels as text, for the server (logs, exports, tests). Kept apart from ./areas, which the contract
 * form imports in the browser: translate() pulls in both message catalogs, about 64 KiB gzip of first-load JS.
 */

/** The general field labels in German; the UI translates `fieldLabelKeys`. */
export const fieldLabels = Object.fromEntries(
  Object.entries(fieldLabelKeys).map(([f, key]) => [f, translate('de', key)]),
) as Record<ContractField, string>;

/** The label of a field in one area, in a language (German by default). */
export function labelIn(area: FolderArea, field: ContractField, locale: Locale = 'de'): string {
  return translate(locale, labelKeyIn(area, field));
}
