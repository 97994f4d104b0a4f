import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createElement } from 'react';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/client';
import { outbox } from '../../lib/db/schema';
import { translate } from '../../lib/i18n';
import { enqueueMail } from '../../lib/mail/outbox';
import { renderMail } from '../../lib/mail/render';
import { mailboxSender, resendSender } from '../../lib/mail/sender';
import { WelcomeMail } from '../../lib/mail/templates/welcome';
import { clearDeliveredBodies, deliverDue } from '../../lib/jobs/outbox';
import { testDb } from './db';
import { makeTenant } from './fixtures';

/** A local stand-in for the Resend API: answers from a script of status codes, records every call. */
function resendStub(script: number[], delayMs = 0) {
  const calls: { idempotencyKey: string | undefined; body: Record<string, unknown>; status: number }[] = [];
  let sent = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      setTimeout(() => {
        const status = script[calls.length] ?? 200;
        calls.push({
          idempotencyKey: req.headers['idempotency-key'] as string | undefined,
          body: JSON.parse(raw),
          status,
        });
        res.writeHead(status, { 'content-type': 'application/json' });
        if (status === 200) res.end(JSON.stringify({ id: `re_msg_${++sent}` }));
        else
          res.end(
            JSON.stringify({
              statusCode: status,
              name: status === 422 ? 'validation_error' : 'internal_server_error',
              message: 'stub failure',
            }),
          );
      }, delayMs);
    });
  });
  return {
    calls,
    async start() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let db: Db;
let tenant: Awaited<ReturnType<typeof makeTenant>>['tenant'];

beforeAll(async () => {
  ({ db } = await testDb());
  ({ tenant } = await makeTenant(db, 'post'));
});

const brand = () => ({
  name: tenant.name,
  colors: { primary: tenant.primaryColor, secondary: tenant.secondaryColor, font: tenant.fontColor },
});
const queue = (to: string) =>
  enqueueMail(db, {
    tenantId: tenant.id,
    template: 'welcome',
    to,
    subject: 'Ihr Zugang',
    fromName: tenant.name,
    element: createElement(WelcomeMail, {
      brand: brand(),
      firstName: 'Ada',
      username: 'aadmin',
      loginUrl: 'http://post.localhost:3000/login',
    }),
  });
const makeDue = () => db.execute(sql`UPDATE outbox SET next_attempt_at = now() WHERE status = 'pending'`);
const row = async (id: string) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

describe('outbox delivery', () => {
  const stubs: ReturnType<typeof resendStub>[] = [];
  afterAll(async () => {
    for (const s of stubs) await s.stop();
  });

  it('renders branded HTML and text versions', async () => {
    const id = await queue('render@kunde.example');
    const mail = await row(id);
    expect(mail.html).toContain(tenant.primaryColor);
    expect(mail.html).toContain('post Makler GmbH');
    expect(mail.text).toContain('http://post.localhost:3000/login');
    expect(mail.text).not.toContain('<');
    expect(mail.fromAddress).toBe('"post Makler GmbH" <noreply@mappe.localhost>');
    await db.delete(outbox).where(eq(outbox.id, id));
  });

  it("renders in the recipient's language: German by default, English on request", async () => {
    const props = {
      brand: brand(),
      firstName: 'Ada',
      username: 'aadmin',
      loginUrl: 'http://post.localhost:3000/login',
    };
    const de = await renderMail(createElement(WelcomeMail, props));
    const en = await renderMail(createElement(WelcomeMail, { ...props, locale: 'en' }));
    expect(de.text).toContain('Guten Tag Ada,');
    expect(de.text).toContain('Ihr BENUTZERNAME lautet: aadmin');
    expect(de.html).toContain('lang="de"');
    expect(en.text).toContain('Hello Ada,');
    expect(en.text).toContain('Your USERNAME is: aadmin');
    expect(en.text).not.toMatch(/Guten Tag|Zugang/);
    expect(en.html).toContain('lang="en"');
    expect(translate('de', 'mail.welcome.subject', { tenant: 'X' })).toBe('Ihr Zugang zu X');
    expect(translate('en', 'mail.ticketStaff.subject', { reason: 'created' })).toBe('New message from a client');
  });

  it('writes nothing when the surrounding transaction rolls back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueMail(tx, {
          tenantId: tenant.id,
          template: 'welcome',
          to: 'rollback@kunde.example',
          subject: 'x',
          element: createElement(WelcomeMail, { brand: brand(), firstName: 'A', username: 'a', loginUrl: 'http://x/' }),
        });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await db.select().from(outbox).where(eq(outbox.toAddress, 'rollback@kunde.example'))).toHaveLength(0);
  });

  it('retries a failing Resend three times and then delivers exactly once, with one idempotency key', async () => {
    const stub = resendStub([500, 503, 429, 200]);
    stubs.push(stub);
    const sender = resendSender('re_test_key', await stub.start());
    const id = await queue('retry@kunde.example');
    for (let round = 0; round < 6; round++) {
      await deliverDue(db, sender);
      await makeDue();
    }
    const mail = await row(id);
    expect(mail.status).toBe('sent');
    expect(mail.attempts).toBe(4);
    expect(mail.providerMessageId).toBe('re_msg_1');
    expect(mail.deliveredTo).toBe('resend');
    expect(stub.calls.map((c) => c.status)).toEqual([500, 503, 429, 200]);
    expect(new Set(stub.calls.map((c) => c.idempotencyKey))).toEqual(new Set([`outbox-${id}`]));
    expect(stub.calls[3]!.body).toMatchObject({ to: ['retry@kunde.example'], subject: 'Ihr Zugang' });
  });

  it('backs off between attempts instead of hammering the provider', async () => {
    const stub = resendStub([500, 500, 500]);
    stubs.push(stub);
    const sender = resendSender('re_test_key', await stub.start());
    const id = await queue('backoff@kunde.example');
    await deliverDue(db, sender);
    await deliverDue(db, sender); // not due yet
    expect(stub.calls).toHaveLength(1);
    const mail = await row(id);
    expect(mail.status).toBe('pending');
    expect(mail.lastError).toContain('500');
    const wait = (mail.nextAttemptAt.getTime() - Date.now()) / 1000;
    expect(wait).toBeGreaterThan(15);
    expect(wait).toBeLessThan(45);
    await db.execute(sql`UPDATE outbox SET status = 'failed' WHERE id = ${id}`);
  });

  it('gives up at once on a permanent error (e.g. an invalid address)', async () => {
    const stub = resendStub([422]);
    stubs.push(stub);
    const sender = resendSender('re_test_key', await stub.start());
    const id = await queue('invalid@kunde.example');
    await deliverDue(db, sender);
    await makeDue();
    await deliverDue(db, sender);
    expect((await row(id)).status).toBe('failed');
    expect(stub.calls).toHaveLength(1);
  });

  it('never sends a mail twice when two workers run at once', async () => {
    const stub = resendStub([], 150);
    stubs.push(stub);
    const sender = resendSender('re_test_key', await stub.start());
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => queue(`parallel${i}@kunde.example`)));
    await Promise.all([deliverDue(db, sender, 3), deliverDue(db, sender, 3), deliverDue(db, sender, 3)]);
    const rows = await Promise.all(ids.map(row));
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(stub.calls).toHaveLength(6);
    expect(new Set(stub.calls.map((c) => c.idempotencyKey)).size).toBe(6);
  });

  it('keeps mails in the local mailbox without a Resend key', async () => {
    const id = await queue('mailbox@kunde.example');
    await deliverDue(db, mailboxSender);
    const mail = await row(id);
    expect(mail.status).toBe('sent');
    expect(mail.deliveredTo).toBe('mailbox');
    // the mail only lives in the local mailbox: its links must stay readable there
    expect(mail.text).toContain('http://post.localhost:3000/login');
    expect(mail.html).toContain('http://post.localhost:3000/login');
  });

  it('clears the body of a mail Resend delivered (issue 13, finding 8: links and tokens do not stay in the outbox)', async () => {
    const stub = resendStub([500, 200]);
    stubs.push(stub);
    const sender = resendSender('re_test_key', await stub.start());
    const id = await queue('cleared@kunde.example');
    await deliverDue(db, sender);
    // a failed attempt keeps the body for the retry
    expect((await row(id)).text).toContain('http://post.localhost:3000/login');
    await makeDue();
    await deliverDue(db, sender);
    const mail = await row(id);
    expect(stub.calls[1]!.body).toMatchObject({ to: ['cleared@kunde.example'] });
    expect(String(stub.calls[1]!.body.text)).toContain('http://post.localhost:3000/login');
    expect(mail).toMatchObject({
      status: 'sent',
      deliveredTo: 'resend',
      subject: 'Ihr Zugang',
      toAddress: 'cleared@kunde.example',
      template: 'welcome',
      html: '',
      text: '',
    });
    const raw = JSON.stringify((await db.execute(sql`SELECT * FROM outbox WHERE id = ${id}`))[0]);
    expect(raw).not.toContain('post.localhost:3000/login');
  });

  it('clears bodies of mails delivered before (the sweeper), never of pending or mailbox mails', async () => {
    const delivered = await queue('old-delivered@kunde.example');
    const pending = await queue('old-pending@kunde.example');
    const local = await queue('old-mailbox@kunde.example');
    await db.execute(
      sql`UPDATE outbox SET status = 'sent', delivered_to = 'resend', sent_at = now() WHERE id = ${delivered}`,
    );
    await db.execute(
      sql`UPDATE outbox SET status = 'sent', delivered_to = 'mailbox', sent_at = now() WHERE id = ${local}`,
    );
    expect(await clearDeliveredBodies(db)).toBeGreaterThanOrEqual(1);
    expect(await row(delivered)).toMatchObject({ html: '', text: '', subject: 'Ihr Zugang', status: 'sent' });
    expect((await row(pending)).text).toContain('http://post.localhost:3000/login');
    expect((await row(local)).text).toContain('http://post.localhost:3000/login');
    expect(await clearDeliveredBodies(db)).toBe(0);
    await db.delete(outbox).where(eq(outbox.id, pending));
  });
});
