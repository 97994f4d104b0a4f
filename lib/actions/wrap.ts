import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { Tenant } from '../db/schema';
import { currentActor, type Actor } from '../auth/current';
import { DomainError } from './domain-error';
import { currentTenant } from '../tenant/request';
import { fieldErrorsOf, formValues, unexpected, type ActionResult } from './result';

/**
 * Wrapper for actions anyone may call on a tenant host (login, later: activation, lead form):
 * tenant from the host, input parsed with zod, expected failures typed, unknown errors never shown.
 */
export async function publicAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  formData: FormData,
  handler: (ctx: { tenant: Tenant; input: z.output<S> }) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const tenant = await currentTenant();
  if (!tenant) return { ok: false, code: 'not_found', message: 'Dieses Portal ist nicht bekannt.' };
  const parsed = schema.safeParse(formValues(formData));
  if (!parsed.success) return { ok: false, code: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return await handler({ tenant, input: parsed.data });
  } catch (error) {
    return failure(error, name);
  }
}

function failure(error: unknown, name: string): ActionResult<never> {
  unstable_rethrow(error);
  if (error instanceof DomainError) {
    return { ok: false, code: error.code, message: error.field ? undefined : error.message, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
  }
  return unexpected(error, name);
}

/**
 * Wrapper for advisor-area actions: tenant from the host, an employee's live session of that tenant
 * (re-checked in PostgreSQL), input parsed with zod; the domain function checks the specific right.
 */
export async function advisorAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  formData: FormData,
  handler: (ctx: { actor: Actor; input: z.output<S> }) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const actor = await currentActor();
  if (!actor || actor.user.kind !== 'employee') return { ok: false, code: 'unauthenticated', message: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.' };
  const parsed = schema.safeParse(formValues(formData));
  if (!parsed.success) return { ok: false, code: 'invalid', fieldErrors: fieldErrorsOf(parsed.error), message: 'Bitte prüfen Sie die markierten Felder.' };
  try {
    return await handler({ actor, input: parsed.data });
  } catch (error) {
    return failure(error, name);
  }
}

/** Wrapper for actions of any signed-in user (employee or client), e.g. changing one's password. */
export async function sessionAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  formData: FormData,
  handler: (ctx: { actor: Actor; input: z.output<S> }) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const actor = await currentActor();
  if (!actor) return { ok: false, code: 'unauthenticated', message: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.' };
  const parsed = schema.safeParse(formValues(formData));
  if (!parsed.success) return { ok: false, code: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return await handler({ actor, input: parsed.data });
  } catch (error) {
    return failure(error, name);
  }
}

/** Wrapper for client-portal actions: a client's live session of this tenant; FREIGABEN are checked in the domain. */
export async function clientAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  formData: FormData,
  handler: (ctx: { actor: Actor; input: z.output<S> }) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const actor = await currentActor();
  if (!actor || actor.user.kind !== 'client') return { ok: false, code: 'unauthenticated', message: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.' };
  const parsed = schema.safeParse(formValues(formData));
  if (!parsed.success) return { ok: false, code: 'invalid', fieldErrors: fieldErrorsOf(parsed.error), message: 'Bitte prüfen Sie die markierten Felder.' };
  try {
    return await handler({ actor, input: parsed.data });
  } catch (error) {
    return failure(error, name);
  }
}
