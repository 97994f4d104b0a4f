import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { Tenant } from '../db/schema';
import { currentActor, type Actor } from '../auth/current';
import { DomainError } from './domain-error';
import { currentTenant } from '../tenant/request';
import { fieldErrorsOf, formValues, unexpected, type ActionResult } from './result';

/**
 * LEGACY – being replaced by the declarative builder in ./define.ts; delete this file when nothing imports it.
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
  return unexpected(error, name, crypto.randomUUID());
}

type ActorHandler<S extends z.ZodType, T> = (ctx: { actor: Actor; input: z.output<S> }) => Promise<ActionResult<T>>;

/** Shared body of the signed-in wrappers: a live session of this tenant (checked in PostgreSQL), zod input. */
async function withActor<S extends z.ZodType, T>(
  accept: (actor: Actor) => boolean,
  name: string,
  schema: S,
  formData: FormData,
  handler: ActorHandler<S, T>,
): Promise<ActionResult<T>> {
  const actor = await currentActor();
  if (!actor) return { ok: false, code: 'unauthenticated', message: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.' };
  // Signed in, but the wrong kind of account (e.g. a client posting an advisor action).
  if (!accept(actor)) return { ok: false, code: 'forbidden', message: 'Dafür haben Sie keine Berechtigung.' };
  const parsed = schema.safeParse(formValues(formData));
  if (!parsed.success) return { ok: false, code: 'invalid', fieldErrors: fieldErrorsOf(parsed.error), message: 'Bitte prüfen Sie die markierten Felder.' };
  try {
    return await handler({ actor, input: parsed.data });
  } catch (error) {
    return failure(error, name);
  }
}

/** Advisor-area actions: an employee of this tenant; the domain function checks the specific right. */
export function advisorAction<S extends z.ZodType, T>(name: string, schema: S, formData: FormData, handler: ActorHandler<S, T>): Promise<ActionResult<T>> {
  return withActor((a) => a.user.kind === 'employee', name, schema, formData, handler);
}

/** Actions of any signed-in user (employee or client), e.g. changing one's password. */
export function sessionAction<S extends z.ZodType, T>(name: string, schema: S, formData: FormData, handler: ActorHandler<S, T>): Promise<ActionResult<T>> {
  return withActor(() => true, name, schema, formData, handler);
}

/** Client-portal actions: a client of this tenant; FREIGABEN are checked in the domain. */
export function clientAction<S extends z.ZodType, T>(name: string, schema: S, formData: FormData, handler: ActorHandler<S, T>): Promise<ActionResult<T>> {
  return withActor((a) => a.user.kind === 'client', name, schema, formData, handler);
}
