import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EmployeeLike } from '../../lib/access/employee';
import { createContactAccount } from '../../lib/contacts/mutations';
import { listContacts } from '../../lib/contacts/queries';
import type { Db } from '../../lib/db/client';
import { contactProfiles, outbox, users } from '../../lib/db/schema';
import { acceptLead, checkLeadToken, leadFormToken, leadPolicy, submitLead, type LeadInput } from '../../lib/leads';
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
  topic: 'Altersvorsorge',
  message: 'Bitte rufen Sie mich an.',
  consent: 'on',
  website: '',
  startedAt: started(),
  ...over,
});
const contactsWith = (email: string) => db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, t.tenant.id), eq(users.email, email)));

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
    expect(checkLeadToken(leadFormToken('another-secret-entirely-xxxxxxxxxx', now - 5_000), secret, now)).toBe('invalid');
    expect(checkLeadToken(`${now - 5_000}.forged`, secret, now)).toBe('invalid');
    expect(checkLeadToken('', secret, now)).toBe('invalid');
  });
});

describe('NEUKUNDENGEWINNUNG', () => {
  it('creates an Interessent and tells every active admin, without the message text', async () => {
    const input = lead();
    await submitLead(db, t.tenant, input, { ip: '198.51.100.1', secret });
    const [contact] = await contactsWith(input.email);
    expect(contact).toBeDefined();
    const [profile] = await db.select().from(contactProfiles).where(eq(contactProfiles.userId, contact!.id));
    expect(profile).toMatchObject({ lead: true, leadTopic: 'Altersvorsorge', leadMessage: 'Bitte rufen Sie mich an.' });
    expect(profile!.leadConsentAt).not.toBeNull();
    const mails = await db.select().from(outbox).where(and(eq(outbox.tenantId, t.tenant.id), eq(outbox.template, 'lead')));
    const toAdmin = mails.filter((m) => m.html.includes(contact!.id));
    expect(toAdmin.map((m) => m.toAddress)).toEqual([t.admin.email]);
    expect(toAdmin[0]!.html).not.toContain('Bitte rufen Sie mich an');
    const { items } = await listContacts(db, t.tenant.id, admin, { leadsOnly: true });
    expect(items.map((i) => i.id)).toContain(contact!.id);
  });

  it('silently drops bots: the honeypot and a form sent within three seconds', async () => {
    const honey = lead({ website: 'https://spam.example' });
    await submitLead(db, t.tenant, honey, { ip: '198.51.100.2', secret });
    const fast = lead({ startedAt: leadFormToken(secret, Date.now() - 500) });
    await submitLead(db, t.tenant, fast, { ip: '198.51.100.2', secret });
    expect(await contactsWith(honey.email)).toHaveLength(0);
    expect(await contactsWith(fast.email)).toHaveLength(0);
  });

  it('asks to reload a stale or forged form', async () => {
    await expect(submitLead(db, t.tenant, lead({ startedAt: 'x.y' }), { ip: '198.51.100.3', secret })).rejects.toMatchObject({ code: 'expired' });
  });

  it('limits requests per IP', async () => {
    for (let i = 0; i < leadPolicy.perIpPerHour; i++) await submitLead(db, t.tenant, lead(), { ip: '198.51.100.4', secret });
    await expect(submitLead(db, t.tenant, lead(), { ip: '198.51.100.4', secret })).rejects.toMatchObject({ code: 'throttled' });
  });

  it('does not reveal or duplicate a known address, but still tells the admins', async () => {
    const before = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users WHERE tenant_id = ${t.tenant.id}`);
    await submitLead(db, t.tenant, lead({ email: t.client.email.toUpperCase() }), { ip: '198.51.100.5', secret });
    const after = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users WHERE tenant_id = ${t.tenant.id}`);
    expect(after[0]!.n).toBe(before[0]!.n);
    const mails = await db.select().from(outbox).where(and(eq(outbox.template, 'lead'), sql`${outbox.html} LIKE ${'%' + t.client.id + '%'}`));
    expect(mails).toHaveLength(1);
  });

  it('is taken on by an advisor; an account needs the birth date first', async () => {
    const input = lead();
    await submitLead(db, t.tenant, input, { ip: '198.51.100.6', secret });
    const [contact] = await contactsWith(input.email);
    const noRights: EmployeeLike = { id: t.admin.id, kind: 'employee', role: 'employee', rights: null, scope: 'all' };
    await expect(acceptLead(db, t.tenant.id, noRights, contact!.id)).rejects.toMatchObject({ code: 'forbidden' });
    const other = await makeTenant(db, 'anfrage-fremd');
    const foreignAdmin: EmployeeLike = { id: other.admin.id, kind: 'employee', role: 'admin', rights: null, scope: 'all' };
    await expect(acceptLead(db, t.tenant.id, foreignAdmin, contact!.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(acceptLead(db, other.tenant.id, foreignAdmin, contact!.id)).rejects.toMatchObject({ code: 'not_found' });
    await acceptLead(db, t.tenant.id, admin, contact!.id);
    const [profile] = await db.select().from(contactProfiles).where(eq(contactProfiles.userId, contact!.id));
    expect(profile).toMatchObject({ lead: false, advisorId: t.admin.id });
    await expect(createContactAccount(db, t.tenant, admin, contact!.id)).rejects.toMatchObject({ code: 'state' });
    await db.update(users).set({ birthDate: '1985-05-05' }).where(eq(users.id, contact!.id));
    await createContactAccount(db, t.tenant, admin, contact!.id);
  });
});
