import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { serverEnv } from '../env';
import { withPoolPrepare } from './prepare';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction or the database itself: domain functions accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

const globalRef = globalThis as unknown as { __mappeDb?: { db: Db; sql: postgres.Sql } };

/**
 * A pool. Its connections start with `app.tenant_id = '*'` (all tenants: row-level security, migration 0027),
 * what the cross-tenant paths need; every context binds its handle to its tenant (lib/db/tenant.ts).
 */
export function createDb(url: string, max = 10, prepare = true): { db: Db; sql: postgres.Sql } {
  const sql = postgres(url, {
    max,
    prepare,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { 'app.tenant_id': '*' },
  });
  return { db: drizzle(withPoolPrepare(sql, prepare), { schema }), sql };
}

/** The app's shared connection pool (one per process). */
export function db(): Db {
  if (!globalRef.__mappeDb) {
    const e = serverEnv();
    globalRef.__mappeDb = createDb(e.DATABASE_URL, e.DATABASE_POOL_MAX, e.DATABASE_PREPARE);
  }
  return globalRef.__mappeDb.db;
}

export async function closeDb(): Promise<void> {
  const current = globalRef.__mappeDb;
  globalRef.__mappeDb = undefined;
  await current?.sql.end({ timeout: 5 });
}
