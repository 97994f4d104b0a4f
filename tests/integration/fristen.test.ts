/**
 * FRISTEN list against real PostgreSQL: scope (BETREUER), the VERSICHERUNGEN right, other tenant, read-only,
 * erledigt with a note (audited, hidden by default), filters, keyset pages, the start page's count and
 * the CSV export (tenant, actor and right checked again).
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/sessions';
import type { Ctx } from '../../lib/ctx';
import type { Db } from '../../lib/db/client';
import { auditLog, contracts } from '../../lib/db/schema';
import { addDays, toIso } from '../../lib/deadlines';
import { countUpcomingDeadlines, listDeadlines, markDeadlineDone, reopenDeadline } from '../../lib/fristen';
import { exportResponse } from '../../lib/fristen/http';
import { todayInGermany } from '../../lib/fristen/today';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { employee, makeWorld, type World } from './folder-world';

let db: Db;
let w: World;
const today = todayInGermany();
const inDays = (n: number) => toIso(addDays(today, n));
let ids: Record<'k1Kfz' | 'k2Hausrat' | 'bKfz' | 'k2Finance' | 'k2Ended', string>;
let financeOnly: SessionUser;

const ctx = (actor: SessionUser, tenant = w.A.id): Promise<Ctx> => ctxFor(db, tenant, actor);
const contractIds = async (actor: SessionUser, window: '30' | '90' | 'overdue', extra = {}, tenant = w.A.id) =>
  (await listDeadlines(await ctx(actor, tenant), { window, ...extra })).items.map((i) => i.contractId).sort();

async function insert(tenantId: string, contactId: string, values: Partial<typeof contracts.$inferInsert>) {
  const [row] = await db
    .insert(contracts)
    .values({ tenantId, contactId, area: 'insurance', status: 'aktiv', product: 'Kfz-Versicherung', ...values })
    .returning({ id: contracts.id });
  return row!.id;
}

beforeAll(async () => {
  ({ db } = await testDb());
  w = await makeWorld(db, 'fristen');
  financeOnly = await employee(db, w.A, 'NurFinanzen', {
    insurance: 'none',
    finance: 'write',
    other: 'none',
    emergency: 'none',
    communication: 'none',
  });
  ids = {
    // Kfz: one month before the Hauptfälligkeit → inside the next 30 days.
    k1Kfz: await insert(w.A.id, w.k1.id, { mainDueDate: inDays(50), provider: 'Kfz AG', number: 'K1' }),
    // Hausrat (product line Sparte 130): three months before → inside 90, not 30 days.
    k2Hausrat: await insert(w.A.id, w.k2.id, {
      product: 'Hausratversicherung',
      mainDueDate: inDays(150),
      provider: 'Haus AG',
    }),
    bKfz: await insert(w.B.id, w.contactB.id, { mainDueDate: inDays(50) }),
    k2Finance: await insert(w.A.id, w.k2.id, { area: 'finance', product: 'Bausparvertrag', mainDueDate: inDays(50) }),
    k2Ended: await insert(w.A.id, w.k2.id, { status: 'gekündigt', mainDueDate: inDays(50) }),
  };
});

describe('FRISTEN list: who sees what', () => {
  it('an admin sees the running insurance contracts of the own tenant, per window', async () => {
    expect(await contractIds(w.adminA, '30')).toEqual([ids.k1Kfz]);
    expect(await contractIds(w.adminA, '90')).toEqual([ids.k1Kfz, ids.k2Hausrat].sort());
    const [kfz] = (await listDeadlines(await ctx(w.adminA), { window: '30' })).items;
    expect(kfz).toMatchObject({ contactId: w.k1.id, sparte: '050', advisorName: 'Erika Eigene', provider: 'Kfz AG' });
    expect(kfz!.deadline.kind).toBe('motor');
  });

  it('the other tenant sees only its own', async () => {
    expect(await contractIds(w.adminB, '90', {}, w.B.id)).toEqual([ids.bKfz]);
  });

  it('scope "own" reaches only the contacts the employee looks after', async () => {
    expect(await contractIds(w.scoped, '90')).toEqual([ids.k1Kfz]);
  });

  it('needs a right in VERSICHERUNGEN; read is enough to see', async () => {
    expect(await contractIds(w.reader, '90')).toEqual([ids.k1Kfz, ids.k2Hausrat].sort());
    for (const actor of [w.noRights, financeOnly, w.clients.rel])
      await expect(listDeadlines(await ctx(actor), { window: '90' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await countUpcomingDeadlines(await ctx(w.noRights), 30)).toBe(0);
  });

  it('filters by Sparte, VERSICHERER and BETREUER', async () => {
    expect(await contractIds(w.adminA, '90', { sparte: '130' })).toEqual([ids.k2Hausrat]);
    expect(await contractIds(w.adminA, '90', { provider: 'Kfz AG' })).toEqual([ids.k1Kfz]);
    expect(await contractIds(w.adminA, '90', { advisorId: w.writer.id })).toEqual([ids.k2Hausrat]);
  });

  it('pages by keyset, in the order of the last day', async () => {
    const c = await ctx(w.adminA);
    const first = await listDeadlines(c, { window: '90', limit: 1 });
    expect(first.total).toBe(2);
    expect(first.items.map((i) => i.contractId)).toEqual([ids.k1Kfz]);
    const second = await listDeadlines(c, { window: '90', limit: 1, after: first.next });
    expect(second.items.map((i) => i.contractId)).toEqual([ids.k2Hausrat]);
    expect(second.next).toBeNull();
  });

  it('counts the next 30 days for the start page', async () => {
    expect(await countUpcomingDeadlines(await ctx(w.adminA), 30)).toBe(1);
    expect(await countUpcomingDeadlines(await ctx(w.adminA), 90)).toBe(2);
    expect(await countUpcomingDeadlines(await ctx(w.scoped), 90)).toBe(1);
    // The start page's tile counts only up to its "99+" cap: an index range, not the whole window.
    expect(await countUpcomingDeadlines(await ctx(w.adminA), 90, undefined, 1)).toBe(1);
    expect(await countUpcomingDeadlines(await ctx(w.adminA), 90, undefined, 5)).toBe(2);
  });
});

describe('FRISTEN: erledigt', () => {
  const deadlineOf = async (contractId: string) =>
    (await listDeadlines(await ctx(w.adminA), { window: '90', showDone: true })).items.find(
      (i) => i.contractId === contractId,
    )!;

  it('marks a deadline done with a note (audited), hides it, shows it with the toggle, reopens it', async () => {
    const { deadline } = await deadlineOf(ids.k2Hausrat);
    await markDeadlineDone(await ctx(w.writer), {
      contractId: ids.k2Hausrat,
      deadlineId: deadline.id,
      note: 'Kunde bleibt',
    });
    expect(await contractIds(w.adminA, '90')).toEqual([ids.k1Kfz]);
    expect(await countUpcomingDeadlines(await ctx(w.adminA), 90)).toBe(1);
    expect((await deadlineOf(ids.k2Hausrat)).done).toMatchObject({ note: 'Kunde bleibt' });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'deadline.done'), eq(auditLog.targetId, w.k2.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.meta).toMatchObject({ contractId: ids.k2Hausrat, deadlineId: deadline.id });

    await reopenDeadline(await ctx(w.writer), { contractId: ids.k2Hausrat, deadlineId: deadline.id });
    expect(await contractIds(w.adminA, '90')).toEqual([ids.k1Kfz, ids.k2Hausrat].sort());
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'deadline.reopened'), eq(auditLog.targetId, w.k2.id))),
    ).toHaveLength(1);
  });

  it('refuses read-only, missing right, out of scope, other tenant and unknown deadlines', async () => {
    const { deadline } = await deadlineOf(ids.k2Hausrat);
    const input = { contractId: ids.k2Hausrat, deadlineId: deadline.id, note: null };
    await expect(markDeadlineDone(await ctx(w.reader), input)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(markDeadlineDone(await ctx(financeOnly), input)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(markDeadlineDone(await ctx(w.scoped), input)).rejects.toMatchObject({ code: 'not_found' });
    await expect(markDeadlineDone(await ctx(w.adminB, w.B.id), input)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      markDeadlineDone(await ctx(w.adminA), { ...input, deadlineId: 'ordinary:1999-01-01' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(markDeadlineDone(await ctx(w.adminA), { ...input, contractId: ids.k2Finance })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(reopenDeadline(await ctx(w.adminA), input)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('FRISTEN: CSV export', () => {
  const csv = async (res: Response) => {
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, bom: bytes[0] === 0xef && bytes[1] === 0xbb, text: new TextDecoder().decode(bytes) };
  };

  it('exports the window for employees with the right, scoped; refuses the others', async () => {
    const admin = await csv(await exportResponse(await ctx(w.adminA), { window: '90' }));
    expect(admin.status).toBe(200);
    expect(admin.bom).toBe(true);
    expect(admin.text.startsWith('"Letzter Tag";"Status"')).toBe(true);
    expect(admin.text).toContain('Karla BetreutVonEigene');
    expect(admin.text).toContain('Karla BetreutVonSchreiber');
    expect(admin.text).toContain('PflVG §5a(1)');
    const scoped = await csv(await exportResponse(await ctx(w.scoped), { window: '90' }));
    expect(scoped.text).toContain('Karla BetreutVonEigene');
    expect(scoped.text).not.toContain('BetreutVonSchreiber');
    expect((await exportResponse(await ctx(w.reader), { window: '90' })).status).toBe(200);
    expect((await exportResponse(await ctx(w.noRights), { window: '90' })).status).toBe(403);
    expect((await exportResponse(await ctx(financeOnly), { window: '90' })).status).toBe(403);
    expect((await exportResponse(await ctx(w.clients.rel), { window: '90' })).status).toBe(404);
    expect((await exportResponse(null, { window: '90' })).status).toBe(404);
    const other = await csv(await exportResponse(await ctx(w.adminB, w.B.id), { window: '90' }));
    expect(other.text).not.toContain('BetreutVon');
    expect(other.text).toContain('FremdKontakt');
  });
});
