/**
 * An engine entry in words, outside React (mails, jobs, CSV export). Components translate themselves with
 * `reasonValues` from format.ts; this file imports the catalogs and so stays out of client bundles.
 */
import { type Locale, translate } from '../i18n';
import { effectMessage, reasonValues } from './format';
import type { Deadline, ReasonMessage } from './types';

export const explain = (message: ReasonMessage, locale: Locale): string =>
  translate(locale, message.key, reasonValues(message, locale));

/** The reason, the state word, the effect and the warnings of one deadline, in one language. */
export function explainDeadline(
  deadline: Deadline,
  locale: Locale,
): { reason: string; state: string; effect: string | null; warnings: string[] } {
  const effect = effectMessage(deadline);
  return {
    reason: explain(deadline.reason, locale),
    state: translate(locale, `deadlines.states.${deadline.state}`),
    effect: effect ? explain(effect, locale) : null,
    warnings: deadline.warnings.map((w) => explain(w.message, locale)),
  };
}
