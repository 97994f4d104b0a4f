import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../lib/db/client';
import type { Tenant } from '../../lib/db/schema';
import { createSession } from '../../lib/auth/sessions';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { enrol, makeEmployee } from './factors-helpers';
import { makeTenant } from './fixtures';

/*
 * The enforcement sits where every request passes: the session lookup (lib/auth/current.ts), the page
 * loaders (lib/request/ctx.ts) and the action builder (lib/actions/define.ts). Here a request is a cookie jar
 * (the session id in the Auth.js cookie, decoded as JSON), the tenant of the host and the test database.
 */
const request = vi.hoisted(() => {
  // The cookie decoder asks for the server's configuration; the database itself is the test's (below).
  process.env.AUTH_SECRET ??= 'factor-enforcement-test-secret-0123456789';
  process.env.DATABASE_URL ??= 'postgres://unused.invalid/none';
  return { cookie: '', tenant: null as unknown, db: null as unknown };
});
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (name === 'mappe.session' && request.cookie ? { value: request.cookie } : undefined),
    set: () => {},
    delete: () => {},
  }),
  headers: async () => new Headers(),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('next-auth/jwt', () => ({ decode: async ({ token }: { token: string }) => JSON.parse(token) }));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'de', getRequestConfig: (f: unknown) => f }));
vi.mock('../../lib/tenant/request', () => ({ currentTenant: async () => request.tenant }));
vi.mock('../../lib/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/db/client')>()),
  db: () => request.db,
}));

const { advisorCtx, sessionCtx } = await import('../../lib/request/ctx');
const { lockEmployeeAction } = await import('../../lib/users/actions');
const { startTotpSetupAction } = await import('../../lib/auth/factors/actions');

let db: Db;
let strict: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  (await import('../../lib/env')).resetEnvCache();
  vi.useFakeTimers({ toFake: ['Date'] });
  ({ db } = await testDb());
  request.db = db;
  strict = await makeTenant(db, 'pflicht');
  await db.execute(sql`UPDATE tenants SET require_employee_mfa = true WHERE id = ${strict.tenant.id}`);
  const [row] = await db.execute<Tenant>(sql`SELECT * FROM tenants WHERE id = ${strict.tenant.id}`);
  expect(row).toBeTruthy();
});
afterAll(() => vi.useRealTimers());

async function signInAs(tenantId: string, userId: string) {
  const { tenants } = await import('../../lib/db/schema');
  const { eq } = await import('drizzle-orm');
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  request.tenant = tenant;
  const sid = await createSession(db, { tenantId, userId });
  request.cookie = JSON.stringify({ sid, tid: tenantId });
}

async function redirectOf(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    const digest = (e as { digest?: string }).digest ?? '';
    if (!digest.startsWith('NEXT_REDIRECT')) throw e;
    return digest.split(';')[2] ?? '';
  }
}

const lockForm = (id: string) => {
  const f = new FormData();
  f.set('id', id);
  f.set('locked', 'true');
  return f;
};

describe('Zwei-Faktor-Anmeldung für Mitarbeiter verpflichtend', () => {
  it('an employee without a factor reaches no page, no route handler and no action but the setup', async () => {
    const e = await makeEmployee(db, strict.tenant.id, 'neu');
    const victim = await makeEmployee(db, strict.tenant.id, 'kollege');
    await db.execute(sql`UPDATE users SET role = 'admin' WHERE id = ${e.id}`);
    await signInAs(strict.tenant.id, e.id);

    expect(await redirectOf(advisorCtx())).toBe('/account/zwei-faktor');
    expect(await sessionCtx()).toBeNull();
    const refused = await lockEmployeeAction(null, lockForm(victim.id));
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    const [still] = await db.execute<{ status: string }>(sql`SELECT status FROM users WHERE id = ${victim.id}`);
    expect(still!.status).toBe('active');
    // The setup itself is open.
    const setup = await startTotpSetupAction({});
    expect(setup.ok).toBe(true);
  });

  it('holds at once, also while the cached tenant row still says otherwise', async () => {
    const e = await makeEmployee(db, strict.tenant.id, 'sofort');
    await signInAs(strict.tenant.id, e.id);
    request.tenant = { ...(request.tenant as Tenant), requireEmployeeMfa: false };
    expect(await redirectOf(advisorCtx())).toBe('/account/zwei-faktor');
    expect(await sessionCtx()).toBeNull();
  });

  it('after the setup everything is open again', async () => {
    const e = await makeEmployee(db, strict.tenant.id, 'fertig');
    await db.execute(sql`UPDATE users SET role = 'admin' WHERE id = ${e.id}`);
    const victim = await makeEmployee(db, strict.tenant.id, 'kollegin');
    await enrol(db, strict.tenant.id, e.id);
    await signInAs(strict.tenant.id, e.id);
    expect(await redirectOf(advisorCtx())).toBeNull();
    expect(await sessionCtx()).not.toBeNull();
    expect(await lockEmployeeAction(null, lockForm(victim.id))).toMatchObject({ ok: true });
  });

  it('does not hold clients (they switch it on themselves) nor employees of a tenant without the setting', async () => {
    const relaxed = await makeTenant(db, 'locker');
    const e = await makeEmployee(db, relaxed.tenant.id, 'frei');
    await signInAs(relaxed.tenant.id, e.id);
    expect(await redirectOf(advisorCtx())).toBeNull();
    await signInAs(strict.tenant.id, strict.client.id);
    expect(await sessionCtx()).not.toBeNull();
  });

  it('switching the setting is for admins only and audited', async () => {
    const { setEmployeeFactorRequired } = await import('../../lib/auth/factors/policy');
    const relaxed = await makeTenant(db, 'schalter');
    const e = await makeEmployee(db, relaxed.tenant.id, 'ohnerecht');
    await expect(
      setEmployeeFactorRequired(await ctxFor(db, relaxed.tenant.id, e.id), { required: true }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await setEmployeeFactorRequired(await ctxFor(db, relaxed.tenant.id, relaxed.admin.id), { required: true });
    const [row] = await db.execute<{ on: boolean }>(
      sql`SELECT require_employee_mfa AS on FROM tenants WHERE id = ${relaxed.tenant.id}`,
    );
    expect(row!.on).toBe(true);
    const [a] = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'settings.employee_mfa_required' AND tenant_id = ${relaxed.tenant.id}`,
    );
    expect(a!.n).toBe(1);
  });
});
