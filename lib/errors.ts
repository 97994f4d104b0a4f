import { defaultLocale, translate, type Locale, type MessageKey, type MessageValues } from './i18n';

/**
 * Every expected failure has one of these codes: `DomainError` throws them, `ActionResult` carries them,
 * components and route handlers compare them. Add a code here, never a new string elsewhere.
 */
export const errorCodes = [
  'invalid', // input that fails a rule (usually with a field)
  'forbidden', // signed in, but without the right
  'not_found', // missing, of another tenant, or hidden by a right (never revealed which)
  'unauthenticated', // no live session
  'conflict', // the state changed in the meantime (e.g. the last admin, a ticket closed twice)
  'duplicate', // the same thing exists already (the user may confirm)
  'rate_limited', // too many attempts or requests
  'expired', // a link or upload past its time
  'file_rejected', // an uploaded file's size, type or shape is not accepted
  'unavailable', // a part (database, storage, mail) is down right now
  'unexpected', // anything else: logged with the request id, shown generically
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface DomainErrorOptions {
  /** The form field the message belongs next to. */
  field?: string;
  values?: MessageValues;
  /** Extra data for the caller (e.g. seconds to wait); never user input echoed back. */
  detail?: Record<string, unknown>;
}

/**
 * An expected failure that is safe to show. It carries a catalog key (`tickets.errors.closed`), not text:
 * the action wrapper translates it into the reader's language; `message` is the German text for logs and
 * tests.
 */
export class DomainError extends Error {
  readonly key: string;
  readonly field?: string;
  readonly values?: MessageValues;
  readonly detail?: Record<string, unknown>;

  constructor(
    public readonly code: ErrorCode,
    /** A catalog key. (Plain German text is legacy: tests/unit/i18n-coverage.test.ts counts it down to zero.) */
    key: MessageKey | (string & {}),
    options: DomainErrorOptions | string = {},
  ) {
    const opts = typeof options === 'string' ? { field: options } : options;
    super(translate(defaultLocale, key, opts.values));
    this.name = 'DomainError';
    this.key = key;
    this.field = opts.field;
    this.values = opts.values;
    this.detail = opts.detail;
  }

  /** The message in the reader's language. */
  text(locale: Locale): string {
    return translate(locale, this.key, this.values);
  }
}

export const forbidden = (key: MessageKey = 'errors.forbidden', options?: DomainErrorOptions) =>
  new DomainError('forbidden', key, options);
export const notFound = (key: MessageKey = 'errors.notFound', options?: DomainErrorOptions) =>
  new DomainError('not_found', key, options);
export const invalid = (key: MessageKey, field?: string, values?: MessageValues) =>
  new DomainError('invalid', key, { field, values });
