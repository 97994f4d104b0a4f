import type { z } from 'zod';
import type { ErrorCode } from '../errors';
import { translateMessage } from '../forms/message';
import { defaultLocale, translate, type Locale } from '../i18n';
import { isOutage, outageLabel } from '../outage';

/** What every server action returns: messages in the reader's language, never an unknown error's text. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ErrorCode;
      message?: string;
      fieldErrors?: Record<string, string>;
      detail?: Record<string, unknown>;
    };

/** Field errors from zod; messages are catalog keys (legacy: German text) and are translated here. */
export function fieldErrorsOf(error: z.ZodError, locale: Locale = defaultLocale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    // A key, a key with values (lib/forms/message.ts `keyed`), or legacy text.
    out[key] ??= translateMessage(locale, issue.message);
  }
  return out;
}

/**
 * Logs an unexpected error under the request id (the same id the request's log lines carry) and returns the
 * generic message with that id as the reference the user can quote.
 */
export function unexpected(
  error: unknown,
  where: string,
  requestId: string,
  locale: Locale = defaultLocale,
): ActionResult<never> {
  if (isOutage(error)) {
    // A part is down (database restarting, storage unreachable): one line, no stack, and an answer that
    // says to try again rather than to quote a reference.
    console.warn(`[${requestId}] ${where}: unavailable (${outageLabel(error)})`);
    return { ok: false, code: 'unavailable', message: translate(locale, 'errors.unavailable') };
  }
  console.error(`[${requestId}] ${where}:`, error);
  return {
    ok: false,
    code: 'unexpected',
    message: translate(locale, 'errors.unexpectedRef', { ref: requestId.slice(0, 8) }),
  };
}

export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) out[key] = value;
  }
  return out;
}

/** What a form action hands back to its form: the result plus the typed values, so nothing is lost. */
export type FormState<T = undefined> = (ActionResult<T> & { values?: Record<string, string> }) | null;

/** The submitted text values without secrets (they are never sent back to the browser). */
export function echoValues(formData: FormData): Record<string, string> {
  const values = formValues(formData);
  for (const key of Object.keys(values)) if (/password|pin/i.test(key)) delete values[key];
  return values;
}
