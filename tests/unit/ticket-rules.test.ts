/**
 * KOMMUNIKATION rules (SPEC §5) as pure functions: the ticket state machine for every status × action ×
 * party, the unread rule, and the form schemas. Expectations are written from the SPEC, not the code.
 */
import { describe, expect, it } from 'vitest';
import { translateMessage } from '../../lib/forms/message';
import {
  isUnread,
  ticketLimits,
  transition,
  type Party,
  type TicketAction,
  type TicketStatus,
} from '../../lib/tickets/rules';
import { forwardSchema, newTicketSchema, replySchema, ticketListSchema } from '../../lib/tickets/schemas';

/* ------------------------------------------------------------------ the state machine */

type Outcome = { ok: true; next: TicketStatus; reopened: boolean } | { ok: false; because: 'party' | 'status' };

/**
 * SPEC: anyone who may send replies; a reply to a closed ticket reopens it. Only employees forward and
 * close; forwarding and closing need an open ticket. A client is refused for being a client, whatever the status.
 */
const table: [TicketStatus, TicketAction, Party, Outcome][] = [
  ['open', 'reply', 'client', { ok: true, next: 'open', reopened: false }],
  ['open', 'reply', 'employee', { ok: true, next: 'open', reopened: false }],
  ['closed', 'reply', 'client', { ok: true, next: 'open', reopened: true }],
  ['closed', 'reply', 'employee', { ok: true, next: 'open', reopened: true }],
  ['open', 'forward', 'client', { ok: false, because: 'party' }],
  ['open', 'forward', 'employee', { ok: true, next: 'open', reopened: false }],
  ['closed', 'forward', 'client', { ok: false, because: 'party' }],
  ['closed', 'forward', 'employee', { ok: false, because: 'status' }],
  ['open', 'close', 'client', { ok: false, because: 'party' }],
  ['open', 'close', 'employee', { ok: true, next: 'closed', reopened: false }],
  ['closed', 'close', 'client', { ok: false, because: 'party' }],
  ['closed', 'close', 'employee', { ok: false, because: 'status' }],
];

describe('transition', () => {
  it('the table covers every status × action × party exactly once', () => {
    const statuses: TicketStatus[] = ['open', 'closed'];
    const actions: TicketAction[] = ['reply', 'forward', 'close'];
    const parties: Party[] = ['client', 'employee'];
    const all = statuses.flatMap((s) => actions.flatMap((a) => parties.map((p) => `${s}/${a}/${p}`)));
    expect(table.map(([s, a, p]) => `${s}/${a}/${p}`).sort()).toEqual(all.sort());
  });

  it.each(table)('%s × %s by %s', (status, action, by, outcome) => {
    const result = transition(status, action, by);
    if (outcome.ok) {
      expect(result).toEqual({ ok: true, next: outcome.next, reopened: outcome.reopened });
      return;
    }
    expect(result.ok).toBe(false);
    // a catalog key whose German sentence the form can show next to the button
    const reason = translateMessage('de', (result as { reason: string }).reason);
    expect(reason).toMatch(/^[A-ZÄÖÜ].{10,}\.$/);
    if (outcome.because === 'party') expect(reason).toMatch(/Nur Mitarbeiter/);
    else expect(reason).toMatch(/abgeschlossen/);
  });

  it('says the same for a closed ticket as for an open one when a client tries to close or forward', () => {
    // the refusal does not leak the status to a client
    for (const action of ['close', 'forward'] as const)
      expect(transition('open', action, 'client')).toEqual(transition('closed', action, 'client'));
  });

  it('only a reply reopens, and only a closed ticket', () => {
    for (const [status, action, by] of table) {
      const r = transition(status, action, by);
      if (r.ok && r.reopened) expect([status, action]).toEqual(['closed', 'reply']);
      if (r.ok && r.next === 'closed') expect(action).toBe('close');
    }
  });
});

/* ------------------------------------------------------------------ unread */

describe('isUnread', () => {
  const me = 'user-me';
  const other = 'user-other';
  const t = (iso: string) => new Date(iso);

  it.each([
    // never read: unread when somebody else wrote last
    ['never read, last entry by somebody else', { at: t('2024-05-01T10:00:00Z'), by: other }, null, true],
    ['never read, last entry without author', { at: t('2024-05-01T10:00:00Z'), by: null }, null, true],
    // my own entry never makes a ticket unread, however old my marker
    ['never read, last entry my own', { at: t('2024-05-01T10:00:00Z'), by: me }, null, false],
    ['my own entry after my marker', { at: t('2024-05-01T10:00:00Z'), by: me }, t('2024-04-01T10:00:00Z'), false],
    // somebody else's entry compared with my marker
    ['newer than my marker', { at: t('2024-05-01T10:00:00.001Z'), by: other }, t('2024-05-01T10:00:00.000Z'), true],
    ['exactly at my marker', { at: t('2024-05-01T10:00:00Z'), by: other }, t('2024-05-01T10:00:00Z'), false],
    ['older than my marker', { at: t('2024-05-01T09:59:59.999Z'), by: other }, t('2024-05-01T10:00:00Z'), false],
    ['a day newer than my marker', { at: t('2024-05-02T10:00:00Z'), by: other }, t('2024-05-01T10:00:00Z'), true],
    [
      'without author, newer than my marker',
      { at: t('2024-05-02T10:00:00Z'), by: null },
      t('2024-05-01T10:00:00Z'),
      true,
    ],
    [
      'without author, older than my marker',
      { at: t('2024-04-30T10:00:00Z'), by: null },
      t('2024-05-01T10:00:00Z'),
      false,
    ],
  ] as const)('%s → %s', (_name, last, readAt, unread) => {
    expect(isUnread(last, me, readAt)).toBe(unread);
  });

  it('depends on who reads: the same entry is unread for the others, read for its author', () => {
    const last = { at: t('2024-05-01T10:00:00Z'), by: other };
    expect(isUnread(last, me, null)).toBe(true);
    expect(isUnread(last, other, null)).toBe(false);
  });
});

/* ------------------------------------------------------------------ forms */

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const key = 'f0e1d2c3-b4a5-4978-8a6b-5c4d3e2f1a00';

describe('newTicketSchema', () => {
  const form = (over: Record<string, unknown> = {}) => ({
    assigneeId: uuid(1),
    subject: ' Frage zur Police ',
    message: '  Hallo,\nbitte rufen Sie an.  ',
    contractId: '',
    uploads: '',
    idempotencyKey: key,
    ...over,
  });

  it('parses the browser form: trimmed text, no contract, no uploads', () => {
    expect(newTicketSchema.parse(form())).toEqual({
      assigneeId: uuid(1),
      subject: 'Frage zur Police',
      message: 'Hallo,\nbitte rufen Sie an.',
      contractId: null,
      uploads: [],
      idempotencyKey: key,
    });
  });

  it('keeps a contract and de-duplicates the uploads', () => {
    const r = newTicketSchema.parse(form({ contractId: uuid(9), uploads: `${uuid(2)},${uuid(3)},${uuid(2)},` }));
    expect(r.contractId).toBe(uuid(9));
    expect(r.uploads).toEqual([uuid(2), uuid(3)]);
  });

  it.each([
    ['no assignee', { assigneeId: '' }, 'assigneeId', 'Bitte wählen Sie einen Ansprechpartner.'],
    ['an assignee that is no id', { assigneeId: 'admin' }, 'assigneeId', 'Ungültige Auswahl.'],
    ['an empty subject', { subject: '   ' }, 'subject', 'Bitte geben Sie einen Betreff ein.'],
    ['a subject of 201 characters', { subject: 'x'.repeat(201) }, 'subject', 'Höchstens 200 Zeichen.'],
    ['an empty message', { message: ' \n ' }, 'message', 'Bitte schreiben Sie eine Nachricht.'],
    ['a missing message', { message: undefined }, 'message', 'Bitte schreiben Sie eine Nachricht.'],
    ['a message of 10 001 characters', { message: 'x'.repeat(10_001) }, 'message', 'Höchstens 10.000 Zeichen.'],
    ['a contract that is no id', { contractId: 'x' }, 'contractId', undefined],
    [
      '11 attachments',
      { uploads: Array.from({ length: 11 }, (_, i) => uuid(i + 1)).join(',') },
      'uploads',
      'Höchstens 10 Dateien.',
    ],
    ['an attachment that is no id', { uploads: `${uuid(1)},../etc` }, 'uploads', undefined],
    ['a short idempotency key', { idempotencyKey: 'abc' }, 'idempotencyKey', 'Bitte laden Sie die Seite neu.'],
    [
      'an idempotency key with odd characters',
      { idempotencyKey: 'abcdefgh;DROP' },
      'idempotencyKey',
      'Bitte laden Sie die Seite neu.',
    ],
    ['a missing idempotency key', { idempotencyKey: undefined }, 'idempotencyKey', 'Bitte laden Sie die Seite neu.'],
  ])('refuses %s', (_name, over, field, message) => {
    const r = newTicketSchema.safeParse(form(over));
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path[0] === field);
    expect(issue, `an issue on ${field}: ${JSON.stringify(r.error!.issues)}`).toBeDefined();
    if (message) expect(translateMessage('de', issue!.message)).toBe(message);
  });

  it('accepts the limits exactly', () => {
    const r = newTicketSchema.parse(
      form({
        subject: 's'.repeat(ticketLimits.subject),
        message: 'm'.repeat(ticketLimits.message),
        uploads: Array.from({ length: 10 }, (_, i) => uuid(i + 1)).join(','),
        idempotencyKey: 'a'.repeat(64),
      }),
    );
    expect(r.uploads).toHaveLength(10);
    expect(newTicketSchema.safeParse(form({ idempotencyKey: 'a'.repeat(65) })).success).toBe(false);
    expect(newTicketSchema.safeParse(form({ idempotencyKey: 'a1b2-c3d' })).success).toBe(true);
  });
});

describe('replySchema and forwardSchema', () => {
  it('a reply needs a ticket id, a message and a key', () => {
    expect(replySchema.parse({ ticketId: uuid(5), message: ' Danke! ', idempotencyKey: key })).toEqual({
      ticketId: uuid(5),
      message: 'Danke!',
      uploads: [],
      idempotencyKey: key,
    });
    expect(replySchema.safeParse({ ticketId: 'x', message: 'Danke', idempotencyKey: key }).success).toBe(false);
    expect(replySchema.safeParse({ ticketId: uuid(5), message: '   ', idempotencyKey: key }).success).toBe(false);
    expect(replySchema.safeParse({ ticketId: uuid(5), message: 'Danke' }).success).toBe(false);
  });

  it('a forward needs a target; the internal note is optional, trimmed and bounded', () => {
    expect(forwardSchema.parse({ ticketId: uuid(5), toId: uuid(6) })).toEqual({
      ticketId: uuid(5),
      toId: uuid(6),
      note: null,
    });
    expect(forwardSchema.parse({ ticketId: uuid(5), toId: uuid(6), note: '   ' }).note).toBeNull();
    expect(forwardSchema.parse({ ticketId: uuid(5), toId: uuid(6), note: ' Bitte übernehmen ' }).note).toBe(
      'Bitte übernehmen',
    );
    expect(forwardSchema.parse({ ticketId: uuid(5), toId: uuid(6), note: 'n'.repeat(2000) }).note).toHaveLength(2000);
    const long = forwardSchema.safeParse({ ticketId: uuid(5), toId: uuid(6), note: 'n'.repeat(2001) });
    expect(long.success).toBe(false);
    expect(translateMessage('de', long.error!.issues[0]!.message)).toBe('Höchstens 2.000 Zeichen.');
    const none = forwardSchema.safeParse({ ticketId: uuid(5), toId: '' });
    expect(none.success).toBe(false);
    expect(none.error!.issues[0]).toMatchObject({ path: ['toId'] });
    expect(translateMessage('de', none.error!.issues[0]!.message)).toBe(
      'Bitte wählen Sie, an wen das Ticket gehen soll.',
    );
  });

  it('the list defaults to my open tickets and refuses unknown filters', () => {
    expect(ticketListSchema.parse({})).toEqual({ status: 'open', scope: 'mine' });
    expect(ticketListSchema.parse({ status: 'closed', scope: 'all', after: 'abc' })).toEqual({
      status: 'closed',
      scope: 'all',
      after: 'abc',
    });
    expect(ticketListSchema.safeParse({ status: 'deleted' }).success).toBe(false);
    expect(ticketListSchema.safeParse({ scope: 'everyone' }).success).toBe(false);
  });
});
