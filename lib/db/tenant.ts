import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import type { Db, Tx } from './client';
import { preparable } from './prepare';
import * as schema from './schema';

/**
 * Row-level security, the second wall (issue 13; migration 0027). Every table with a `tenant_id` (and
 * `tenants` by its id) answers only rows of the tenant in `app.tenant_id`; `*` is the cross-tenant value of
 * the system paths. The app's pool opens its connections with `*` (lib/db/client.ts: host → tenant lookup,
 * session check, operator area, workers claiming outbox/jobs across tenants); a context (lib/ctx.ts) gets a
 * tenant-bound handle from `bindTenant`, whose every statement runs in a transaction that first sets
 * `app.tenant_id` for that transaction only (SET LOCAL). A single statement goes out as one pipelined burst
 * (BEGIN, SET LOCAL, the statement, COMMIT on one reserved connection): no extra round trip.
 */
const cache = new WeakMap<postgres.Sql, Map<string, Db>>();
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Pending = PromiseLike<unknown> & { values(): Pending };

function boundClient(sql: postgres.Sql, tenantId: string): postgres.Sql {
  // SET LOCAL, not set_config(): a utility statement takes no snapshot, so SET TRANSACTION ISOLATION LEVEL
  // may still follow (drizzle's transaction config). The id is a checked uuid (bindTenant), safe inline.
  const setLocal = (c: postgres.Sql | postgres.TransactionSql) => c.unsafe(`SET LOCAL app.tenant_id = '${tenantId}'`);

  async function single(query: string, params: unknown[] | undefined, options: unknown, values: boolean) {
    const conn = await sql.reserve();
    try {
      // The pool's prepare setting, not drizzle's `prepare: false` (lib/db/prepare.ts).
      const q = conn.unsafe(
        query,
        params as never[],
        { ...(options as object), prepare: sql.options.prepare && preparable(query) } as never,
      );
      const results = await Promise.allSettled([
        conn.unsafe('BEGIN'),
        setLocal(conn),
        values ? q.values() : q,
        conn.unsafe('COMMIT'),
      ]);
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) {
        // A failed statement leaves the transaction aborted: COMMIT answers ROLLBACK. Make sure it is over.
        await conn.unsafe('ROLLBACK').catch(() => {});
        throw failed.reason;
      }
      return (results[2] as PromiseFulfilledResult<unknown>).value;
    } finally {
      conn.release();
    }
  }

  const client = {
    options: sql.options,
    parameters: sql.parameters,
    unsafe(query: string, params?: unknown[], options?: unknown): Pending {
      let values = false;
      let run: Promise<unknown> | undefined;
      const pending: Pending = {
        values() {
          values = true;
          return pending;
        },
        then(onFulfilled, onRejected) {
          run ??= single(query, params, options, values);
          return run.then(onFulfilled, onRejected);
        },
      };
      return pending;
    },
    begin(...args: unknown[]) {
      const fn = args.find((a) => typeof a === 'function') as (tx: postgres.TransactionSql) => unknown;
      const mode = args.find((a) => typeof a === 'string') as string | undefined;
      const wrapped = async (tx: postgres.TransactionSql) => {
        await setLocal(tx);
        return fn(tx);
      };
      return mode ? sql.begin(mode, wrapped) : sql.begin(wrapped);
    },
  };
  return client as unknown as postgres.Sql;
}

/** The root pool behind a drizzle handle, or null for a transaction (it keeps its own setting). */
function poolOf(db: Tx): postgres.Sql | null {
  const client = (db as { $client?: postgres.Sql }).$client;
  return client && typeof client.reserve === 'function' ? client : null;
}

/**
 * The handle a context of `tenantId` works with: the same pool, every statement and transaction bound to
 * the tenant. A transaction handed in stays as it is (its caller decided; the setting of its connection
 * applies). Handles are cached per pool and tenant.
 */
export function bindTenant(db: Tx, tenantId: string): Tx {
  const pool = poolOf(db);
  if (!pool || !uuid.test(tenantId)) return db;
  let perPool = cache.get(pool);
  if (!perPool) cache.set(pool, (perPool = new Map()));
  let bound = perPool.get(tenantId);
  if (!bound) {
    bound = drizzle(boundClient(pool, tenantId), { schema });
    perPool.set(tenantId, bound);
  }
  return bound;
}

/** The cross-tenant value of `app.tenant_id` (system paths; the pool's connections start with it). */
export const allTenants = '*';
