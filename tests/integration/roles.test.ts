import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleProblems } from '../../lib/db/roles';
import { testDb } from './db';

/** Issue 13: the app connects as mappe_app (no owner rights); migrations run as mappe_owner. */
let app: postgres.Sql;
let owner: postgres.Sql;

const refused = async (statement: Promise<unknown>): Promise<string> => {
  try {
    await statement;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the statement was accepted');
};

beforeAll(async () => {
  const t = await testDb();
  app = t.sql;
  owner = postgres(t.ownerUrl, { max: 1, onnotice: () => {} });
  afterAll(() => owner.end({ timeout: 5 }));
});

describe('the app role', () => {
  it('is mappe_app: no superuser, no CREATEDB/CREATEROLE/BYPASSRLS, owns nothing', async () => {
    const [me] = await app<{ user: string; super: boolean; db: boolean; role: boolean; bypass: boolean }[]>`
      SELECT current_user AS user, rolsuper AS super, rolcreatedb AS db, rolcreaterole AS role, rolbypassrls AS bypass
      FROM pg_roles WHERE rolname = current_user`;
    expect(me).toEqual({ user: 'mappe_app', super: false, db: false, role: false, bypass: false });
    expect(await roleProblems(app)).toEqual([]);
    const [{ n }] = (await app`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE s.nspname = 'public' AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`) as unknown as [
      { n: number },
    ];
    expect(n).toBe(0);
    // the warning of an owner-only setup fires for the owner role
    expect((await roleProblems(owner)).join()).toMatch(/owns/);
  });

  it('reaches every table of the schema (DML) and every sequence; audit_log only SELECT and INSERT', async () => {
    const tables = await app<{ name: string; s: boolean; i: boolean; u: boolean; d: boolean; t: boolean }[]>`
      SELECT tablename AS name, has_table_privilege(quote_ident(tablename), 'SELECT') AS s,
        has_table_privilege(quote_ident(tablename), 'INSERT') AS i, has_table_privilege(quote_ident(tablename), 'UPDATE') AS u,
        has_table_privilege(quote_ident(tablename), 'DELETE') AS d, has_table_privilege(quote_ident(tablename), 'TRUNCATE') AS t
      FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
    expect(tables.length).toBeGreaterThan(20);
    for (const t of tables) {
      const dml = t.name === 'audit_log' ? [true, true, false, false, false] : [true, true, true, true, false];
      expect([t.name, t.s, t.i, t.u, t.d, t.t]).toEqual([t.name, ...dml]);
    }
    const sequences = await app<{ name: string; ok: boolean }[]>`
      SELECT sequencename AS name, has_sequence_privilege(quote_ident(sequencename), 'USAGE') AS ok
      FROM pg_sequences WHERE schemaname = 'public'`;
    for (const s of sequences) expect(s).toEqual({ name: s.name, ok: true });
    const [fn] = await app<{ ok: boolean }[]>`
      SELECT has_function_privilege('mappe_redact_audit(uuid, uuid, text)', 'EXECUTE') AS ok`;
    expect(fn!.ok).toBe(true);
  });

  it('cannot CREATE, ALTER, DROP or TRUNCATE, change audit_log, or become the redactor or the owner', async () => {
    expect(await refused(app`CREATE TABLE intruder (id int)`)).toMatch(/permission denied/);
    expect(await refused(app`ALTER TABLE users ADD COLUMN intruder int`)).toMatch(/must be owner/);
    expect(await refused(app`ALTER TABLE users DISABLE ROW LEVEL SECURITY`)).toMatch(/must be owner/);
    expect(await refused(app`DROP TABLE users`)).toMatch(/must be owner/);
    expect(await refused(app`TRUNCATE users`)).toMatch(/permission denied/);
    expect(await refused(app`DROP TRIGGER audit_log_no_truncate ON audit_log`)).toMatch(/must be owner/);
    expect(await refused(app`UPDATE audit_log SET action = 'x'`)).toMatch(/permission denied/);
    expect(await refused(app`DELETE FROM audit_log`)).toMatch(/permission denied/);
    expect(await refused(app`CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`)).toMatch(/must be owner|permission denied/); // prettier-ignore
    expect(await refused(app`SET ROLE mappe_audit_redactor`)).toMatch(/permission denied/);
    expect(await refused(app`SET ROLE mappe_owner`)).toMatch(/permission denied/);
    expect(await refused(app`GRANT mappe_audit_redactor TO mappe_app`)).toMatch(/permission denied|must have admin/);
  });

  it('reaches tables later migrations create (ALTER DEFAULT PRIVILEGES of the owner)', async () => {
    await owner`CREATE TABLE later_table (id serial PRIMARY KEY, v text)`;
    try {
      await app`INSERT INTO later_table (v) VALUES ('x')`;
      expect(await app`SELECT v FROM later_table`).toEqual([{ v: 'x' }]);
      expect(await refused(app`DROP TABLE later_table`)).toMatch(/must be owner/);
    } finally {
      await owner`DROP TABLE later_table`;
    }
  });
});
