import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import type { z } from 'zod';
import { currentActor, type SignedIn } from '../auth/current';
import { createCtx, createPublicCtx, localeOf, type Ctx, type PublicCtx } from '../ctx';
import { db } from '../db/client';
import { DomainError } from '../errors';
import { defaultLocale, translate, type Locale } from '../i18n';
import { requestId as currentRequestId } from '../request/ctx';
import { currentTenant } from '../tenant/request';
import { echoValues, fieldErrorsOf, formValues, unexpected, type ActionResult, type FormState } from './result';

/**
 * The action builder: every server action is declared, never hand-written.
 *
 *   export const replyAction = sessionAction({ name: 'tickets.reply', schema: replySchema, run: reply,
 *     revalidate: (input, _data, ctx) => ticketPath(ctx, input.ticketId) });
 *
 * It builds the context once (tenant from the host, a live session of that tenant, the account kind the
 * action is for), parses the input with zod, runs the verb, revalidates/redirects, and turns every failure
 * into an `ActionResult` in the reader's language (unknown errors: logged with the request id, shown
 * generically with that id as the reference). Form actions echo the typed values back, so nothing is lost.
 */
export interface ActionDef<C, S extends z.ZodType, T> {
  name: string;
  schema: S;
  run: (ctx: C, input: z.output<S>) => Promise<T>;
  /** Paths to revalidate after success. */
  revalidate?: (input: z.output<S>, data: T, ctx: C) => string | string[] | undefined | null;
  /** Where to go after success (Next's redirect, after the verb committed). */
  redirect?: (input: z.output<S>, data: T, ctx: C) => string | undefined | null;
  /** When the form gets its values back: on failure (default), always, or never. */
  echo?: 'failure' | 'always' | 'never';
  /**
   * Open to an employee who still has to set up the second factor the tenant requires (the setup itself,
   * Abmelden). Every other action refuses them (lib/access/factors.ts).
   */
  factorSetup?: boolean;
}

type Audience = 'advisor' | 'client' | 'session';

const accepts: Record<Audience, (s: SignedIn) => boolean> = {
  advisor: (s) => s.user.kind === 'employee',
  client: (s) => s.user.kind === 'client',
  session: () => true,
};

function failure(error: unknown, name: string, requestId: string, locale: Locale): ActionResult<never> {
  unstable_rethrow(error);
  if (error instanceof DomainError) {
    const text = error.text(locale);
    return {
      ok: false,
      code: error.code,
      message: error.field ? undefined : text,
      fieldErrors: error.field ? { [error.field]: text } : undefined,
      detail: error.detail,
    };
  }
  return unexpected(error, name, requestId, locale);
}

function refusal(code: 'unauthenticated' | 'forbidden' | 'not_found', locale: Locale): ActionResult<never> {
  const key =
    code === 'unauthenticated'
      ? 'errors.unauthenticated'
      : code === 'forbidden'
        ? 'errors.forbidden'
        : 'errors.tenantUnknown';
  return { ok: false, code, message: translate(locale, key) };
}

/** Runs a parsed, authorised call: the shared core of every builder below. */
async function execute<C extends { requestId: string; locale: Locale }, S extends z.ZodType, T>(
  def: ActionDef<C, S, T>,
  ctx: C,
  raw: unknown,
): Promise<ActionResult<T>> {
  const parsed = def.schema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      code: 'invalid',
      fieldErrors: fieldErrorsOf(parsed.error, ctx.locale),
      message: translate(ctx.locale, 'errors.invalid'),
    };
  }
  let data: T;
  try {
    data = await def.run(ctx, parsed.data);
  } catch (error) {
    return failure(error, def.name, ctx.requestId, ctx.locale);
  }
  const paths = def.revalidate?.(parsed.data, data, ctx);
  for (const path of typeof paths === 'string' ? [paths] : (paths ?? [])) revalidatePath(path);
  const target = def.redirect?.(parsed.data, data, ctx);
  if (target) redirect(target);
  return { ok: true, data };
}

async function signedInCtx(audience: Audience, factorSetup = false): Promise<Ctx | ActionResult<never>> {
  const tenant = await currentTenant();
  const requestId = await currentRequestId();
  if (!tenant) return refusal('not_found', defaultLocale);
  const signedIn = await currentActor();
  if (!signedIn) return refusal('unauthenticated', localeOf(null, tenant));
  // Signed in, but the wrong kind of account (e.g. a client posting an advisor action).
  if (!accepts[audience](signedIn)) return refusal('forbidden', localeOf(signedIn.user, tenant));
  if (signedIn.factorSetupPending && !factorSetup) {
    const locale = localeOf(signedIn.user, tenant);
    return { ok: false, code: 'forbidden', message: translate(locale, 'account.factor.setupRequired') };
  }
  return createCtx(db(), signedIn.tenant, signedIn.user, { requestId, sessionId: signedIn.sessionId });
}

const isResult = (v: unknown): v is ActionResult<never> => typeof v === 'object' && v !== null && 'ok' in v;

function withEcho<T>(
  result: ActionResult<T>,
  formData: FormData,
  echo: ActionDef<unknown, z.ZodType, T>['echo'],
): FormState<T> {
  const mode = echo ?? 'failure';
  if (mode === 'never' || (mode === 'failure' && result.ok)) return result;
  return { ...result, values: echoValues(formData) };
}

/** A form action called with something else than a form (a forged request): refused before anything runs. */
const notAForm = (): ActionResult<never> => ({
  ok: false,
  code: 'invalid',
  message: translate(defaultLocale, 'errors.invalid'),
});

function formAction<S extends z.ZodType, T>(audience: Audience, def: ActionDef<Ctx, S, T>) {
  return async (_prev: FormState<T>, formData: FormData): Promise<FormState<T>> => {
    if (!(formData instanceof FormData)) return notAForm();
    const ctx = await signedInCtx(audience, def.factorSetup);
    const result = isResult(ctx) ? ctx : await execute(def, ctx, formValues(formData));
    return withEcho(result, formData, def.echo);
  };
}

function objectCall<S extends z.ZodType, T>(audience: Audience, def: ActionDef<Ctx, S, T>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const ctx = await signedInCtx(audience, def.factorSetup);
    return isResult(ctx) ? ctx : execute(def, ctx, input);
  };
}

/** Form actions of the advisor area (employees of this tenant; the verb checks the specific right). */
export const advisorAction = <S extends z.ZodType, T>(def: ActionDef<Ctx, S, T>) => formAction('advisor', def);
/** Form actions of the client portal (clients of this tenant; the verb checks FREIGABEN). */
export const clientAction = <S extends z.ZodType, T>(def: ActionDef<Ctx, S, T>) => formAction('client', def);
/** Form actions of any signed-in account (password change, replies, language). */
export const sessionAction = <S extends z.ZodType, T>(def: ActionDef<Ctx, S, T>) => formAction('session', def);

/** Object-input calls from client components (e.g. presigning an upload): same checks, no FormData. */
export const advisorCall = <S extends z.ZodType, T>(def: ActionDef<Ctx, S, T>) => objectCall('advisor', def);
export const clientCall = <S extends z.ZodType, T>(def: ActionDef<Ctx, S, T>) => objectCall('client', def);
export const sessionCall = <S extends z.ZodType, T>(def: ActionDef<Ctx, S, T>) => objectCall('session', def);

/** Form actions anyone may call on a tenant host (login, activation, lead form): tenant from the host only. */
export function publicAction<S extends z.ZodType, T>(def: ActionDef<PublicCtx, S, T>) {
  return async (_prev: FormState<T>, formData: FormData): Promise<FormState<T>> => {
    if (!(formData instanceof FormData)) return notAForm();
    const tenant = await currentTenant();
    if (!tenant) return refusal('not_found', defaultLocale);
    const ctx = createPublicCtx(db(), tenant, { requestId: await currentRequestId(), locale: await getLocale() });
    return withEcho(await execute(def, ctx, formValues(formData)), formData, def.echo);
  };
}

/** Object-input calls anyone may make on a tenant host (the passkey sign-in's steps): tenant from the host only. */
export function publicCall<S extends z.ZodType, T>(def: ActionDef<PublicCtx, S, T>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const tenant = await currentTenant();
    if (!tenant) return refusal('not_found', defaultLocale);
    const ctx = createPublicCtx(db(), tenant, { requestId: await currentRequestId(), locale: await getLocale() });
    return execute(def, ctx, input);
  };
}
