import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, inject } from 'vitest';
import { createDb, type Db } from '../../lib/db/client';

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * A fresh database cloned from the migrated template, dropped after the file's tests. `db`/`sql`/`url` connect
 * as the app role (mappe_app, no owner rights) like the app does; `ownerUrl` as the owner of the schema objects.
 */
export async function testDb(): Promise<{
  db: Db;
  url: string;
  sql: postgres.Sql;
  ownerUrl: string;
  /** Connected as the owner (connects on first use): test triggers, ANALYZE – what the app role may not. */
  owner: postgres.Sql;
}> {
  const name = `mappe_t_${randomBytes(6).toString('hex')}`;
  const adminUrl = inject('adminUrl');
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')} OWNER mappe_owner`);
  await admin.end();
  const url = withDatabase(inject('appUrl'), name);
  const { db, sql } = createDb(url, 4);
  const ownerUrl = withDatabase(inject('ownerUrl'), name);
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  afterAll(async () => {
    await sql.end({ timeout: 5 });
    await owner.end({ timeout: 5 });
    const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  return { db, url, sql, ownerUrl, owner };
}

/** The database's own words for a refused statement (drizzle wraps the driver error as `cause`). */
export async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (e) {
    const cause = (e as { cause?: { message?: string; constraint_name?: string } }).cause;
    return `${cause?.message ?? (e as Error).message} ${cause?.constraint_name ?? ''}`;
  }
  throw new Error('the statement was accepted');
}
