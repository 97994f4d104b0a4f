import type { Db, Tx } from './db/client';
import type { Tenant } from './db/schema';
import type { SessionUser } from './auth/sessions';
import { bindTenant } from './db/tenant';
import { DomainError } from './errors';
import { defaultLocale, isLocale, type Locale } from './i18n';

/**
 * The one way into the domain: every verb and every read is `verb(ctx, input)`.
 * Built once per request (lib/request/ctx.ts for pages and route handlers, the action builder in
 * lib/actions/define.ts for server actions), where the actor is checked against the tenant once.
 */
export interface Ctx {
  db: Tx;
  tenant: Tenant;
  /** The signed-in account (employee or client) of exactly this tenant. */
  actor: SessionUser;
  /** Logged with every unexpected error and shown to the user as the reference. */
  requestId: string;
  /** The reader's language (account choice → tenant's language). */
  locale: Locale;
  /** The session of the request, when there is one (audit, "Mein Zugang"). */
  sessionId?: string;
}

/** Public requests (login, activation, lead form): a tenant from the host, nobody signed in. */
export interface PublicCtx {
  db: Tx;
  tenant: Tenant;
  requestId: string;
  locale: Locale;
}

export type Actor = SessionUser;

/** The language of an account: its own choice, else the tenant's. */
export function localeOf(
  actor: Pick<SessionUser, 'locale'> | null | undefined,
  tenant: Pick<Tenant, 'locale'>,
): Locale {
  if (actor && isLocale(actor.locale)) return actor.locale;
  return isLocale(tenant.locale) ? tenant.locale : defaultLocale;
}

/**
 * Builds a context. The actor must be an account of this very tenant (the session lookup guarantees it for
 * requests; tests and jobs that build a context by hand are held to it here), so no verb has to ask again.
 */
export function createCtx(
  db: Tx | Db,
  tenant: Tenant,
  actor: SessionUser,
  options: { requestId?: string; locale?: Locale; sessionId?: string } = {},
): Ctx {
  if (actor.tenantId !== tenant.id) throw new DomainError('forbidden', 'errors.forbidden');
  return {
    // Row-level security: every statement of this context sees only this tenant's rows (lib/db/tenant.ts).
    db: bindTenant(db, tenant.id),
    tenant,
    actor,
    requestId: options.requestId ?? crypto.randomUUID(),
    locale: options.locale ?? localeOf(actor, tenant),
    sessionId: options.sessionId,
  };
}

export function createPublicCtx(
  db: Tx | Db,
  tenant: Tenant,
  options: { requestId?: string; locale?: Locale } = {},
): PublicCtx {
  return {
    db: bindTenant(db, tenant.id),
    tenant,
    requestId: options.requestId ?? crypto.randomUUID(),
    locale: options.locale ?? localeOf(null, tenant),
  };
}

/**
 * Runs `fn` in a transaction with the same tenant and actor. Inside a transaction already, it nests (a
 * savepoint), so verbs compose: a verb that opens a transaction can be called from another one.
 */
export function withTransaction<C extends { db: Tx }, T>(ctx: C, fn: (ctx: C) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}
