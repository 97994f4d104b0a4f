import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetClientFactor, resetEmployeeFactor } from '../../lib/auth/factors/reset';
import { hasSecondFactor } from '../../lib/auth/factors/store';
import { createSession } from '../../lib/auth/sessions';
import type { Db } from '../../lib/db/client';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { enrol, makeEmployee, sessionCount } from './factors-helpers';
import { makeTenant } from './fixtures';

/** Rights of "Zweiten Faktor zurücksetzen" (lost phone): who may, for whom, and nothing leaks across tenants. */
let db: Db;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  ({ db } = await testDb());
  a = await makeTenant(db, 'reset-a');
  b = await makeTenant(db, 'reset-b');
});
afterAll(() => vi.useRealTimers());

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

async function mails(to: string): Promise<number> {
  const rows = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM outbox WHERE to_address = ${to} AND template = 'factor-reset'`,
  );
  return rows[0]!.n;
}

describe('an employee lost the second factor', () => {
  it('an admin resets it: factor gone, sessions ended, audited, mail to the employee', async () => {
    const e = await makeEmployee(db, a.tenant.id, 'verloren');
    await enrol(db, a.tenant.id, e.id);
    await createSession(db, { tenantId: a.tenant.id, userId: e.id });
    expect(await codeOf(resetEmployeeFactor(await ctxFor(db, a.tenant.id, a.admin.id), { userId: e.id }))).toBe('ok');
    expect(await hasSecondFactor(db, a.tenant.id, e.id)).toBe(false);
    expect(await sessionCount(db, e.id)).toBe(0);
    expect(await mails(e.email)).toBe(1);
    const [row] = await db.execute<{ actor_id: string; target_id: string }>(
      sql`SELECT actor_id, target_id FROM audit_log WHERE action = 'auth.factor_reset' AND target_id = ${e.id}`,
    );
    expect(row).toMatchObject({ actor_id: a.admin.id, target_id: e.id });
  });

  it('an employee without the admin right cannot, nor can the admin of another tenant, nor the admin for themselves', async () => {
    const e = await makeEmployee(db, a.tenant.id, 'geschuetzt');
    const colleague = await makeEmployee(db, a.tenant.id, 'kollege');
    await enrol(db, a.tenant.id, e.id);
    expect(await codeOf(resetEmployeeFactor(await ctxFor(db, a.tenant.id, colleague.id), { userId: e.id }))).toBe(
      'forbidden',
    );
    expect(await codeOf(resetEmployeeFactor(await ctxFor(db, b.tenant.id, b.admin.id), { userId: e.id }))).toBe(
      'not_found',
    );
    expect(await codeOf(resetEmployeeFactor(await ctxFor(db, a.tenant.id, a.admin.id), { userId: a.admin.id }))).toBe(
      'forbidden',
    );
    // A client is not reset through the employee route.
    expect(await codeOf(resetEmployeeFactor(await ctxFor(db, a.tenant.id, a.admin.id), { userId: a.client.id }))).toBe(
      'forbidden',
    );
    expect(await hasSecondFactor(db, a.tenant.id, e.id)).toBe(true);
    expect(await mails(e.email)).toBe(0);
  });
});

describe("a client's second factor", () => {
  it('is reset with the login-data right and the right PIN; a wrong PIN changes nothing', async () => {
    await db.execute(sql`UPDATE users SET birth_date = '1970-03-14' WHERE id = ${a.client.id}`);
    await enrol(db, a.tenant.id, a.client.id);
    const admin = await ctxFor(db, a.tenant.id, a.admin.id);
    expect(await codeOf(resetClientFactor(admin, { contactId: a.client.id, pin: '01011970' }))).toBe('invalid');
    expect(await hasSecondFactor(db, a.tenant.id, a.client.id)).toBe(true);
    expect(await codeOf(resetClientFactor(admin, { contactId: a.client.id, pin: '14.03.1970' }))).toBe('ok');
    expect(await hasSecondFactor(db, a.tenant.id, a.client.id)).toBe(false);
    expect(await mails(a.client.email)).toBe(1);
  });

  it('an employee with write rights but without the login-data right cannot; another tenant cannot see the client', async () => {
    await enrol(db, a.tenant.id, a.client.id);
    const writer = await makeEmployee(db, a.tenant.id, 'schreiber');
    expect(
      await codeOf(
        resetClientFactor(await ctxFor(db, a.tenant.id, writer.id), { contactId: a.client.id, pin: '14031970' }),
      ),
    ).toBe('forbidden');
    expect(
      await codeOf(
        resetClientFactor(await ctxFor(db, b.tenant.id, b.admin.id), { contactId: a.client.id, pin: '14031970' }),
      ),
    ).toBe('not_found');
    expect(await hasSecondFactor(db, a.tenant.id, a.client.id)).toBe(true);
  });

  it('counts PIN failures per account before checking: 10 parallel wrong PINs, exactly 5 checked', async () => {
    await db.execute(sql`UPDATE users SET birth_date = '1980-07-01' WHERE id = ${b.client.id}`);
    await enrol(db, b.tenant.id, b.client.id);
    const admin = await ctxFor(db, b.tenant.id, b.admin.id);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => codeOf(resetClientFactor(admin, { contactId: b.client.id, pin: '02071980' }))),
    );
    expect(results.filter((r) => r === 'invalid')).toHaveLength(5);
    expect(results.filter((r) => r === 'rate_limited')).toHaveLength(5);
    // Now even the right PIN waits.
    expect(await codeOf(resetClientFactor(admin, { contactId: b.client.id, pin: '01071980' }))).toBe('rate_limited');
    expect(await hasSecondFactor(db, b.tenant.id, b.client.id)).toBe(true);
  });
});
