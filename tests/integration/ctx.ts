/**
 * Contexts for domain calls in tests, built the way a request builds them (lib/ctx.ts): the tenant row
 * and the signed-in user as the session lookup returns it. An actor of another tenant is refused here,
 * exactly as `createCtx` refuses it for every verb.
 */
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../../lib/auth/sessions';
import { createCtx, createPublicCtx, type Ctx, type PublicCtx } from '../../lib/ctx';
import type { Db } from '../../lib/db/client';
import { tenants, users, type Tenant } from '../../lib/db/schema';
import type { Locale } from '../../lib/i18n';

const tenantCache = new WeakMap<object, Map<string, Tenant>>();

async function tenantRow(db: Db, tenant: Tenant | string): Promise<Tenant> {
  if (typeof tenant !== 'string') return tenant;
  let cache = tenantCache.get(db);
  if (!cache) tenantCache.set(db, (cache = new Map()));
  const hit = cache.get(tenant);
  if (hit) return hit;
  const [row] = await db.select().from(tenants).where(eq(tenants.id, tenant));
  if (!row) throw new Error(`test: no tenant ${tenant}`);
  cache.set(tenant, row);
  return row;
}

/** The signed-in user exactly as the server code hands it to the domain. */
export async function sessionUserOf(db: Db, id: string): Promise<SessionUser> {
  const [u] = await db
    .select({
      id: users.id,
      tenantId: users.tenantId,
      kind: users.kind,
      role: users.role,
      email: users.email,
      username: users.username,
      firstName: users.firstName,
      lastName: users.lastName,
      status: users.status,
      rights: users.rights,
      scope: users.scope,
      locale: users.locale,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!u) throw new Error(`test: no user ${id}`);
  return u;
}

type ActorLike = SessionUser | (Partial<SessionUser> & { id: string });

/**
 * `await ctxFor(db, tenantId, actor)`; the actor may be a full SessionUser or anything with an id (then it
 * is loaded). Missing fields of a hand-made actor are filled from the database row, never invented.
 */
export async function ctxFor(
  db: Db,
  tenant: Tenant | string,
  actor: ActorLike | string,
  options: { locale?: Locale } = {},
): Promise<Ctx> {
  const t = await tenantRow(db, tenant);
  const a =
    typeof actor === 'string'
      ? await sessionUserOf(db, actor)
      : 'tenantId' in actor && 'locale' in actor && actor.tenantId
        ? (actor as SessionUser)
        : { ...(await sessionUserOf(db, actor.id)), ...actor };
  return createCtx(db, t, a as SessionUser, options);
}

export async function publicCtxFor(db: Db, tenant: Tenant | string): Promise<PublicCtx> {
  return createPublicCtx(db, await tenantRow(db, tenant));
}
