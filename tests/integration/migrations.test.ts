import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../lib/db/schema';
import { audit } from '../../lib/audit';
import { createDb } from '../../lib/db/client';
import { runMigrations } from '../../lib/db/migrate';
import { bootstrapRoles } from '../../lib/db/roles';
import { testRolePasswords } from './roles-local';
import { refusal, testDb } from './db';
import { makeTenant } from './fixtures';

describe('migrations', () => {
  it('build the whole schema on an empty database, once when two instances start together, and are idempotent', async () => {
    const name = `mappe_t_empty_${randomBytes(4).toString('hex')}`;
    const admin = postgres(inject('adminUrl'), { max: 1, onnotice: () => {} });
    // As a deployment does it: an empty database of the owner role (no superuser), migrated by that role.
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await bootstrapRoles(inject('adminUrl'), name, testRolePasswords);
    const url = new URL(inject('ownerUrl'));
    url.pathname = `/${name}`;
    try {
      // Two instances booting at once: the advisory lock lets one apply the release, the other finds it done.
      await Promise.all([runMigrations(url.toString()), runMigrations(url.toString())]);
      await runMigrations(url.toString());
      const conn = postgres(url.toString(), { max: 1, onnotice: () => {} });
      const tables = await conn`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
      const extensions = await conn`SELECT extname FROM pg_extension`;
      await conn.end();
      // Exactly the tables the schema declares (lib/db/schema), no more, no fewer.
      const declared = (Object.values(schema) as unknown[])
        .filter((v): v is PgTable => is(v, PgTable))
        .map((t) => getTableConfig(t).name)
        .sort();
      expect(declared.length).toBeGreaterThan(20);
      expect(tables.map((t) => t.tablename)).toEqual(declared);
      expect(extensions.map((e) => e.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'btree_gin']));
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

describe('schema rules', () => {
  it('keeps the audit log append-only (the owner is stopped by the trigger, the app role has no right at all)', async () => {
    const { db: appDb, ownerUrl } = await testDb();
    const owner = createDb(ownerUrl, 1);
    const db = owner.db;
    afterAll(() => owner.sql.end({ timeout: 5 }));
    const { tenant } = await makeTenant(db, 'audit');
    await audit(db, { tenantId: tenant.id, actorType: 'system', action: 'test.event' });
    expect(await refusal(db.execute(sql`UPDATE audit_log SET action = 'changed'`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`DELETE FROM audit_log`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`TRUNCATE audit_log`))).toMatch(/append-only/);
    expect(await refusal(appDb.execute(sql`UPDATE audit_log SET action = 'changed'`))).toMatch(/permission denied/);
    const rows = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.event'`,
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('allows one account per e-mail address within a tenant, case-insensitively', async () => {
    const { db } = await testDb();
    const a = await makeTenant(db, 'eins');
    const b = await makeTenant(db, 'zwei');
    expect(
      await refusal(
        db.execute(sql`INSERT INTO users (tenant_id, kind, email, username, first_name, last_name)
        VALUES (${a.tenant.id}, 'client', ${'KUNDE@eins.example'}, 'other', 'X', 'Y')`),
      ),
    ).toMatch(/users_tenant_email_key/);
    // The same address in another tenant is a different account.
    await db.execute(sql`INSERT INTO users (tenant_id, kind, email, username, first_name, last_name)
      VALUES (${b.tenant.id}, 'client', ${'kunde@eins.example'}, 'other', 'X', 'Y')`);
  });

  it('refuses theme colours that are not #rrggbb, even bypassing the app', async () => {
    const { db } = await testDb();
    const { tenant } = await makeTenant(db, 'farbe');
    expect(await refusal(db.execute(sql`UPDATE tenants SET primary_color = 'red;}' WHERE id = ${tenant.id}`))).toMatch(
      /tenants_primary_hex/,
    );
  });

  it('never lets a session point at a user of another tenant', async () => {
    const { db } = await testDb();
    const a = await makeTenant(db, 'sa');
    const b = await makeTenant(db, 'sb');
    expect(
      await refusal(
        db.execute(
          sql`INSERT INTO sessions (id_hash, tenant_id, user_id, expires_at) VALUES ('x', ${a.tenant.id}, ${b.admin.id}, now() + interval '1 hour')`,
        ),
      ),
    ).toMatch(/sessions_user_fk/);
  });
});
