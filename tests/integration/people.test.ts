import { and, asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { noRights, type EmployeeLike } from '../../lib/access/employee';
import { activateAccount, type ActivationDone } from '../../lib/auth/activation';
import { requestPasswordReset, resetPolicy } from '../../lib/auth/reset';
import { attemptLogin } from '../../lib/auth/login';
import { verifyPassword } from '../../lib/auth/password';
import { createSession, validateSession } from '../../lib/auth/sessions';
import { hashToken, inspectToken, latestLinkState, tokenPolicy } from '../../lib/auth/tokens';
import { activityLabel, contactActivity } from '../../lib/contacts/activity';
import { createContactAccount, sendRegistrationMail } from '../../lib/contacts/account';
import { createContact } from '../../lib/contacts/create';
import { getContact } from '../../lib/contacts/get';
import { listContacts } from '../../lib/contacts/list';
import { contactSchema } from '../../lib/contacts/schemas';
import { updateContact } from '../../lib/contacts/update';
import type { Db } from '../../lib/db/client';
import {
  accountTokens,
  auditLog,
  outbox,
  sessions,
  users,
  type EmployeeRights,
  type Tenant,
} from '../../lib/db/schema';
import { DomainError } from '../../lib/errors';
import { translate } from '../../lib/i18n';
import { createAccount } from '../../lib/users/create';
import { createEmployee } from '../../lib/users/create-employee';
import { chooseLanguage } from '../../lib/users/language';
import { getEmployee } from '../../lib/users/list';
import { setEmployeeLocked } from '../../lib/users/lock';
import { resendInvitation } from '../../lib/users/resend';
import { employeeSchema } from '../../lib/users/schemas';
import { updateEmployee } from '../../lib/users/update-employee';
import { ctxFor, publicCtxFor } from './ctx';
import { testDb } from './db';
import { makeTenant } from './fixtures';

type Made = Awaited<ReturnType<typeof makeTenant>>;

let db: Db;
let t: Made;
let other: Made;

beforeAll(async () => {
  ({ db } = await testDb());
  t = await makeTenant(db, 'leute');
  other = await makeTenant(db, 'nachbar');
});

/* ------------------------------------------------------------------ helpers */

const GOOD = 'Gartenzwerg auf Wolkenreise';
const allWrite: EmployeeRights = {
  insurance: 'write',
  finance: 'write',
  other: 'write',
  emergency: 'write',
  communication: 'write',
};

const actorOf = (
  u: { id: string; role: 'admin' | 'employee' | null },
  over: Partial<EmployeeLike> = {},
): EmployeeLike => ({
  id: u.id,
  kind: 'employee',
  role: u.role,
  rights: null,
  scope: null,
  ...over,
});
const adminOf = (m: Made) => actorOf(m.admin);

const employeeForm = (over: Record<string, string> = {}) =>
  employeeSchema.parse({
    salutation: 'Frau',
    firstName: 'Erika',
    lastName: 'Engel',
    birthDate: '01.02.1980',
    email: 'erika@leute.example',
    employeeType: 'mitarbeiter',
    role: 'employee',
    scope: 'all',
    right_insurance: 'write',
    ...over,
  });

const contactForm = (over: Record<string, string> = {}) =>
  contactSchema.parse({
    firstName: 'Max',
    lastName: 'Muster',
    birthDate: '01.02.1980',
    email: 'max@leute.example',
    city: 'Köln',
    ...over,
  });

let ipCounter = 0;
const nextIp = () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

/** The refusal codes the assertions below were written with, by the `detail.reason` of activateAccount's DomainError. */
const linkCodes: Record<string, string> = {
  link: 'link',
  burned: 'burned',
  ip: 'throttled',
  account: 'throttled',
  pin: 'pin',
};
const unionCodes: Record<string, string> = {
  link: 'expired',
  burned: 'expired',
  ip: 'rate_limited',
  account: 'rate_limited',
  pin: 'invalid',
  weak_password: 'invalid',
};
type LinkResult =
  | { ok: true; data: ActivationDone }
  | { ok: false; code: string; message?: string; fieldErrors?: Record<string, string> };

/** PASSWORTVERGABE as the form sees it: the result, or the refusal with its field or message (German). */
async function activate(
  tenant: Tenant,
  token: string,
  pin: string,
  password = GOOD,
  ip = nextIp(),
): Promise<LinkResult> {
  try {
    return {
      ok: true,
      data: await activateAccount(await publicCtxFor(db, tenant), {
        token,
        password,
        passwordRepeat: password,
        pin,
        ip,
      }),
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // Each refusal carries its code of the ErrorCode union (what the form compares) and the reason.
    const reason = String(error.detail?.reason);
    if (reason in unionCodes) expect(error.code, reason).toBe(unionCodes[reason]);
    const code = linkCodes[reason] ?? error.code;
    return error.field
      ? { ok: false, code, fieldErrors: { [error.field]: error.message } }
      : { ok: false, code, message: error.message };
  }
}

const accountLockedText = translate('de', 'signin.link.accountLocked', { hours: tokenPolicy.pinAccountWindowHours });

async function mailsTo(address: string) {
  return db
    .select()
    .from(outbox)
    .where(sql`lower(${outbox.toAddress}) = lower(${address})`)
    .orderBy(asc(outbox.createdAt), asc(outbox.id));
}

/** The raw token of the newest link mailed to the address. */
async function lastLink(tenant: Tenant, address: string, kind: 'activate' | 'reset' = 'activate'): Promise<string> {
  const mails = await mailsTo(address);
  const mail = mails.at(-1);
  expect(mail, `a mail to ${address}`).toBeDefined();
  const pattern = new RegExp(
    `http://${tenant.slug}\\.localhost(?::\\d+)?/${kind}/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])`,
  );
  const match = pattern.exec(mail!.text);
  expect(match, `a /${kind}/ link in: ${mail!.text}`).not.toBeNull();
  expect(mail!.html).toContain(`/${kind}/${match![1]}`);
  return match![1]!;
}

async function counts(tenantId: string) {
  const rows = await db.execute<{ users: number; profiles: number; outbox: number; tokens: number; audit: number }>(sql`
    SELECT (SELECT count(*)::int FROM users WHERE tenant_id = ${tenantId}) AS users,
           (SELECT count(*)::int FROM contact_profiles WHERE tenant_id = ${tenantId}) AS profiles,
           (SELECT count(*)::int FROM outbox WHERE tenant_id = ${tenantId}) AS outbox,
           (SELECT count(*)::int FROM account_tokens WHERE tenant_id = ${tenantId}) AS tokens,
           (SELECT count(*)::int FROM audit_log WHERE tenant_id = ${tenantId}) AS audit`);
  return rows[0]!;
}

const tokenRow = async (raw: string) =>
  (
    await db
      .select()
      .from(accountTokens)
      .where(eq(accountTokens.tokenHash, hashToken(raw)))
  )[0]!;
const userRow = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0]!;

/** A contact with a sent REGISTRIERUNGSMAIL; returns its id and the raw link token. */
async function invitedContact(m: Made, over: Record<string, string>) {
  const { id } = await createContact(await ctxFor(db, m.tenant, adminOf(m)), contactForm(over));
  await createContactAccount(await ctxFor(db, m.tenant, adminOf(m)), { id });
  await sendRegistrationMail(await ctxFor(db, m.tenant, adminOf(m)), { id });
  return { id, token: await lastLink(m.tenant, over.email!) };
}

/** An employee who has set their password (status active). */
async function activeEmployee(m: Made, over: Record<string, string>) {
  const { id } = await createEmployee(await ctxFor(db, m.tenant, adminOf(m)), employeeForm(over));
  const result = await activate(m.tenant, await lastLink(m.tenant, over.email!), '01021980');
  expect(result.ok).toBe(true);
  return id;
}

/** Waits until some statement of this database waits for a row/index lock (the contender blocks). */
async function untilSomebodyWaitsForALock() {
  for (let i = 0; i < 200; i++) {
    const rows = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n > 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('nobody waited for a lock');
}

/* ------------------------------------------------------------------ e-mail uniqueness */

describe('one e-mail address per tenant', () => {
  it('refuses a contact with an employee’s e-mail (any case) and writes nothing', async () => {
    await createEmployee(
      await ctxFor(db, t.tenant, adminOf(t)),
      employeeForm({ firstName: 'Eva', lastName: 'Eindeutig', email: 'Eva.Eindeutig@Leute.example' }),
    );
    const before = await counts(t.tenant.id);
    const error = await createContact(
      await ctxFor(db, t.tenant, adminOf(t)),
      contactForm({ firstName: 'Egon', lastName: 'Doppelt', email: 'eva.eindeutig@LEUTE.EXAMPLE' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'duplicate', field: 'email', detail: { reason: 'email_taken' } });
    expect((error as Error).message).toMatch(/bereits verwendet/);
    expect(await counts(t.tenant.id)).toEqual(before);
    // The username was not reserved either.
    expect(await db.select().from(users).where(eq(users.username, 'egon.doppelt'))).toHaveLength(0);
  });

  it('refuses an employee with a contact’s e-mail (any case): no account, no link, no mail', async () => {
    await createContact(
      await ctxFor(db, t.tenant, adminOf(t)),
      contactForm({ firstName: 'Clara', lastName: 'Kontakt', email: 'clara.kontakt@leute.example' }),
    );
    const before = await counts(t.tenant.id);
    const error = await createEmployee(
      await ctxFor(db, t.tenant, adminOf(t)),
      employeeForm({ firstName: 'Carl', lastName: 'Kopie', email: ' CLARA.Kontakt@leute.example ' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'duplicate', field: 'email', detail: { reason: 'email_taken' } });
    expect(await counts(t.tenant.id)).toEqual(before);
    expect(await mailsTo('clara.kontakt@leute.example')).toHaveLength(0);
  });

  it('refuses changing a contact’s or an employee’s e-mail to a taken one, leaving the rows unchanged', async () => {
    const a = await createContact(
      await ctxFor(db, t.tenant, adminOf(t)),
      contactForm({ firstName: 'Ulf', lastName: 'Umzug', email: 'ulf@leute.example' }),
    );
    await expect(
      updateContact(await ctxFor(db, t.tenant, adminOf(t)), {
        ...contactForm({ firstName: 'Ulf', lastName: 'Umzug', email: 'KUNDE@leute.example' }),
        id: a.id,
      }),
    ).rejects.toMatchObject({
      code: 'duplicate',
      field: 'email',
      detail: { reason: 'email_taken' },
    });
    expect((await userRow(a.id)).email).toBe('ulf@leute.example');
    const e = await createEmployee(
      await ctxFor(db, t.tenant, adminOf(t)),
      employeeForm({ firstName: 'Wanda', lastName: 'Wechsel', email: 'wanda@leute.example' }),
    );
    await expect(
      updateEmployee(await ctxFor(db, t.tenant, adminOf(t)), {
        ...employeeForm({ firstName: 'Wanda', lastName: 'Wechsel', email: 'ulf@LEUTE.example' }),
        id: e.id,
      }),
    ).rejects.toMatchObject({
      code: 'duplicate',
      field: 'email',
      detail: { reason: 'email_taken' },
    });
    expect((await userRow(e.id)).email).toBe('wanda@leute.example');
  });

  it('allows the same address in another tenant', async () => {
    const { id } = await createContact(
      await ctxFor(db, other.tenant, adminOf(other)),
      contactForm({ firstName: 'Eva', lastName: 'Eindeutig', email: 'eva.eindeutig@leute.example' }),
    );
    expect((await userRow(id)).tenantId).toBe(other.tenant.id);
  });
});

/* ------------------------------------------------------------------ concurrency */

describe('concurrent creation', () => {
  it('of two contacts with the same e-mail: exactly one succeeds, the other gets email_taken', async () => {
    const before = await counts(t.tenant.id);
    const results = await Promise.allSettled([
      createContact(
        await ctxFor(db, t.tenant, adminOf(t)),
        contactForm({ firstName: 'Paula', lastName: 'Parallel', email: 'parallel@leute.example' }),
      ),
      createContact(
        await ctxFor(db, t.tenant, adminOf(t)),
        contactForm({ firstName: 'Peter', lastName: 'Gleichzeitig', email: 'PARALLEL@leute.example' }),
      ),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({ code: 'duplicate', field: 'email', detail: { reason: 'email_taken' } });
    const after = await counts(t.tenant.id);
    expect(after.users - before.users).toBe(1);
    expect(after.profiles - before.profiles).toBe(1);
  });

  it('of two contacts with the same e-mail, deterministically interleaved: the waiting one gets email_taken', async () => {
    let inserted!: () => void;
    let release!: () => void;
    const insertedP = new Promise<void>((r) => (inserted = r));
    const gate = new Promise<void>((r) => (release = r));
    const holder = db.transaction(async (tx) => {
      await createAccount(tx, {
        tenantId: t.tenant.id,
        kind: 'client',
        email: 'halter@leute.example',
        firstName: 'Holger',
        lastName: 'Halter',
        status: 'none',
      });
      inserted();
      await gate;
    });
    await insertedP;
    const contender = createContact(
      await ctxFor(db, t.tenant, adminOf(t)),
      contactForm({ firstName: 'Konrad', lastName: 'Konkurrenz', email: 'Halter@leute.example' }),
    ).catch((e: unknown) => e);
    await untilSomebodyWaitsForALock();
    release();
    await holder;
    expect(await contender).toMatchObject({ code: 'duplicate', field: 'email', detail: { reason: 'email_taken' } });
    expect(await db.select().from(users).where(eq(users.username, 'konrad.konkurrenz'))).toHaveLength(0);
  });

  it('of two contacts with the same name: both succeed as max.mueller and max.mueller2', async () => {
    const [a, b] = await Promise.all([
      createContact(
        await ctxFor(db, t.tenant, adminOf(t)),
        contactForm({ firstName: 'Max', lastName: 'Müller', email: 'max.mueller.1@leute.example' }),
      ),
      createContact(
        await ctxFor(db, t.tenant, adminOf(t)),
        contactForm({ firstName: 'Max', lastName: 'Müller', email: 'max.mueller.2@leute.example' }),
      ),
    ]);
    const names = [(await userRow(a.id)).username, (await userRow(b.id)).username].sort();
    expect(names).toEqual(['max.mueller', 'max.mueller2']);
  });

  it('of a username that another transaction holds: the loser retries with the next number', async () => {
    let inserted!: () => void;
    let release!: () => void;
    const insertedP = new Promise<void>((r) => (inserted = r));
    const gate = new Promise<void>((r) => (release = r));
    const holder = db.transaction(async (tx) => {
      const row = await createAccount(tx, {
        tenantId: t.tenant.id,
        kind: 'client',
        email: 'hanna.1@leute.example',
        firstName: 'Hanna',
        lastName: 'Halt',
        status: 'none',
      });
      inserted();
      await gate;
      return row;
    });
    await insertedP;
    // Its SELECT cannot see the uncommitted "hanna.halt", so its INSERT waits on the unique index.
    const contender = createContact(
      await ctxFor(db, t.tenant, adminOf(t)),
      contactForm({ firstName: 'Hanna', lastName: 'Halt', email: 'hanna.2@leute.example' }),
    );
    await untilSomebodyWaitsForALock();
    release();
    expect((await holder).username).toBe('hanna.halt');
    expect((await userRow((await contender).id)).username).toBe('hanna.halt2');
  });

  it('of four accounts with the same name: four distinct usernames', async () => {
    const created = await Promise.all(
      [1, 2, 3, 4].map(async (i) =>
        createContact(
          await ctxFor(db, t.tenant, adminOf(t)),
          contactForm({ firstName: 'Lena', lastName: 'Lang', email: `lena${i}@leute.example` }),
        ),
      ),
    );
    const names = await Promise.all(created.map(async (c) => (await userRow(c.id)).username));
    expect(names.sort()).toEqual(['lena.lang', 'lena.lang2', 'lena.lang3', 'lena.lang4']);
  });
});

/* ------------------------------------------------------------------ employees */

describe('employees', () => {
  it('createEmployee stores the account (invited) and queues PASSWORT-MAIL #1 with a 72-hour link', async () => {
    const { id } = await createEmployee(
      await ctxFor(db, t.tenant, adminOf(t)),
      employeeForm({
        firstName: 'Ines',
        lastName: 'Einladung',
        email: 'ines@leute.example',
        scope: 'own',
        right_insurance: 'none',
        right_finance: 'read',
      }),
    );
    const row = await userRow(id);
    expect(row).toMatchObject({
      kind: 'employee',
      role: 'employee',
      status: 'invited',
      username: 'ines.einladung',
      birthDate: '1980-02-01',
      scope: 'own',
      passwordHash: null,
      rights: { ...noRights, finance: 'read' },
    });
    const mails = await mailsTo('ines@leute.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'password-mail-1', status: 'pending', tenantId: t.tenant.id });
    expect(mails[0]!.subject).toContain(t.tenant.name);
    expect(mails[0]!.text).toContain('72 Stunden');
    const raw = await lastLink(t.tenant, 'ines@leute.example');
    const token = await tokenRow(raw);
    expect(token).toMatchObject({ userId: id, purpose: 'invite', usedAt: null, supersededAt: null, pinFailures: 0 });
    expect(token.expiresAt.getTime() - token.createdAt.getTime()).toBe(72 * 3600 * 1000);
    // Only the hash is stored.
    const rawStored = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM account_tokens WHERE token_hash = ${raw}`,
    );
    expect(rawStored[0]!.n).toBe(0);
    expect((await getEmployee(await ctxFor(db, t.tenant, adminOf(t)), id))?.link).toBe('open');
  });

  it('are managed by admins only: a non-admin gets forbidden and nothing is written', async () => {
    const victim = await createEmployee(
      await ctxFor(db, t.tenant, adminOf(t)),
      employeeForm({ firstName: 'Olga', lastName: 'Opfer', email: 'olga@leute.example' }),
    );
    const before = await counts(t.tenant.id);
    const clerk = actorOf({ id: victim.id, role: 'employee' }, { rights: allWrite, scope: 'all' });
    const client = { id: t.client.id, kind: 'client' as const, role: 'admin' as const };
    for (const actor of [clerk, client]) {
      await expect(
        createEmployee(
          await ctxFor(db, t.tenant, actor),
          employeeForm({ firstName: 'Nina', lastName: 'Nie', email: 'nie@leute.example' }),
        ),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        updateEmployee(await ctxFor(db, t.tenant, actor), {
          ...employeeForm({ email: 'admin@leute.example', role: 'employee' }),
          id: t.admin.id,
        }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        setEmployeeLocked(await ctxFor(db, t.tenant, actor), { id: t.admin.id, locked: true }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(resendInvitation(await ctxFor(db, t.tenant, actor), { id: victim.id })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    expect(await counts(t.tenant.id)).toEqual(before);
    expect((await userRow(t.admin.id)).role).toBe('admin');
  });

  it('an admin can neither demote nor lock themselves', async () => {
    await expect(
      updateEmployee(await ctxFor(db, t.tenant, adminOf(t)), {
        ...employeeForm({ firstName: 'Ada', lastName: 'Admin', email: 'admin@leute.example', role: 'employee' }),
        id: t.admin.id,
      }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      detail: { reason: 'self' },
    });
    await expect(
      setEmployeeLocked(await ctxFor(db, t.tenant, adminOf(t)), { id: t.admin.id, locked: true }),
    ).rejects.toMatchObject({ code: 'forbidden', detail: { reason: 'self' } });
    expect(await userRow(t.admin.id)).toMatchObject({ role: 'admin', status: 'active' });
  });

  it('the last admin cannot be demoted, even when two admins demote each other at the same moment', async () => {
    const m = await makeTenant(db, 'chefs');
    const bId = await activeEmployee(m, {
      firstName: 'Bea',
      lastName: 'Boss',
      email: 'bea@chefs.example',
      role: 'admin',
    });
    const a = adminOf(m);
    const b = actorOf({ id: bId, role: 'admin' });
    const results = await Promise.allSettled([
      updateEmployee(await ctxFor(db, m.tenant, a), {
        ...employeeForm({ firstName: 'Bea', lastName: 'Boss', email: 'bea@chefs.example', role: 'employee' }),
        id: bId,
      }),
      updateEmployee(await ctxFor(db, m.tenant, b), {
        ...employeeForm({ firstName: 'Ada', lastName: 'Admin', email: 'admin@chefs.example', role: 'employee' }),
        id: m.admin.id,
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'conflict', field: 'role', detail: { reason: 'last_admin' } });
    const admins = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, m.tenant.id), eq(users.role, 'admin')));
    expect(admins).toHaveLength(1);
    // The demoted one still holds a stale "admin" actor: locking or demoting the survivor fails too.
    const survivor = admins[0]!.id;
    const stale = survivor === bId ? a : b;
    await expect(
      setEmployeeLocked(await ctxFor(db, m.tenant, stale), { id: survivor, locked: true }),
    ).rejects.toMatchObject({ code: 'conflict', detail: { reason: 'last_admin' } });
    const survivorRow = await userRow(survivor);
    await expect(
      updateEmployee(await ctxFor(db, m.tenant, stale), {
        ...employeeForm({
          firstName: survivorRow.firstName,
          lastName: survivorRow.lastName,
          email: survivorRow.email,
          role: 'employee',
        }),
        id: survivor,
      }),
    ).rejects.toMatchObject({ code: 'conflict', detail: { reason: 'last_admin' } });
    expect(await userRow(survivor)).toMatchObject({ role: 'admin', status: 'active' });
  });

  it('the last unlocked admin cannot be locked, even when two admins lock each other at the same moment', async () => {
    const m = await makeTenant(db, 'sperre');
    const bId = await activeEmployee(m, {
      firstName: 'Bert',
      lastName: 'Boss',
      email: 'bert@sperre.example',
      role: 'admin',
    });
    const results = await Promise.allSettled([
      setEmployeeLocked(await ctxFor(db, m.tenant, adminOf(m)), { id: bId, locked: true }),
      setEmployeeLocked(await ctxFor(db, m.tenant, actorOf({ id: bId, role: 'admin' })), {
        id: m.admin.id,
        locked: true,
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
      code: 'conflict',
      detail: { reason: 'last_admin' },
    });
    const unlockedAdmins = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM users WHERE tenant_id = ${m.tenant.id} AND role = 'admin' AND status <> 'locked'`,
    );
    expect(unlockedAdmins[0]!.n).toBe(1);
  });

  it('locking ends every session at once; unlocking restores the state but not the sessions', async () => {
    const id = await activeEmployee(t, { firstName: 'Sven', lastName: 'Sitzung', email: 'sven@leute.example' });
    const s1 = await createSession(db, { tenantId: t.tenant.id, userId: id });
    const s2 = await createSession(db, { tenantId: t.tenant.id, userId: id });
    expect((await validateSession(db, s1, t.tenant.id))?.id).toBe(id);
    expect((await validateSession(db, s2, t.tenant.id))?.id).toBe(id);

    await setEmployeeLocked(await ctxFor(db, t.tenant, adminOf(t)), { id: id, locked: true });
    expect((await userRow(id)).status).toBe('locked');
    expect(await validateSession(db, s1, t.tenant.id)).toBeNull();
    expect(await validateSession(db, s2, t.tenant.id)).toBeNull();
    const open = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${id} AND revoked_at IS NULL`,
    );
    expect(open[0]!.n).toBe(0);
    expect(
      (await attemptLogin(await publicCtxFor(db, t.tenant), { login: 'sven.sitzung', password: GOOD, ip: nextIp() }))
        .ok,
    ).toBe(false);

    await setEmployeeLocked(await ctxFor(db, t.tenant, adminOf(t)), { id: id, locked: false });
    expect((await userRow(id)).status).toBe('active');
    expect(await validateSession(db, s1, t.tenant.id)).toBeNull();
    const s3 = await createSession(db, { tenantId: t.tenant.id, userId: id });
    expect((await validateSession(db, s3, t.tenant.id))?.id).toBe(id);
    await db.delete(sessions).where(eq(sessions.userId, id));
  });

  it('locking an invited employee makes the link unusable; unlocking returns them to invited', async () => {
    const { id } = await createEmployee(
      await ctxFor(db, t.tenant, adminOf(t)),
      employeeForm({ firstName: 'Gerd', lastName: 'Gesperrt', email: 'gerd@leute.example' }),
    );
    const raw = await lastLink(t.tenant, 'gerd@leute.example');
    await setEmployeeLocked(await ctxFor(db, t.tenant, adminOf(t)), { id: id, locked: true });
    expect((await inspectToken(db, t.tenant.id, raw)).state).toBe('expired');
    expect(await activate(t.tenant, raw, '01021980')).toMatchObject({ ok: false, code: 'link' });
    await setEmployeeLocked(await ctxFor(db, t.tenant, adminOf(t)), { id: id, locked: false });
    expect((await userRow(id)).status).toBe('invited');
  });

  it('resendInvitation replaces the link; only invited employees get one', async () => {
    const { id } = await createEmployee(
      await ctxFor(db, t.tenant, adminOf(t)),
      employeeForm({ firstName: 'Rita', lastName: 'Resend', email: 'rita@leute.example' }),
    );
    const first = await lastLink(t.tenant, 'rita@leute.example');
    await resendInvitation(await ctxFor(db, t.tenant, adminOf(t)), { id });
    const second = await lastLink(t.tenant, 'rita@leute.example');
    expect(second).not.toBe(first);
    expect(await mailsTo('rita@leute.example')).toHaveLength(2);
    expect((await inspectToken(db, t.tenant.id, first)).state).toBe('superseded');
    expect(await activate(t.tenant, first, '01021980')).toMatchObject({ ok: false, code: 'link' });
    expect(await activate(t.tenant, second, '01.02.1980')).toMatchObject({
      ok: true,
      data: { username: 'rita.resend', kind: 'employee', purpose: 'invite' },
    });
    await expect(resendInvitation(await ctxFor(db, t.tenant, adminOf(t)), { id })).rejects.toMatchObject({
      code: 'conflict',
      detail: { reason: 'state' },
    });
    await expect(resendInvitation(await ctxFor(db, t.tenant, adminOf(t)), { id: t.client.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      resendInvitation(await ctxFor(db, t.tenant, adminOf(t)), { id: other.admin.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

/* ------------------------------------------------------------------ activation */

describe('activation (PASSWORTVERGABE)', () => {
  it('with a valid link, the right PIN and a good password: active, PASSWORT-MAIL #2 with the username', async () => {
    const { id, token } = await invitedContact(t, {
      firstName: 'Anton',
      lastName: 'Aktiv',
      email: 'anton@leute.example',
      birthDate: '03.04.1985',
    });
    expect(await getContact(await ctxFor(db, t.tenant.id, adminOf(t)), id)).toMatchObject({
      status: 'invited',
      link: 'open',
    });

    const result = await activate(t.tenant, token, '03041985');
    expect(result).toEqual({ ok: true, data: { username: 'anton.aktiv', kind: 'client', purpose: 'invite' } });

    const row = await userRow(id);
    expect(row.status).toBe('active');
    expect(row.passwordChangedAt).not.toBeNull();
    expect(await verifyPassword(row.passwordHash!, GOOD)).toBe(true);
    expect((await tokenRow(token)).usedAt).not.toBeNull();

    const mails = await mailsTo('anton@leute.example');
    expect(mails.map((m) => m.template)).toEqual(['password-mail-1', 'password-mail-2']);
    expect(mails[1]!.text).toContain('anton.aktiv');
    expect(mails[1]!.html).toContain('anton.aktiv');
    expect(mails[1]!.text).toMatch(new RegExp(`http://leute\\.localhost(:\\d+)?/login`));

    expect(
      (await attemptLogin(await publicCtxFor(db, t.tenant), { login: 'anton.aktiv', password: GOOD, ip: nextIp() })).ok,
    ).toBe(true);
    expect((await getContact(await ctxFor(db, t.tenant.id, adminOf(t)), id))?.link).toBe('used');
  });

  it('refuses a replay of the used link (code link), without touching the password or mailing again', async () => {
    const { id, token } = await invitedContact(t, {
      firstName: 'Rolf',
      lastName: 'Replay',
      email: 'rolf@leute.example',
    });
    expect((await activate(t.tenant, token, '01021980')).ok).toBe(true);
    const hash = (await userRow(id)).passwordHash;
    const replay = await activate(t.tenant, token, '01021980', 'Ein ganz anderes Passwort 42');
    expect(replay).toMatchObject({ ok: false, code: 'link' });
    expect((await userRow(id)).passwordHash).toBe(hash);
    expect(await mailsTo('rolf@leute.example')).toHaveLength(2);
  });

  it('accepts exactly one of several simultaneous uses of the same link', async () => {
    const { token } = await invitedContact(t, {
      firstName: 'Doris',
      lastName: 'Doppelklick',
      email: 'doris@leute.example',
    });
    const results = await Promise.all([
      activate(t.tenant, token, '01021980'),
      activate(t.tenant, token, '01021980'),
      activate(t.tenant, token, '01021980'),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'link')).toBe(true);
    expect((await mailsTo('doris@leute.example')).filter((m) => m.template === 'password-mail-2')).toHaveLength(1);
  });

  it('a weak password is refused before the PIN is checked; a wrong PIN is counted once and the link stays usable', async () => {
    const { token } = await invitedContact(t, { firstName: 'Wilma', lastName: 'Weich', email: 'wilma@leute.example' });
    const weak = await activate(t.tenant, token, '02021980', 'password1234');
    expect(weak).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { password: expect.any(String) } });
    const personal = await activate(t.tenant, token, '01021980', 'wilma.weich2024');
    expect(personal).toMatchObject({ ok: false, code: 'invalid' });
    expect((await tokenRow(token)).pinFailures).toBe(0);

    const wrong = await activate(t.tenant, token, '02011980');
    expect(wrong).toMatchObject({ ok: false, code: 'pin', fieldErrors: { pin: expect.any(String) } });
    expect(await tokenRow(token)).toMatchObject({ pinFailures: 1, usedAt: null });
    expect(await activate(t.tenant, token, '01.02.1980')).toMatchObject({ ok: true });
  });

  it('an invitation link is valid for 72 hours and then refused (code link)', async () => {
    const { id, token } = await invitedContact(t, {
      firstName: 'Eike',
      lastName: 'Abgelaufen',
      email: 'eike@leute.example',
    });
    const row = await tokenRow(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(72 * 3600 * 1000);
    await db.execute(
      sql`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = ${hashToken(token)}`,
    );
    expect((await inspectToken(db, t.tenant.id, token)).state).toBe('expired');
    expect(await activate(t.tenant, token, '01021980')).toMatchObject({ ok: false, code: 'link' });
    expect(await latestLinkState(db, t.tenant.id, id)).toBe('expired');
    expect((await userRow(id)).status).toBe('invited');
  });

  it('sending the registration mail again invalidates the older link', async () => {
    const { id, token: first } = await invitedContact(t, {
      firstName: 'Nora',
      lastName: 'Nochmal',
      email: 'nora@leute.example',
    });
    await sendRegistrationMail(await ctxFor(db, t.tenant, adminOf(t)), { id });
    const second = await lastLink(t.tenant, 'nora@leute.example');
    expect(second).not.toBe(first);
    expect((await inspectToken(db, t.tenant.id, first)).state).toBe('superseded');
    expect(await activate(t.tenant, first, '01021980')).toMatchObject({ ok: false, code: 'link' });
    expect((await tokenRow(first)).usedAt).toBeNull();
    expect(await activate(t.tenant, second, '01021980')).toMatchObject({ ok: true });
    await expect(sendRegistrationMail(await ctxFor(db, t.tenant, adminOf(t)), { id })).rejects.toMatchObject({
      code: 'conflict',
      detail: { reason: 'state' },
    });
  });

  it('the registration mail needs the account first', async () => {
    const { id } = await createContact(
      await ctxFor(db, t.tenant, adminOf(t)),
      contactForm({ firstName: 'Olaf', lastName: 'Ohnekonto', email: 'olaf@leute.example' }),
    );
    await expect(sendRegistrationMail(await ctxFor(db, t.tenant, adminOf(t)), { id })).rejects.toMatchObject({
      code: 'conflict',
      detail: { reason: 'state' },
    });
    expect(await mailsTo('olaf@leute.example')).toHaveLength(0);
    await createContactAccount(await ctxFor(db, t.tenant, adminOf(t)), { id });
    expect((await userRow(id)).status).toBe('created');
    await expect(createContactAccount(await ctxFor(db, t.tenant, adminOf(t)), { id })).rejects.toMatchObject({
      code: 'conflict',
      detail: { reason: 'state' },
    });
  });

  it('20 parallel wrong PINs: exactly 5 are counted, then the link is burned even for the right PIN', async () => {
    const { id, token } = await invitedContact(t, {
      firstName: 'Bruno',
      lastName: 'Brute',
      email: 'bruno@leute.example',
    });
    const results = await Promise.all(Array.from({ length: 20 }, () => activate(t.tenant, token, '02011980')));
    expect((await tokenRow(token)).pinFailures).toBe(5);
    const codes = results.map((r) => (r.ok ? 'ok' : r.code));
    expect(codes.filter((c) => c === 'pin')).toHaveLength(4);
    expect(codes.filter((c) => c === 'burned')).toHaveLength(16);

    expect(await activate(t.tenant, token, '01021980')).toMatchObject({ ok: false, code: 'burned' });
    expect((await inspectToken(db, t.tenant.id, token)).state).toBe('burned');
    expect(await latestLinkState(db, t.tenant.id, id)).toBe('burned');
    expect((await getContact(await ctxFor(db, t.tenant.id, adminOf(t)), id))?.link).toBe('burned');
    expect(await userRow(id)).toMatchObject({ status: 'invited', passwordHash: null });

    // The advisor sends a new mail: the new link works.
    await sendRegistrationMail(await ctxFor(db, t.tenant, adminOf(t)), { id });
    expect(await activate(t.tenant, await lastLink(t.tenant, 'bruno@leute.example'), '01021980')).toMatchObject({
      ok: true,
    });
  });

  it('a burnt link is written to the audit log once, as an activity of the contact', async () => {
    const { id, token } = await invitedContact(t, {
      firstName: 'Vera',
      lastName: 'Verbrannt',
      email: 'vera@leute.example',
    });
    await Promise.all(Array.from({ length: 12 }, () => activate(t.tenant, token, '02011980')));
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, t.tenant.id), eq(auditLog.targetId, id)));
    expect(rows.filter((r) => r.action === 'auth.pin.failed')).toHaveLength(5);
    expect(rows.filter((r) => r.action === 'auth.link.burned')).toHaveLength(1);
    expect(activityLabel('de', 'auth.link.burned')).toMatch(/gesperrt/);
  });

  it('parallel guesses with the right PIN among them: at most 5 are compared, and the right one wins only within those 5', async () => {
    for (const [n, position] of [
      [0, 0],
      [1, 4],
      [2, 5],
      [3, 9],
    ] as const) {
      const { id, token } = await invitedContact(t, {
        firstName: 'Rita',
        lastName: `Rennen${'abcd'[n]}`,
        email: `rita${n}@leute.example`,
      });
      const pins = Array.from({ length: 10 }, (_, i) => (i === position ? '01021980' : `0${(i % 8) + 2}011980`));
      const results = await Promise.all(pins.map((pin) => activate(t.tenant, token, pin)));
      const row = await tokenRow(token);
      expect(row.pinFailures, 'the counter is the number of comparisons').toBeLessThanOrEqual(5);
      const right = results[position]!;
      const codes = results.map((r) => (r.ok ? 'ok' : r.code));
      if (right.ok) {
        // Guesses that came after the activation find the link used.
        expect(
          codes.every((c) => c === 'ok' || c === 'pin' || c === 'burned' || c === 'link'),
          codes.join(),
        ).toBe(true);
        expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
        expect(row.usedAt).not.toBeNull();
        const [activated] = await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'auth.account.activated')));
        expect((activated!.meta as { pinAttempt: number }).pinAttempt).toBeLessThanOrEqual(5);
        expect(codes.filter((c) => c === 'pin').length).toBeLessThanOrEqual(4);
      } else {
        // No answer stands out: a right PIN that came too late gets the same answer as the wrong ones.
        expect(
          codes.every((c) => c === 'pin' || c === 'burned'),
          codes.join(),
        ).toBe(true);
        expect(right).toMatchObject({ ok: false, code: 'burned' });
        expect(row).toMatchObject({ pinFailures: 5, usedAt: null });
        expect(codes.filter((c) => c === 'pin')).toHaveLength(4);
      }
    }
  });

  it('10 PIN failures per account and 24 hours: every further link of that account is refused until the window passes', async () => {
    const { id, token: first } = await invitedContact(t, {
      firstName: 'Karla',
      lastName: 'Kappung',
      email: 'karla@leute.example',
    });
    await Promise.all(Array.from({ length: 8 }, () => activate(t.tenant, first, '02011980')));
    expect((await tokenRow(first)).pinFailures).toBe(5);
    await sendRegistrationMail(await ctxFor(db, t.tenant, adminOf(t)), { id });
    const second = await lastLink(t.tenant, 'karla@leute.example');
    const results = await Promise.all(Array.from({ length: 8 }, () => activate(t.tenant, second, '02011980')));
    expect((await tokenRow(second)).pinFailures).toBe(5);
    expect(
      results.filter((r) => !r.ok && r.code === 'throttled' && r.message === accountLockedText).length,
    ).toBeGreaterThanOrEqual(1);

    // A third link: refused with a clear message, even with the right PIN, and nothing is counted on it.
    await sendRegistrationMail(await ctxFor(db, t.tenant, adminOf(t)), { id });
    const third = await lastLink(t.tenant, 'karla@leute.example');
    expect(await activate(t.tenant, third, '01021980')).toEqual({
      ok: false,
      code: 'throttled',
      message: accountLockedText,
    });
    expect(accountLockedText).toMatch(/24 Stunden/);
    expect(await tokenRow(third)).toMatchObject({ pinFailures: 0, usedAt: null });
    expect(await userRow(id)).toMatchObject({ status: 'invited', passwordHash: null });
    const locked = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'auth.pin.account_locked')));
    expect(locked).toHaveLength(1);

    // Other accounts are not affected.
    const { token: neighbour } = await invitedContact(t, {
      firstName: 'Nele',
      lastName: 'Nachbarin',
      email: 'nele@leute.example',
    });
    expect(await activate(t.tenant, neighbour, '01021980')).toMatchObject({ ok: true });

    // After 24 hours the link works again.
    await db.execute(
      sql`UPDATE auth_throttle SET window_start = now() - interval '24 hours 1 second' WHERE key LIKE 'pin-acct:%'`,
    );
    expect(await activate(t.tenant, third, '01021980')).toMatchObject({ ok: true });
  });

  it('20 PIN failures per IP and hour, also when sent in parallel across several links', async () => {
    const links = await Promise.all(
      Array.from(
        { length: 5 },
        async (_, i) =>
          (
            await invitedContact(t, {
              firstName: 'Ina',
              lastName: `Adresse${'abcde'[i]}`,
              email: `ina${i}@leute.example`,
            })
          ).token,
      ),
    );
    const ip = '192.0.2.44';
    const results = await Promise.all(
      links.flatMap((token) => Array.from({ length: 5 }, () => activate(t.tenant, token, '02011980', GOOD, ip))),
    );
    const counted = (await Promise.all(links.map(tokenRow))).reduce((sum, row) => sum + row.pinFailures, 0);
    expect(counted).toBe(20);
    expect(results.filter((r) => !r.ok && r.code === 'throttled')).toHaveLength(5);
    // The address stays blocked, even for a right PIN.
    expect(await activate(t.tenant, links[0]!, '01021980', GOOD, ip)).toMatchObject({ ok: false, code: 'throttled' });
  });

  it('inspecting a link (the GET of the page, mail scanners) does not consume it', async () => {
    const { id, token } = await invitedContact(t, {
      firstName: 'Sina',
      lastName: 'Scanner',
      email: 'sina@leute.example',
    });
    for (let i = 0; i < 3; i++) {
      const info = await inspectToken(db, t.tenant.id, token);
      expect(info).toMatchObject({
        state: 'valid',
        purpose: 'invite',
        pinFailures: 0,
        user: { id, username: 'sina.scanner', firstName: 'Sina' },
      });
    }
    expect(await tokenRow(token)).toMatchObject({ usedAt: null, pinFailures: 0, supersededAt: null });
    expect(await latestLinkState(db, t.tenant.id, id)).toBe('open');
    expect(await activate(t.tenant, token, '01021980')).toMatchObject({ ok: true });
  });

  it('a link works on its own tenant only; malformed links are unknown', async () => {
    const { token } = await invitedContact(t, { firstName: 'Till', lastName: 'Tenant', email: 'till@leute.example' });
    expect((await inspectToken(db, other.tenant.id, token)).state).toBe('unknown');
    expect(await activate(other.tenant, token, '01021980')).toMatchObject({ ok: false, code: 'link' });
    expect((await inspectToken(db, t.tenant.id, 'x'.repeat(43))).state).toBe('unknown');
    expect((await inspectToken(db, t.tenant.id, "'; DROP TABLE users; --")).state).toBe('unknown');
    expect(await activate(t.tenant, token, '01021980')).toMatchObject({ ok: true });
  });
});

/* ------------------------------------------------------------------ password reset */

describe('password reset', () => {
  let resetUser: { id: string; email: string };
  beforeAll(async () => {
    const { id, token } = await invitedContact(t, {
      firstName: 'Rainer',
      lastName: 'Reset',
      email: 'rainer@leute.example',
      birthDate: '05.06.1970',
    });
    expect((await activate(t.tenant, token, '05061970')).ok).toBe(true);
    resetUser = { id, email: 'rainer@leute.example' };
  });

  it('answers the same for an existing and an unknown login; only the existing one gets a mail', async () => {
    const before = await counts(t.tenant.id);
    const beforeMails = (await mailsTo(resetUser.email)).length;
    const known = await requestPasswordReset(await publicCtxFor(db, t.tenant), { login: 'RAINER.RESET', ip: nextIp() });
    const afterKnown = await counts(t.tenant.id);
    const unknown = await requestPasswordReset(await publicCtxFor(db, t.tenant), { login: 'niemand.da', ip: nextIp() });
    const unknownMail = await requestPasswordReset(await publicCtxFor(db, t.tenant), {
      login: 'niemand@leute.example',
      ip: nextIp(),
    });
    const afterUnknown = await counts(t.tenant.id);
    expect(known).toBeUndefined();
    expect(unknown).toBe(known);
    expect(unknownMail).toBe(known);
    expect(afterKnown.outbox - before.outbox).toBe(1);
    expect(afterUnknown.outbox).toBe(afterKnown.outbox);
    expect(afterUnknown.tokens).toBe(afterKnown.tokens);
    const mails = await mailsTo(resetUser.email);
    expect(mails).toHaveLength(beforeMails + 1);
    expect(mails.at(-1)!.template).toBe('password-reset');
    expect(mails.at(-1)!.text).toContain('60 Minuten');
    await lastLink(t.tenant, resetUser.email, 'reset');
  });

  it('answers an unknown login about as fast as an existing one (no account enumeration by timing)', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      let start = performance.now();
      await requestPasswordReset(await publicCtxFor(db, t.tenant), { login: 'rainer.reset', ip: nextIp() });
      known.push(performance.now() - start);
      start = performance.now();
      await requestPasswordReset(await publicCtxFor(db, t.tenant), { login: `niemand.${i}`, ip: nextIp() });
      unknown.push(performance.now() - start);
    }
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    // A missing account must not answer measurably faster (without the answer floor: 10 vs 20 ms, ratio 0.49).
    expect(median(unknown), `known ${median(known).toFixed(1)} ms`).toBeGreaterThan(median(known) * 0.8);
    expect(Math.min(...known, ...unknown)).toBeGreaterThanOrEqual(resetPolicy.answerAfterMs - 1);
  });

  it('finds the account by e-mail too, and a new request replaces the older link', async () => {
    await requestPasswordReset(await publicCtxFor(db, t.tenant), { login: 'rainer.reset', ip: nextIp() });
    const first = await lastLink(t.tenant, resetUser.email, 'reset');
    await requestPasswordReset(await publicCtxFor(db, t.tenant), { login: ' Rainer@LEUTE.example ', ip: nextIp() });
    const second = await lastLink(t.tenant, resetUser.email, 'reset');
    expect(second).not.toBe(first);
    expect((await inspectToken(db, t.tenant.id, first)).state).toBe('superseded');
  });

  it('a reset link is valid for 60 minutes and then refused', async () => {
    await requestPasswordReset(await publicCtxFor(db, t.tenant), { login: 'rainer.reset', ip: nextIp() });
    const raw = await lastLink(t.tenant, resetUser.email, 'reset');
    const row = await tokenRow(raw);
    expect(row.purpose).toBe('reset');
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(60 * 60 * 1000);
    await db.execute(
      sql`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = ${hashToken(raw)}`,
    );
    expect(await activate(t.tenant, raw, '05061970', 'Neues Passwort für Rainer 1')).toMatchObject({
      ok: false,
      code: 'link',
    });
  });

  it('a valid reset sets the new password, ends all sessions and sends no username mail', async () => {
    const session = await createSession(db, { tenantId: t.tenant.id, userId: resetUser.id });
    expect(await validateSession(db, session, t.tenant.id)).not.toBeNull();
    await requestPasswordReset(await publicCtxFor(db, t.tenant), { login: 'rainer.reset', ip: nextIp() });
    const raw = await lastLink(t.tenant, resetUser.email, 'reset');
    const mailsBefore = (await mailsTo(resetUser.email)).length;
    const next = 'Neues Passwort für Rainer 1';
    expect(await activate(t.tenant, raw, '05061970', next)).toEqual({
      ok: true,
      data: { username: 'rainer.reset', kind: 'client', purpose: 'reset' },
    });
    expect(await verifyPassword((await userRow(resetUser.id)).passwordHash!, next)).toBe(true);
    expect(await validateSession(db, session, t.tenant.id)).toBeNull();
    expect(await mailsTo(resetUser.email)).toHaveLength(mailsBefore);
  });

  it('sends nothing for accounts that have not set a password yet, or are locked', async () => {
    const { id } = await invitedContact(t, { firstName: 'Ida', lastName: 'Invited', email: 'ida@leute.example' });
    const before = (await mailsTo('ida@leute.example')).length;
    await requestPasswordReset(await publicCtxFor(db, t.tenant), { login: 'ida.invited', ip: nextIp() });
    expect(await mailsTo('ida@leute.example')).toHaveLength(before);
    expect((await userRow(id)).status).toBe('invited');

    const locked = await activeEmployee(t, { firstName: 'Lutz', lastName: 'Locked', email: 'lutz@leute.example' });
    await setEmployeeLocked(await ctxFor(db, t.tenant, adminOf(t)), { id: locked, locked: true });
    const lockedBefore = (await mailsTo('lutz@leute.example')).length;
    await requestPasswordReset(await publicCtxFor(db, t.tenant), { login: 'lutz@leute.example', ip: nextIp() });
    expect(await mailsTo('lutz@leute.example')).toHaveLength(lockedBefore);
  });

  it('stops after 10 requests per IP and hour', async () => {
    const ip = nextIp();
    const before = (await mailsTo(resetUser.email)).length;
    for (let i = 0; i < 12; i++)
      await requestPasswordReset(await publicCtxFor(db, t.tenant), { login: 'rainer.reset', ip });
    expect(await mailsTo(resetUser.email)).toHaveLength(before + 10);
  });

  it('an active account without a stored birth date (the first admin of tenant:create) is never sent a link it cannot complete', async () => {
    // makeTenant, like scripts/tenant-create.ts, creates the admin without a birth date, i.e. without a PIN.
    expect((await userRow(t.admin.id)).birthDate).toBeNull();
    const before = (await mailsTo(t.admin.email)).length;
    await requestPasswordReset(await publicCtxFor(db, t.tenant), { login: t.admin.username, ip: nextIp() });
    const mails = await mailsTo(t.admin.email);
    if (mails.length === before) return; // no link sent: fine
    const raw = await lastLink(t.tenant, t.admin.email, 'reset');
    // A link was sent, so some PIN must complete it. With no birth date stored, none does.
    const result = await activate(t.tenant, raw, '01011970', 'Neues Admin Passwort 2026');
    expect(result, 'the reset mail asks for a PIN (birth date) that does not exist for this account').toMatchObject({
      ok: true,
    });
  });
});

/* ------------------------------------------------------------------ contact list */

describe('contact list', () => {
  let l: Made;
  let foreign: Made;
  let own1: EmployeeLike;
  let own2: EmployeeLike;
  let seesAll: EmployeeLike;
  const contacts: { id: string; firstName: string; lastName: string; email: string; advisor: 'e1' | 'e2' | null }[] =
    [];
  const foreignIds: string[] = [];
  const LAST = [
    'Müller',
    'mueller',
    'MÜLLER',
    'Meyer',
    'Maier',
    'Özdemir',
    'Ärger',
    'Übel',
    'Zander',
    'de Vries',
    'Schmidt',
    'schmidt',
    'Ölmann',
    'Abel',
    'Ångström',
    'Straße',
  ];
  const FIRST = ['Max', 'anna', 'Ärne', 'Zoe', 'Émile', 'Ute', 'Bernd'];

  beforeAll(async () => {
    l = await makeTenant(db, 'liste');
    foreign = await makeTenant(db, 'fremd');
    const e1 = await createEmployee(
      await ctxFor(db, l.tenant, adminOf(l)),
      employeeForm({ firstName: 'Eins', lastName: 'Eigen', email: 'e1@liste.example', scope: 'own' }),
    );
    const e2 = await createEmployee(
      await ctxFor(db, l.tenant, adminOf(l)),
      employeeForm({ firstName: 'Zwei', lastName: 'Eigen', email: 'e2@liste.example', scope: 'own' }),
    );
    own1 = actorOf({ id: e1.id, role: 'employee' }, { rights: { ...noRights, insurance: 'write' }, scope: 'own' });
    own2 = actorOf({ id: e2.id, role: 'employee' }, { rights: { ...noRights, finance: 'read' }, scope: 'own' });
    seesAll = actorOf({ id: e2.id, role: 'employee' }, { rights: { ...noRights, finance: 'read' }, scope: 'all' });
    for (let i = 0; i < 120; i++) {
      const firstName = FIRST[i % FIRST.length]!;
      const lastName = LAST[i % LAST.length]!;
      const email = i % 10 === 0 ? `k${i}@sonder-firma.example` : `kontakt${i}@liste.example`;
      // Every third is created by E1 without choosing an advisor: E1 becomes the BETREUER.
      const advisor = i % 3 === 0 ? 'e1' : i % 3 === 1 ? 'e2' : null;
      const actor = advisor === 'e1' ? own1 : adminOf(l);
      const { id } = await createContact(
        await ctxFor(db, l.tenant, actor),
        contactForm({ firstName, lastName, email, advisorId: advisor === 'e2' ? e2.id : '' }),
      );
      contacts.push({ id, firstName, lastName, email, advisor });
    }
    // Ties in created_at (same microsecond) must be broken by id.
    await db.execute(
      sql`UPDATE users SET created_at = '2025-06-01 10:00:00.123456+00' WHERE tenant_id = ${l.tenant.id} AND email ~ '^kontakt[0-9]*[05]@'`,
    );
    for (let i = 0; i < 5; i++) {
      const { id } = await createContact(
        await ctxFor(db, foreign.tenant, adminOf(foreign)),
        contactForm({ firstName: 'Max', lastName: 'Müller', email: `kontakt${i}@liste.example` }),
      );
      foreignIds.push(id);
    }
  });

  async function everyPage(actor: EmployeeLike, options: { q?: string; sort?: 'name' | 'created' }, limit: number) {
    const ids: string[] = [];
    let after: string | undefined;
    for (let page = 0; ; page++) {
      expect(page).toBeLessThan(500);
      const result = await listContacts(await ctxFor(db, l.tenant.id, actor), { ...options, after, limit });
      expect(result.items.length).toBeLessThanOrEqual(limit);
      ids.push(...result.items.map((i) => i.id));
      if (!result.next) break;
      expect(result.items).toHaveLength(limit);
      after = result.next;
    }
    return ids;
  }

  it('the contact pinned after KONTAKT ERSTELLEN (`only`) stays within tenant and scope', async () => {
    const only = async (actor: EmployeeLike, id: string) =>
      (await listContacts(await ctxFor(db, l.tenant.id, actor), { only: id, limit: 1 })).items.map((i) => i.id);
    const mine = contacts.find((c) => c.advisor === 'e1')!;
    const theirs = contacts.find((c) => c.advisor === 'e2')!;
    expect(await only(adminOf(l), mine.id)).toEqual([mine.id]);
    expect(await only(adminOf(l), foreignIds[0]!)).toEqual([]); // the other tenant
    expect(await only(own1, mine.id)).toEqual([mine.id]);
    expect(await only(own1, theirs.id)).toEqual([]); // outside the employee's scope
    expect(await only(adminOf(l), 'kein-uuid')).toEqual([]); // a forged parameter
  });

  it('admins see every contact of the tenant (and only those)', async () => {
    const all = await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { limit: 1000 });
    expect(all.next).toBeNull();
    const ids = all.items.map((i) => i.id);
    expect(new Set(ids)).toEqual(new Set([...contacts.map((c) => c.id), l.client.id]));
    for (const id of foreignIds) expect(ids).not.toContain(id);
  });

  it.each(['name', 'created'] as const)(
    'pages of 50 (sort %s) return every contact exactly once, in order',
    async (sort) => {
      const reference = (
        await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { sort, limit: 1000 })
      ).items.map((i) => i.id);
      expect(reference).toHaveLength(121);
      const paged = await everyPage(adminOf(l), { sort }, 50);
      expect(paged).toEqual(reference);
      expect(new Set(paged).size).toBe(121);
    },
  );

  it.each([
    ['name', 7],
    ['name', 1],
    ['created', 7],
    ['created', 1],
  ] as const)(
    'small pages (sort %s, %i per page) across umlauts, case variants and created_at ties stay exact',
    async (sort, limit) => {
      const reference = (
        await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { sort, limit: 1000 })
      ).items.map((i) => i.id);
      expect(await everyPage(adminOf(l), { sort }, limit)).toEqual(reference);
    },
  );

  /** All pages of a name-sorted listing (at most 30 pages, so an endless cursor loop ends the test). */
  async function pagesByName(tenantId: string, actor: EmployeeLike, limit: number) {
    const ids: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 30; page++) {
      const result = await listContacts(await ctxFor(db, tenantId, actor), { sort: 'name', after, limit });
      ids.push(...result.items.map((i) => i.id));
      if (!result.next) break;
      after = result.next;
    }
    return ids;
  }

  async function tenantWith(slug: string, people: [string, string][]) {
    const m = await makeTenant(db, slug);
    for (const [i, [firstName, lastName]] of people.entries()) {
      await createContact(
        await ctxFor(db, m.tenant, adminOf(m)),
        contactForm({ firstName, lastName, email: `person${i}@${slug}.example` }),
      );
    }
    const reference = (
      await listContacts(await ctxFor(db, m.tenant.id, adminOf(m)), { sort: 'name', limit: 1000 })
    ).items.map((i) => i.id);
    expect(reference).toHaveLength(people.length + 1);
    return { m, reference };
  }

  it('pages by name without skipping contacts whose name starts with a Turkish İ', async () => {
    // JS: 'İnce'.toLowerCase() === 'i̇nce' (i + U+0307); PostgreSQL lower('İnce') === 'ince'.
    const { m, reference } = await tenantWith('tuerkisch', [
      ['Ayşe', 'İnce'],
      ['Emre', 'İnce'],
      ['Zeynep', 'İnce'],
      ['Ali', 'Inan'],
      ['Deniz', 'Işık'],
      ['Jana', 'Kaya'],
    ]);
    for (const limit of [1, 2])
      expect(await pagesByName(m.tenant.id, adminOf(m), limit), `pages of ${limit}`).toEqual(reference);
  });

  it('pages by name without repeating a contact whose name ends in a capital Σ', async () => {
    // JS lower-cases a final Σ to ς, PostgreSQL to σ: the cursor sorts before its own row.
    const { m, reference } = await tenantWith('griechisch', [
      ['Nikos', 'ΠΑΠΑΔΟΠΟΥΛΟΣ'],
      ['Eleni', 'ΠΑΠΑΔΟΠΟΥΛΟΣ'],
      ['Jana', 'Kaya'],
    ]);
    for (const limit of [1, 2])
      expect(await pagesByName(m.tenant.id, adminOf(m), limit), `pages of ${limit}`).toEqual(reference);
  });

  it('sorts by name case-insensitively, then by first name', async () => {
    const items = (await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { sort: 'name', limit: 1000 })).items;
    const schmidts = items.filter((i) => i.lastName.toLowerCase() === 'schmidt');
    expect(schmidts.length).toBeGreaterThan(2);
    // "Schmidt" and "schmidt" interleave by first name instead of forming two blocks.
    const firsts = schmidts.map((i) => i.firstName.toLowerCase());
    expect([...firsts].sort()).toEqual(firsts);
  });

  it('sorts by creation, newest first', async () => {
    const items = (await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { sort: 'created', limit: 1000 }))
      .items;
    for (let i = 1; i < items.length; i++)
      expect(items[i - 1]!.createdAt.getTime()).toBeGreaterThanOrEqual(items[i]!.createdAt.getTime());
  });

  it('scope "own": an employee sees only the contacts they advise, also when paging and searching', async () => {
    const mine = contacts.filter((c) => c.advisor === 'e1').map((c) => c.id);
    const theirs = contacts.filter((c) => c.advisor === 'e2').map((c) => c.id);
    expect(mine.length).toBe(40);
    const seen1 = await everyPage(own1, { sort: 'name' }, 15);
    expect(new Set(seen1)).toEqual(new Set(mine));
    expect(seen1).toHaveLength(mine.length);
    expect(new Set(await everyPage(own2, { sort: 'created' }, 15))).toEqual(new Set(theirs));
    const searched = await everyPage(own1, { q: 'müller' }, 5);
    expect(searched.length).toBeGreaterThan(0);
    expect(searched.every((id) => mine.includes(id))).toBe(true);
    // Scope "all" sees everything.
    expect(await everyPage(seesAll, { sort: 'name' }, 50)).toHaveLength(121);
  });

  it('getContact respects the scope and the tenant', async () => {
    const mine = contacts.find((c) => c.advisor === 'e1')!;
    const theirs = contacts.find((c) => c.advisor === 'e2')!;
    const nobody = contacts.find((c) => c.advisor === null)!;
    expect(await getContact(await ctxFor(db, l.tenant.id, own1), mine.id)).toMatchObject({
      id: mine.id,
      email: mine.email,
      city: 'Köln',
      link: 'none',
    });
    expect(await getContact(await ctxFor(db, l.tenant.id, own1), theirs.id)).toBeNull();
    expect(await getContact(await ctxFor(db, l.tenant.id, own1), nobody.id)).toBeNull();
    expect(await getContact(await ctxFor(db, l.tenant.id, seesAll), theirs.id)).not.toBeNull();
    expect(await getContact(await ctxFor(db, l.tenant.id, adminOf(l)), foreignIds[0]!)).toBeNull();
    expect(await getContact(await ctxFor(db, l.tenant.id, adminOf(l)), l.admin.id)).toBeNull(); // employees are not contacts
    expect(await getContact(await ctxFor(db, l.tenant.id, adminOf(l)), 'not-a-uuid')).toBeNull();
  });

  it('an own-scope employee cannot change or open other advisors’ contacts', async () => {
    const theirs = contacts.find((c) => c.advisor === 'e2')!;
    await expect(
      updateContact(await ctxFor(db, l.tenant, own1), {
        ...contactForm({ firstName: 'X', lastName: 'Y', email: theirs.email }),
        id: theirs.id,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(sendRegistrationMail(await ctxFor(db, l.tenant, own1), { id: theirs.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(createContactAccount(await ctxFor(db, l.tenant, own1), { id: theirs.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await userRow(theirs.id)).firstName).toBe(theirs.firstName);
    // Read-only employees cannot create contacts.
    await expect(
      createContact(await ctxFor(db, l.tenant, own2), contactForm({ email: 'nope@liste.example' })),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses a BETREUER who is not an employee of this tenant', async () => {
    for (const advisorId of [foreign.admin.id, l.client.id, '00000000-0000-4000-8000-000000000000']) {
      await expect(
        createContact(
          await ctxFor(db, l.tenant, adminOf(l)),
          contactForm({ email: 'betreuer@liste.example', advisorId }),
        ),
      ).rejects.toMatchObject({ code: 'invalid', field: 'advisorId', detail: { reason: 'advisor' } });
    }
    const target = contacts.find((c) => c.advisor === null)!;
    await expect(
      updateContact(await ctxFor(db, l.tenant, adminOf(l)), {
        ...contactForm({
          firstName: target.firstName,
          lastName: target.lastName,
          email: target.email,
          advisorId: foreign.admin.id,
        }),
        id: target.id,
      }),
    ).rejects.toMatchObject({ code: 'invalid', detail: { reason: 'advisor' } });
    expect(await db.select().from(users).where(eq(users.email, 'betreuer@liste.example'))).toHaveLength(0);
  });

  it('an own-scope employee keeps seeing a contact they create, like updateContact guarantees', async () => {
    // updateContact forces advisorId = actor for own-scope employees ("cannot hand one to somebody else
    // and lose it"); the create form offers the same BETREUER select.
    const { id } = await createContact(
      await ctxFor(db, l.tenant, own1),
      contactForm({ firstName: 'Verena', lastName: 'Verloren', email: 'verloren@liste.example', advisorId: own2.id }),
    );
    const seen = await getContact(await ctxFor(db, l.tenant.id, own1), id);
    await db.delete(users).where(eq(users.id, id)); // keep the list fixture at 120 contacts
    expect(seen, 'the new contact is invisible to the employee who just created it').not.toBeNull();
  });

  const matching = (q: string) =>
    contacts
      .filter((c) => `${c.firstName} ${c.lastName} ${c.email}`.toLowerCase().includes(q.toLowerCase()))
      .map((c) => c.id);

  it.each(['müll', 'MÜLLER', 'mueller', 'ärger', 'ÖLMANN', 'sonder-firma', 'kontakt11', 'anna sch', 'émile'])(
    'searches name and e-mail for %j',
    async (q) => {
      const expected = matching(q);
      expect(expected.length).toBeGreaterThan(0);
      const found = await everyPage(adminOf(l), { q }, 50);
      expect(new Set(found)).toEqual(new Set(expected));
      for (const id of foreignIds) expect(found).not.toContain(id);
    },
  );

  it('treats LIKE wildcards in the search literally', async () => {
    expect((await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { q: '%' })).items).toHaveLength(0);
    expect((await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { q: '_' })).items).toHaveLength(0);
    expect((await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { q: 'kontakt1_' })).items).toHaveLength(0);
  });

  it('a search can be paged too', async () => {
    const expected = matching('mueller');
    const reference = (
      await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { q: 'mueller', limit: 1000 })
    ).items.map((i) => i.id);
    expect(await everyPage(adminOf(l), { q: 'mueller' }, 3)).toEqual(reference);
    expect(new Set(reference)).toEqual(new Set(expected));
  });

  it('a broken or foreign cursor starts at the first page', async () => {
    const first = (await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { limit: 5 })).items.map((i) => i.id);
    for (const after of [
      'kaputt',
      Buffer.from('{"n":[1,2,3]}').toString('base64url'),
      Buffer.from('{"c":["x"]}').toString('base64url'),
    ]) {
      expect(
        (await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { limit: 5, after })).items.map((i) => i.id),
      ).toEqual(first);
    }
    const createdCursor = (await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { sort: 'created', limit: 5 }))
      .next!;
    expect(
      (
        await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { sort: 'name', limit: 5, after: createdCursor })
      ).items.map((i) => i.id),
    ).toEqual(first);
  });

  it('a forged cursor (impossible date, bad uuid, NUL, garbage, huge) never throws and starts at the first page', async () => {
    const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
    const id = contacts[0]!.id;
    const forged = [
      b64({ c: ['2026-02-30T10:00:00.000000Z', id] }),
      b64({ c: ['2025-13-01T10:00:00.000000Z', id] }),
      b64({ c: ['2025-06-01T25:00:00.000000Z', id] }),
      b64({ c: ['0000-01-01T00:00:00Z', id] }),
      b64({ c: ['2025-06-01 10:00:00+99', id] }),
      b64({ c: ['2025-06-01T10:00:00.123456Z', 'kein-uuid'] }),
      b64({ c: ['2025-06-01T10:00:00.123456Z', `${id}x`] }),
      b64({ n: ['müller', 'max', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'] }),
      b64({ n: ['mül\u0000ler', 'max', id] }),
      b64({ n: ['x'.repeat(200_000), 'max', id] }),
      b64({ n: ['a', 'b', id], c: ['2025-06-01T10:00:00Z', id] }),
      b64({ __proto__: null, constructor: ['a'] }),
      b64('null'),
      b64('5'),
      b64('"text"'),
      b64(Buffer.from([0xff, 0xfe, 0x00, 0x7b]).toString('latin1')),
      '%%%',
      'A'.repeat(500_000),
    ];
    for (const sort of ['created', 'name'] as const) {
      const first = (await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { sort, limit: 5 })).items.map(
        (i) => i.id,
      );
      for (const after of forged) {
        const result = await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { sort, limit: 5, after });
        expect(
          result.items.map((i) => i.id),
          `${sort} after ${after.slice(0, 80)}`,
        ).toEqual(first);
      }
    }
    // A real cursor still pages.
    const page1 = await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { sort: 'created', limit: 5 });
    const page2 = await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), {
      sort: 'created',
      limit: 5,
      after: page1.next!,
    });
    expect(page2.items.map((i) => i.id)).not.toEqual(page1.items.map((i) => i.id));
  });

  it('never shows another tenant’s contacts', async () => {
    const foreignList = await listContacts(await ctxFor(db, foreign.tenant.id, adminOf(foreign)), { limit: 1000 });
    expect(new Set(foreignList.items.map((i) => i.id))).toEqual(new Set([...foreignIds, foreign.client.id]));
    const mine = await listContacts(await ctxFor(db, l.tenant.id, adminOf(l)), { q: 'kontakt1@liste', limit: 1000 });
    expect(mine.items.map((i) => i.id)).toEqual([contacts[1]!.id]);
  });
});

/* ------------------------------------------------------------------ login data (issue 13, finding 9) */

describe('login data of an account holder (e-mail, birth date = PIN)', () => {
  let m: Made;
  let clerk: EmployeeLike;
  beforeAll(async () => {
    m = await makeTenant(db, 'logindaten');
    const { id } = await createEmployee(
      await ctxFor(db, m.tenant, adminOf(m)),
      employeeForm({ firstName: 'Carla', lastName: 'Clerk', email: 'carla@logindaten.example' }),
    );
    clerk = actorOf({ id, role: 'employee' }, { rights: allWrite, scope: 'all' });
  });

  /** An active client (password set) with one live session. */
  async function holder(over: Record<string, string>) {
    const { id, token } = await invitedContact(m, over);
    expect((await activate(m.tenant, token, '01021980')).ok).toBe(true);
    const session = await createSession(db, { tenantId: m.tenant.id, userId: id });
    return { id, session };
  }

  it('an employee without the right cannot change an account holder’s e-mail or birth date: forbidden, nothing written', async () => {
    const { id, session } = await holder({ firstName: 'Hans', lastName: 'Halter', email: 'hans@logindaten.example' });
    const before = await counts(m.tenant.id);
    const form = (over: Record<string, string>) =>
      contactForm({ firstName: 'Hans', lastName: 'Halter', email: 'hans@logindaten.example', ...over });
    await expect(
      updateContact(await ctxFor(db, m.tenant, clerk), { ...form({ email: 'boese@angreifer.example' }), id: id }),
    ).rejects.toMatchObject({ code: 'forbidden', field: 'email' });
    await expect(
      updateContact(await ctxFor(db, m.tenant, clerk), { ...form({ birthDate: '02.02.1990' }), id: id }),
    ).rejects.toMatchObject({ code: 'forbidden', field: 'birthDate' });
    expect(await counts(m.tenant.id)).toEqual(before);
    expect(await userRow(id)).toMatchObject({ email: 'hans@logindaten.example', birthDate: '1980-02-01' });
    expect(await validateSession(db, session, m.tenant.id)).not.toBeNull();
    // The rest of the master data stays theirs to change, and so do the login data of a contact without an account.
    await updateContact(await ctxFor(db, m.tenant, clerk), { ...form({ city: 'Bonn' }), id: id });
    const { id: plain } = await createContact(
      await ctxFor(db, m.tenant, clerk),
      contactForm({ firstName: 'Olli', lastName: 'Ohne', email: 'olli@logindaten.example' }),
    );
    await updateContact(await ctxFor(db, m.tenant, clerk), {
      ...contactForm({
        firstName: 'Olli',
        lastName: 'Ohne',
        email: 'olli.neu@logindaten.example',
        birthDate: '03.03.1983',
      }),
      id: plain,
    });
    expect(await userRow(plain)).toMatchObject({ email: 'olli.neu@logindaten.example', birthDate: '1983-03-03' });
  });

  it('an admin may change them: the old address is told (outbox, same transaction) and the client’s sessions end', async () => {
    const { id, session } = await holder({ firstName: 'Ina', lastName: 'Inhaberin', email: 'ina@logindaten.example' });
    await updateContact(await ctxFor(db, m.tenant, adminOf(m)), {
      ...contactForm({ firstName: 'Ina', lastName: 'Inhaberin', email: 'ina.neu@logindaten.example' }),
      id: id,
    });
    expect(await userRow(id)).toMatchObject({ email: 'ina.neu@logindaten.example' });
    const told = (await mailsTo('ina@logindaten.example')).filter((mail) => mail.template === 'login-data-changed');
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('E-Mail-Adresse');
    expect(told[0]!.text).not.toContain('ina.neu@logindaten.example');
    expect(await validateSession(db, session, m.tenant.id)).toBeNull();
    const [audited] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'contact.updated')));
    expect(audited!.meta).toMatchObject({ emailChanged: true, birthDateChanged: false, sessionsEnded: 1 });

    const second = await createSession(db, { tenantId: m.tenant.id, userId: id });
    await updateContact(await ctxFor(db, m.tenant, adminOf(m)), {
      ...contactForm({
        firstName: 'Ina',
        lastName: 'Inhaberin',
        email: 'ina.neu@logindaten.example',
        birthDate: '04.04.1984',
      }),
      id: id,
    });
    expect(
      (await mailsTo('ina.neu@logindaten.example')).filter((mail) => mail.template === 'login-data-changed'),
    ).toHaveLength(1);
    expect(await validateSession(db, second, m.tenant.id)).toBeNull();
  });

  it('nothing is mailed and no session ends when the login data stay the same', async () => {
    const { id, session } = await holder({
      firstName: 'Uwe',
      lastName: 'Unveraendert',
      email: 'uwe@logindaten.example',
    });
    await updateContact(await ctxFor(db, m.tenant, adminOf(m)), {
      ...contactForm({ firstName: 'Uwe', lastName: 'Unveraendert', email: 'uwe@logindaten.example', city: 'Essen' }),
      id: id,
    });
    expect(
      (await mailsTo('uwe@logindaten.example')).filter((mail) => mail.template === 'login-data-changed'),
    ).toHaveLength(0);
    expect(await validateSession(db, session, m.tenant.id)).not.toBeNull();
  });
});

/* ------------------------------------------------------------------ activity feed (issue 13, finding 7) */

describe('activity feed of a contact', () => {
  it('shows contract and document lines only to readers with the right to that area', async () => {
    const m = await makeTenant(db, 'aktivitaet');
    const { id } = await createContact(
      await ctxFor(db, m.tenant, adminOf(m)),
      contactForm({ firstName: 'Nora', lastName: 'Notfall', email: 'nora@aktivitaet.example' }),
    );
    const line = (action: string, meta: Record<string, unknown>) => ({
      tenantId: m.tenant.id,
      actorType: 'user' as const,
      actorId: m.admin.id,
      action,
      targetType: 'contact',
      targetId: id,
      meta,
    });
    await db
      .insert(auditLog)
      .values([
        line('document.added', { area: 'emergency', title: 'Testament (geheim)', documentId: id }),
        line('contract.created', { area: 'insurance', product: 'Kfz-Versicherung', provider: 'CONDOR' }),
        line('document.added', { title: 'Ohne Bereich' }),
        line('ticket.created', { ticketId: id }),
      ]);
    const { id: readerId } = await createEmployee(
      await ctxFor(db, m.tenant, adminOf(m)),
      employeeForm({ firstName: 'Rolf', lastName: 'Reader', email: 'rolf@aktivitaet.example' }),
    );
    const reader = actorOf(
      { id: readerId, role: 'employee' },
      { rights: { ...noRights, insurance: 'read' }, scope: 'all' },
    );
    const text = (items: { label: string; detail: string | null }[]) =>
      items.map((i) => `${i.label} ${i.detail ?? ''}`).join('\n');

    const seenByReader = text(await contactActivity(await ctxFor(db, m.tenant, reader), id));
    expect(seenByReader).toContain('CONDOR');
    expect(seenByReader).toContain('Kontakt angelegt');
    expect(seenByReader).not.toContain('Testament');
    expect(seenByReader).not.toContain('Ohne Bereich');
    expect(seenByReader).not.toContain('Nachricht an das Team');

    const seenByAdmin = text(await contactActivity(await ctxFor(db, m.tenant, adminOf(m)), id));
    expect(seenByAdmin).toContain('Testament (geheim)');
    expect(seenByAdmin).toContain('CONDOR');
    expect(seenByAdmin).toContain('Nachricht an das Team');
  });
});

/* ------------------------------------------------------------------ language (Mein Zugang) */

describe('language of an account', () => {
  it('is stored on one’s own account only, and the next context of that account speaks it', async () => {
    const m = await makeTenant(db, 'sprache');
    expect((await ctxFor(db, m.tenant, m.client.id)).locale).toBe('de'); // no choice yet: the tenant's language
    expect(await chooseLanguage(await ctxFor(db, m.tenant, m.client.id), { locale: 'en' })).toEqual({ locale: 'en' });
    expect((await userRow(m.client.id)).locale).toBe('en');
    expect((await userRow(m.admin.id)).locale).toBeNull();
    const english = await ctxFor(db, m.tenant, m.client.id);
    expect(english.locale).toBe('en');
    // The words of this area follow: an employee who chose English reads the activity in English.
    await chooseLanguage(await ctxFor(db, m.tenant, m.admin.id), { locale: 'en' });
    const { id } = await createContact(
      await ctxFor(db, m.tenant, m.admin.id),
      contactForm({ firstName: 'Emma', lastName: 'English', email: 'emma@sprache.example' }),
    );
    const lines = await contactActivity(await ctxFor(db, m.tenant, m.admin.id), id);
    expect(lines.map((l) => l.label)).toEqual(['Contact created']);
    const refusal = await createContact(
      await ctxFor(db, m.tenant, m.admin.id),
      contactForm({ firstName: 'Emma', lastName: 'Again', email: 'EMMA@sprache.example' }),
    ).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).message).toMatch(/bereits verwendet/); // logs and tests: German
    expect((refusal as DomainError).text('en')).toMatch(/already/); // the reader: their language
  });

  it('the old address is told in the contact’s own language', async () => {
    const m = await makeTenant(db, 'sprachmail');
    const { id, token } = await invitedContact(m, {
      firstName: 'Liam',
      lastName: 'Language',
      email: 'liam@sprachmail.example',
    });
    expect((await activate(m.tenant, token, '01021980')).ok).toBe(true);
    await chooseLanguage(await ctxFor(db, m.tenant, id), { locale: 'en' });
    await updateContact(await ctxFor(db, m.tenant, adminOf(m)), {
      ...contactForm({ firstName: 'Liam', lastName: 'Language', email: 'liam.new@sprachmail.example' }),
      id,
    });
    const [told] = (await mailsTo('liam@sprachmail.example')).filter((mail) => mail.template === 'login-data-changed');
    expect(told!.subject).toMatch(/sign-in details have been changed/);
    expect(told!.text).toContain('email address');
  });
});
