import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { audit } from '../../lib/audit';
import { runMigrations } from '../../lib/db/migrate';
import { refusal, testDb } from './db';
import { makeTenant } from './fixtures';

describe('migrations', () => {
  it('build the whole schema on an empty database and are idempotent', async () => {
    const name = `mappe_t_empty_${randomBytes(4).toString('hex')}`;
    const admin = postgres(inject('adminUrl'), { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(inject('adminUrl'));
    url.pathname = `/${name}`;
    try {
      await runMigrations(url.toString());
      await runMigrations(url.toString());
      const conn = postgres(url.toString(), { max: 1, onnotice: () => {} });
      const tables = await conn`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
      const extensions = await conn`SELECT extname FROM pg_extension`;
      await conn.end();
      expect(tables.map((t) => t.tablename)).toEqual([
        'account_tokens',
        'audit_log',
        'auth_throttle',
        'client_grants',
        'contact_insurer_numbers',
        'contact_profiles',
        'contracts',
        'deletion_jobs',
        'document_files',
        'documents',
        'import_jobs',
        'import_mappings',
        'import_rows',
        'outbox',
        'product_lines',
        'providers',
        'sessions',
        'support_requests',
        'tenant_domains',
        'tenant_settings',
        'tenants',
        'ticket_events',
        'ticket_files',
        'ticket_messages',
        'ticket_reads',
        'tickets',
        'uploads',
        'users',
      ]);
      expect(extensions.map((e) => e.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'btree_gin']));
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

describe('schema rules', () => {
  it('keeps the audit log append-only', async () => {
    const { db } = await testDb();
    const { tenant } = await makeTenant(db, 'audit');
    await audit(db, { tenantId: tenant.id, actorType: 'system', action: 'test.event' });
    expect(await refusal(db.execute(sql`UPDATE audit_log SET action = 'changed'`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`DELETE FROM audit_log`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`TRUNCATE audit_log`))).toMatch(/append-only/);
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
