import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EmployeeLike } from '../../lib/access/employee';
import { createContactAccount } from '../../lib/contacts/account';
import { listContacts } from '../../lib/contacts/list';
import type { Db } from '../../lib/db/client';
import { contactProfiles, outbox, users } from '../../lib/db/schema';
import { acceptLead, checkLeadToken, leadFormToken, leadPolicy, submitLead, type LeadInput } from '../../lib/leads';
import { ctxFor, publicCtxFor } from './ctx';
import { testDb } from './db';
import { makeTenant } from './fixtures';

const secret = 'a-test-secret-that-is-long-enough-000';
let db: Db;
let t: Awaited<ReturnType<typeof makeTenant>>;
let admin: EmployeeLike;
const started = () => leadFormToken(secret, Date.now() - 10_000);
const lead = (over: Partial<LeadInput> = {}): LeadInput => ({
  firstName: 'Petra',
  lastName: 'Probst',
  email: `petra.${Math.random().toString(36).slice(2, 8)}@interessent.example`,
  phone: null,
  topic: 'retirement',
  message: 'Bitte rufen Sie mich an.',
  consent: 'on',
  website: '',
  startedAt: started(),
  ...over,
});
/** The verbs as the actions call them: the host's tenant (public) or a signed-in actor, then (ctx, input). */
const submit = async (input: LeadInput, ip: string) =>
  submitLead(await publicCtxFor(db, t.tenant), { ...input, ip }, secret);
const accept = async (tenantId: string, actor: EmployeeLike, contactId: string) =>
  acceptLead(await ctxFor(db, tenantId, actor), { contactId });
const contactsWith = (email: string) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, t.tenant.id), eq(users.email, email)));

beforeAll(async () => {
  ({ db } = await testDb());
  t = await makeTenant(db, 'anfrage');
  admin = { id: t.admin.id, kind: 'employee', role: 'admin', rights: null, scope: 'all' };
});

describe('the form token', () => {
  it('refuses forged, too fast and stale tokens', () => {
    const now = Date.now();
    expect(checkLeadToken(leadFormToken(secret, now - 5_000), secret, now)).toBe('ok');
    expect(checkLeadToken(leadFormToken(secret, now - 1_000), secret, now)).toBe('too-fast');
    expect(checkLeadToken(leadFormToken(secret, now - leadPolicy.maxAgeMs - 1), secret, now)).toBe('invalid');
    expect(checkLeadToken(leadFormToken('another-secret-entirely-xxxxxxxxxx', now - 5_000), secret, now)).toBe(
      'invalid',
    );
    expect(checkLeadToken(`${now - 5_000}.forged`, secret, now)).toBe('invalid');
    expect(checkLeadToken('', secret, now)).toBe('invalid');
  });
});

describe('NEUKUNDENGEWINNUNG', () => {
  it('creates an Interessent and tells every active admin, without the message text', async () => {
    const input = lead();
    await submit(input, '198.51.100.1');
    const [contact] = await contactsWith(input.email);
    expect(contact).toBeDefined();
    const [profile] = await db.select().from(contactProfiles).where(eq(contactProfiles.userId, contact!.id));
    expect(profile).toMatchObject({ lead: true, leadTopic: 'Altersvorsorge', leadMessage: 'Bitte rufen Sie mich an.' });
    expect(profile!.leadConsentAt).not.toBeNull();
    const mails = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.tenantId, t.tenant.id), eq(outbox.template, 'lead')));
    const toAdmin = mails.filter((m) => m.html.includes(contact!.id));
    expect(toAdmin.map((m) => m.toAddress)).toEqual([t.admin.email]);
    expect(toAdmin[0]!.html).not.toContain('Bitte rufen Sie mich an');
    const { items } = await listContacts(await ctxFor(db, t.tenant.id, admin), { leadsOnly: true });
    expect(items.map((i) => i.id)).toContain(contact!.id);
  });

  it('silently drops bots: the honeypot and a form sent within three seconds', async () => {
    const honey = lead({ website: 'https://spam.example' });
    await submit(honey, '198.51.100.2');
    const fast = lead({ startedAt: leadFormToken(secret, Date.now() - 500) });
    await submit(fast, '198.51.100.2');
    expect(await contactsWith(honey.email)).toHaveLength(0);
    expect(await contactsWith(fast.email)).toHaveLength(0);
  });

  it('asks to reload a stale or forged form', async () => {
    await expect(submit(lead({ startedAt: 'x.y' }), '198.51.100.3')).rejects.toMatchObject({ code: 'expired' });
  });

  it('limits requests per IP', async () => {
    for (let i = 0; i < leadPolicy.perIpPerHour; i++) await submit(lead(), '198.51.100.4');
    await expect(submit(lead(), '198.51.100.4')).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('does not reveal or duplicate a known address, but still tells the admins', async () => {
    const before = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM users WHERE tenant_id = ${t.tenant.id}`,
    );
    await submit(lead({ email: t.client.email.toUpperCase() }), '198.51.100.5');
    const after = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM users WHERE tenant_id = ${t.tenant.id}`,
    );
    expect(after[0]!.n).toBe(before[0]!.n);
    const mails = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, 'lead'), sql`${outbox.html} LIKE ${'%' + t.client.id + '%'}`));
    expect(mails).toHaveLength(1);
  });

  it('is taken on by an advisor; an account needs the birth date first', async () => {
    const input = lead();
    await submit(input, '198.51.100.6');
    const [contact] = await contactsWith(input.email);
    const noRights: EmployeeLike = { id: t.admin.id, kind: 'employee', role: 'employee', rights: null, scope: 'all' };
    await expect(accept(t.tenant.id, noRights, contact!.id)).rejects.toMatchObject({ code: 'forbidden' });
    const other = await makeTenant(db, 'anfrage-fremd');
    const foreignAdmin: EmployeeLike = {
      id: other.admin.id,
      kind: 'employee',
      role: 'admin',
      rights: null,
      scope: 'all',
    };
    await expect(accept(t.tenant.id, foreignAdmin, contact!.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(accept(other.tenant.id, foreignAdmin, contact!.id)).rejects.toMatchObject({ code: 'not_found' });
    await accept(t.tenant.id, admin, contact!.id);
    const [profile] = await db.select().from(contactProfiles).where(eq(contactProfiles.userId, contact!.id));
    expect(profile).toMatchObject({ lead: false, advisorId: t.admin.id });
    await expect(createContactAccount(await ctxFor(db, t.tenant.id, admin), { id: contact!.id })).rejects.toMatchObject(
      { code: 'conflict', detail: { reason: 'state' } },
    );
    await db.update(users).set({ birthDate: '1985-05-05' }).where(eq(users.id, contact!.id));
    await createContactAccount(await ctxFor(db, t.tenant.id, admin), { id: contact!.id });
  });
});
