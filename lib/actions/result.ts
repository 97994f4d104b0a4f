import type { z } from 'zod';

/** What every server action returns: German messages only, never an unknown error's text. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: string; message?: string; fieldErrors?: Record<string, string> };

export const genericError = 'Das hat leider nicht geklappt. Bitte versuchen Sie es erneut.';

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

/** Logs an unexpected error with a reference the user can quote; returns the generic message. */
export function unexpected(error: unknown, where: string): ActionResult<never> {
  const ref = Math.random().toString(36).slice(2, 10);
  console.error(`[${ref}] ${where}:`, error);
  return { ok: false, code: 'unexpected', message: `${genericError} (Referenz ${ref})` };
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
