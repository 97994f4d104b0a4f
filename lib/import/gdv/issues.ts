import { translate, type Locale } from '../../i18n';
import type { GdvIssue } from './types';

/** The German (or English) sentence for a refusal, with the field's name filled in. */
export function issueText(locale: Locale, issue: GdvIssue): string {
  const field = issue.field ? translate(locale, issue.field) : '';
  return translate(locale, issue.key, { ...issue.values, field });
}
