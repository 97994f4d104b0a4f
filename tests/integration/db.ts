import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, inject } from 'vitest';
import { createDb, type Db } from '../../lib/db/client';

/** A fresh database cloned from the migrated template, dropped after the file's tests. */
export async function testDb(): Promise<{ db: Db; url: string; sql: postgres.Sql }> {
  const name = `mappe_t_${randomBytes(6).toString('hex')}`;
  const adminUrl = inject('adminUrl');
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { db, sql } = createDb(url.toString(), 4);
  afterAll(async () => {
    await sql.end({ timeout: 5 });
    const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  return { db, url: url.toString(), sql };
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
