import { isMessageKey, translate, type Locale, type MessageKey, type MessageValues } from '../i18n';

/**
 * zod messages are catalog keys. A message that needs values (`forms.maxChars` with {max}) travels through
 * zod as one string, `key|{"max":"80"}`, because a zod issue carries only its message text. Values that are
 * keys themselves (a field's label, `forms.labels.theFirstName`) are translated too, so the whole sentence is
 * in the reader's language.
 */
export function keyed(key: MessageKey, values: Record<string, string | number>): string {
  return `${key}|${JSON.stringify(values)}`;
}

/** The text of a zod message (a key, a `keyed` key with values, or legacy plain text) in a locale. */
export function translateMessage(locale: Locale, message: string): string {
  const bar = message.indexOf('|');
  if (bar < 0) return translate(locale, message);
  const key = message.slice(0, bar);
  if (!isMessageKey(key)) return message;
  let values: MessageValues;
  try {
    values = JSON.parse(message.slice(bar + 1)) as MessageValues;
  } catch {
    return translate(locale, key);
  }
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' && isMessageKey(value)) values[name] = translate(locale, value);
  }
  return translate(locale, key, values);
}
