import path from 'node:path';
import { sql as q } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { createDb } from './client';

export const migrationsFolder = path.resolve(process.cwd(), 'drizzle');

/** Any fixed number: the session-level advisory lock that lets one instance migrate at a time. */
const migrationLock = 4_711_2026;

/**
 * Applies the committed SQL migrations in drizzle/ (idempotent; safe to run on every start). Instances that
 * start together wait for each other on an advisory lock, so a release is applied once, not raced. The lock
 * is session-level: run it against the server itself, not through a pooler in transaction mode.
 */
export async function runMigrations(databaseUrl: string): Promise<void> {
  const { db, sql } = createDb(databaseUrl, 1);
  try {
    await db.execute(q`SELECT pg_advisory_lock(${migrationLock})`);
    try {
      await migrate(db, { migrationsFolder });
    } finally {
      await db.execute(q`SELECT pg_advisory_unlock(${migrationLock})`);
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
