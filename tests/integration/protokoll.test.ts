import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attemptLogin } from '../../lib/auth/login';
import { createSession, validateSession } from '../../lib/auth/sessions';
import type { Db } from '../../lib/db/client';
import { auditLog, documentFiles, documents, outbox, users } from '../../lib/db/schema';
import { openFileAudited } from '../../lib/documents/access-log';
import { DomainError } from '../../lib/errors';
import { contactAccesses } from '../../lib/protocol/accesses';
import { exportProtocolResponse } from '../../lib/protocol/http';
import { listProtocol } from '../../lib/protocol/list';
import { recordContactOpened } from '../../lib/protocol/record';
import { endAllSessionsOf, endMySession, endOtherSessions } from '../../lib/sessions/end';
import { listMySessions, mySignIns } from '../../lib/sessions/list';
import { createAccount } from '../../lib/users/create';
import { ctxFor, publicCtxFor } from './ctx';
import { testDb } from './db';
import { makeTenant, PASSWORD } from './fixtures';

const chromeWin =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const safariPhone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const firefoxMac = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.0; rv:121.0) Gecko/20100101 Firefox/121.0';

let db: Db;
let t: Awaited<ReturnType<typeof makeTenant>>;
let other: Awaited<ReturnType<typeof makeTenant>>;
let plain: string; // an employee without the right "Protokoll"
let auditor: string; // an employee with it

beforeAll(async () => {
  ({ db } = await testDb());
  t = await makeTenant(db, 'protokoll');
  other = await makeTenant(db, 'protokoll-b');
  const employee = async (key: string, protocol: boolean) =>
    (
      await createAccount(db, {
        tenantId: t.tenant.id,
        kind: 'employee',
        role: 'employee',
        email: `${key}@protokoll.example`,
        firstName: 'Erika',
        lastName: key,
        passwordHash: null,
        status: 'active',
        rights: {
          insurance: 'read',
          finance: 'read',
          other: 'read',
          emergency: 'read',
          communication: 'read',
          protocol,
        },
        scope: 'all',
      })
    ).id;
  plain = await employee('plain', false);
  auditor = await employee('auditor', true);
});

const login = async (tenantId: string, loginName: string, userAgent: string, ip = '203.0.113.77') => {
  const r = await attemptLogin(await publicCtxFor(db, tenantId), {
    login: loginName,
    password: PASSWORD,
    ip,
    userAgent,
  });
  if (!r.ok) throw new Error('login failed');
  return r.sessionId;
};
const withSession = async (userId: string, sessionId: string) => ({
  ...(await ctxFor(db, t.tenant.id, userId)),
  sessionId,
});
const rowsOf = (action: string, targetId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, t.tenant.id), eq(auditLog.action, action), eq(auditLog.targetId, targetId)));

describe('sessions and devices', () => {
  it('lists the live sessions with device, coarse IP and the current one; ends another one at once', async () => {
    const email = t.client.email;
    const s1 = await login(t.tenant.id, email, chromeWin);
    const s2 = await login(t.tenant.id, email, safariPhone, '2001:db8:abcd:12::1');
    const ctx = await withSession(t.client.id, s1);
    const list = await listMySessions(ctx);
    expect(list.length).toBeGreaterThanOrEqual(2);
    const current = list.find((s) => s.current)!;
    expect(current.device).toEqual({ browser: 'Chrome', os: 'Windows', type: 'desktop' });
    expect(current.ip).toBe('203.0.113.x');
    const phone = list.find((s) => s.device.os === 'iOS')!;
    expect(phone).toMatchObject({ current: false, ip: '2001:db8:abcd::/48' });
    expect(phone.device).toEqual({ browser: 'Safari', os: 'iOS', type: 'mobile' });

    expect(await validateSession(db, s2, t.tenant.id)).not.toBeNull();
    await endMySession(ctx, { session: phone.handle });
    // The other browser's very next request is unauthenticated; this one stays.
    expect(await validateSession(db, s2, t.tenant.id)).toBeNull();
    expect(await validateSession(db, s1, t.tenant.id)).not.toBeNull();
    expect(await rowsOf('auth.session.ended', t.client.id)).toHaveLength(1);
    // Twice, or someone else's session: not found.
    await expect(endMySession(ctx, { session: phone.handle })).rejects.toMatchObject({ code: 'not_found' });
    const adminSession = await createSession(db, { tenantId: t.tenant.id, userId: t.admin.id });
    const adminHandle = (await listMySessions(await withSession(t.admin.id, adminSession))).find((s) => s.current)!;
    await expect(endMySession(ctx, { session: adminHandle.handle })).rejects.toBeInstanceOf(DomainError);
    expect(await validateSession(db, adminSession, t.tenant.id)).not.toBeNull();
  });

  it('"Alle anderen abmelden" ends every other session and keeps this one', async () => {
    const keep = await login(t.tenant.id, t.client.email, chromeWin);
    const a = await login(t.tenant.id, t.client.email, firefoxMac);
    const b = await login(t.tenant.id, t.client.email, safariPhone);
    const { ended } = await endOtherSessions(await withSession(t.client.id, keep));
    expect(ended).toBeGreaterThanOrEqual(2);
    expect(await validateSession(db, a, t.tenant.id)).toBeNull();
    expect(await validateSession(db, b, t.tenant.id)).toBeNull();
    expect(await validateSession(db, keep, t.tenant.id)).not.toBeNull();
    expect((await listMySessions(await withSession(t.client.id, keep))).map((s) => s.current)).toEqual([true]);
  });

  it('admins end every session of an employee or a client; nobody else, never in another tenant', async () => {
    const s = await createSession(db, { tenantId: t.tenant.id, userId: plain });
    const c = await createSession(db, { tenantId: t.tenant.id, userId: t.client.id });
    const admin = await ctxFor(db, t.tenant.id, t.admin.id);
    await expect(endAllSessionsOf(await ctxFor(db, t.tenant.id, auditor), { userId: plain })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(endAllSessionsOf(await ctxFor(db, t.tenant.id, t.client.id), { userId: plain })).rejects.toMatchObject(
      { code: 'forbidden' },
    );
    expect(await validateSession(db, s, t.tenant.id)).not.toBeNull();
    await expect(endAllSessionsOf(admin, { userId: other.client.id })).rejects.toMatchObject({ code: 'not_found' });

    expect((await endAllSessionsOf(admin, { userId: plain })).ended).toBeGreaterThanOrEqual(1);
    expect((await endAllSessionsOf(admin, { userId: t.client.id })).ended).toBeGreaterThanOrEqual(1);
    expect(await validateSession(db, s, t.tenant.id)).toBeNull();
    expect(await validateSession(db, c, t.tenant.id)).toBeNull();
    expect(await rowsOf('auth.session.all_ended', plain)).toHaveLength(1);
    expect(await rowsOf('auth.session.all_ended', t.client.id)).toHaveLength(1);
  });

  it('mails a sign-in from a new browser/OS family only (not the first, not a known one), in the account language', async () => {
    const u = await createAccount(db, {
      tenantId: t.tenant.id,
      kind: 'client',
      email: 'neu@geraet.example',
      firstName: 'Nora',
      lastName: 'Neu',
      passwordHash: (await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, t.client.id)))[0]!.h,
      status: 'active',
    });
    await db.update(users).set({ locale: 'en' }).where(eq(users.id, u.id));
    const mails = () =>
      db
        .select()
        .from(outbox)
        .where(and(eq(outbox.toAddress, u.email), eq(outbox.template, 'new-device')));
    await login(t.tenant.id, u.email, chromeWin);
    expect(await mails()).toHaveLength(0); // the first sign-in ever
    await login(t.tenant.id, u.email, chromeWin.replace('120.0', '121.0'));
    expect(await mails()).toHaveLength(0); // same family, another version
    await login(t.tenant.id, u.email, safariPhone);
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe('protokoll Makler GmbH: sign-in on a new device');
    expect(sent[0]!.text).toContain('Safari · iOS');
    expect(sent[0]!.text).toContain('/portal/account');
    expect(sent[0]!.text).not.toContain('203.0.113');
  });

  it("clients see their own sign-ins and failed attempts, nobody else's", async () => {
    await attemptLogin(await publicCtxFor(db, t.tenant.id), {
      login: t.client.email,
      password: 'falsch-falsch-falsch',
      ip: '198.51.100.9',
    });
    const mine = await mySignIns(await ctxFor(db, t.tenant.id, t.client.id));
    expect(mine.some((s) => !s.ok && s.ip === '198.51.100.x')).toBe(true);
    expect(mine.some((s) => s.ok)).toBe(true);
    const admins = await mySignIns(await ctxFor(db, t.tenant.id, t.admin.id));
    expect(admins.some((s) => s.ip === '198.51.100.x')).toBe(false);
  });
});

describe('access events', () => {
  it('writes "Kontakt geöffnet" once per session and contact, also for two requests at once', async () => {
    const contact = (await createAccount(db, {
      tenantId: t.tenant.id,
      kind: 'client',
      email: `offen-${randomUUID()}@kunde.example`,
      firstName: 'Otto',
      lastName: 'Offen',
      passwordHash: null,
      status: 'none',
    }))!.id;
    const s1 = await createSession(db, { tenantId: t.tenant.id, userId: auditor });
    const s2 = await createSession(db, { tenantId: t.tenant.id, userId: auditor });
    const ctx1 = await withSession(auditor, s1);
    const results = await Promise.all([recordContactOpened(ctx1, contact), recordContactOpened(ctx1, contact)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await recordContactOpened(ctx1, contact)).toBe(false);
    expect(await recordContactOpened(await withSession(auditor, s2), contact)).toBe(true);
    expect(await rowsOf('contact.opened', contact)).toHaveLength(2);
    // Clients opening their own pages are not "contact opened".
    expect(await recordContactOpened(await withSession(t.client.id, s1), t.client.id)).toBe(false);
  });

  it('writes document viewed (inline preview) and downloaded, not again for a continued range', async () => {
    const [doc] = await db
      .insert(documents)
      .values({
        tenantId: t.tenant.id,
        contactId: t.client.id,
        area: 'profile',
        title: 'Maklervertrag',
        type: 'Maklervertrag',
      })
      .returning({ id: documents.id });
    const [file] = await db
      .insert(documentFiles)
      .values({
        tenantId: t.tenant.id,
        documentId: doc!.id,
        objectKey: `${t.tenant.id}/documents/${randomUUID()}`,
        filename: 'vertrag.pdf',
        mime: 'application/pdf',
        size: 10,
      })
      .returning({ id: documentFiles.id });
    const admin = await ctxFor(db, t.tenant.id, t.admin.id);
    expect(await openFileAudited(admin, file!.id, { wantsInline: true })).not.toBeNull();
    expect(await openFileAudited(admin, file!.id, { wantsInline: false, range: 'bytes=0-99' })).not.toBeNull();
    expect(await openFileAudited(admin, file!.id, { wantsInline: false, range: 'bytes=100-' })).not.toBeNull();
    const viewed = await rowsOf('document.viewed', t.client.id);
    const downloaded = await rowsOf('document.downloaded', t.client.id);
    expect(viewed).toHaveLength(1);
    expect(downloaded).toHaveLength(1);
    expect(viewed[0]).toMatchObject({ actorId: t.admin.id, targetType: 'contact' });
    expect(viewed[0]!.meta).toMatchObject({ documentId: doc!.id, title: 'Maklervertrag', area: 'profile' });
    // Another tenant's admin sees nothing and writes nothing.
    expect(
      await openFileAudited(await ctxFor(db, other.tenant.id, other.admin.id), file!.id, { wantsInline: true }),
    ).toBeNull();
    expect(await rowsOf('document.viewed', t.client.id)).toHaveLength(1);

    const accesses = await contactAccesses(await ctxFor(db, t.tenant.id, auditor), t.client.id);
    expect(accesses.map((a) => a.kind)).toEqual(expect.arrayContaining(['document.viewed', 'document.downloaded']));
    expect(accesses.find((a) => a.kind === 'document.viewed')).toMatchObject({
      actorName: 'Ada Admin',
      label: 'Dokument angesehen',
      subjectName: 'Karl Kunde',
    });
    await expect(contactAccesses(await ctxFor(db, t.tenant.id, plain), t.client.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('PROTOKOLL', () => {
  let probeContact: string;
  beforeAll(async () => {
    probeContact = (await createAccount(db, {
      tenantId: t.tenant.id,
      kind: 'client',
      email: 'seite@kunde.example',
      firstName: 'Paula',
      lastName: 'Paging',
      passwordHash: null,
      status: 'none',
    }))!.id;
    // 120 rows in one instant (a tie on created_at: the id decides), plus an old one and an unknown kind.
    await db.insert(auditLog).values(
      Array.from({ length: 120 }, (_, i) => ({
        tenantId: t.tenant.id,
        actorType: 'user' as const,
        actorId: auditor,
        action: 'contact.updated',
        targetType: 'contact',
        targetId: probeContact,
        meta: { n: i },
        createdAt: new Date('2026-06-01T10:00:00Z'),
      })),
    );
    await db.insert(auditLog).values([
      {
        tenantId: t.tenant.id,
        actorType: 'user',
        actorId: t.admin.id,
        action: 'auth.totp_enabled',
        targetType: 'user',
        targetId: t.admin.id,
        createdAt: new Date('2026-01-10T12:00:00Z'),
      },
      {
        tenantId: t.tenant.id,
        actorType: 'system',
        action: 'something.new_kind',
        targetType: 'contact',
        targetId: probeContact,
        createdAt: new Date('2026-01-11T12:00:00Z'),
      },
      {
        tenantId: other.tenant.id,
        actorType: 'user',
        actorId: other.admin.id,
        action: 'contact.updated',
        targetType: 'contact',
        targetId: probeContact,
      },
    ]);
  });

  it('pages by keyset without gaps or repeats, also on a tie of created_at', async () => {
    const ctx = await ctxFor(db, t.tenant.id, t.admin.id);
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listProtocol(ctx, { contact: probeContact, kind: 'contact.updated', cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    // A forged cursor is the first page, never a 500.
    const forged = await listProtocol(ctx, {
      contact: probeContact,
      kind: 'contact.updated',
      cursor: 'eyJwIjpbIngiLCIxIl19',
    });
    expect(forged.items[0]!.id).toBe(seen[0]);
  });

  it('filters by person, contact (id or name), kind and date range; labels known and unknown kinds', async () => {
    const ctx = await ctxFor(db, t.tenant.id, t.admin.id);
    const byName = await listProtocol(ctx, { contact: 'paula pag', from: '2026-01-01', to: '2026-01-31' });
    expect(byName.items.map((i) => i.kind)).toEqual(['something.new_kind']);
    expect(byName.items[0]!.label).toBe('Ereignis „something.new_kind“');
    expect(byName.items[0]!.subjectName).toBe('Paula Paging');
    const totp = await listProtocol(ctx, { person: t.admin.id, kind: 'auth.totp_enabled' });
    expect(totp.items).toHaveLength(1);
    expect(totp.items[0]!.label).toBe('Zwei-Faktor-Anmeldung eingerichtet');
    const june = await listProtocol(
      ctx,
      { contact: probeContact, from: '2026-06-01', to: '2026-06-01' },
      { limit: 500 },
    );
    expect(june.items).toHaveLength(120);
    expect((await listProtocol(ctx, { contact: probeContact, from: '2026-06-02' })).items).toHaveLength(0);
    expect((await listProtocol(ctx, { contact: 'niemand-heisst-so' })).items).toHaveLength(0);
  });

  it('admins and employees with the right only, each in their own tenant', async () => {
    const page = await listProtocol(await ctxFor(db, t.tenant.id, auditor), { contact: probeContact }, { limit: 500 });
    expect(page.items).toHaveLength(121);
    await expect(listProtocol(await ctxFor(db, t.tenant.id, plain), {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listProtocol(await ctxFor(db, t.tenant.id, t.client.id), {})).rejects.toMatchObject({
      code: 'forbidden',
    });
    const b = await listProtocol(await ctxFor(db, other.tenant.id, other.admin.id), { contact: probeContact });
    expect(b.items).toHaveLength(1);
  });

  it('exports the filtered log as CSV (streamed, audited); 401 without a session, 403 without the right', async () => {
    const ctx = await ctxFor(db, t.tenant.id, auditor);
    await db.insert(auditLog).values({
      tenantId: t.tenant.id,
      actorType: 'user',
      actorId: auditor,
      action: 'document.added',
      targetType: 'contact',
      targetId: probeContact,
      meta: { title: '=HYPERLINK("http://evil")', area: 'profile' },
      createdAt: new Date('2026-06-01T11:00:00Z'),
    });
    const url = `http://protokoll.localhost/api/protocol/export?contact=${probeContact}&from=2026-06-01&to=2026-06-01`;
    const res = await exportProtocolResponse(new Request(url), ctx);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 121);
    expect(lines[0]).toContain('Zeitpunkt');
    expect(text).toContain(`"Dokument hinzugefügt"`);
    expect(text).not.toContain(';"=HYPERLINK');
    expect(await rowsOf('protocol.exported', t.tenant.id)).toHaveLength(1);
    expect((await exportProtocolResponse(new Request(url), null)).status).toBe(401);
    expect((await exportProtocolResponse(new Request(url), await ctxFor(db, t.tenant.id, plain))).status).toBe(403);
    expect((await exportProtocolResponse(new Request(url), await ctxFor(db, t.tenant.id, t.client.id))).status).toBe(
      403,
    );
    const count = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.action, 'protocol.exported'));
    expect(count[0]!.n).toBe(1);
  });
});
