import { aliasedTable, and, asc, count, desc, eq, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { contactScope } from '../access/scope';
import { canSeeContact } from '../access/employee';
import type { Ctx } from '../ctx';
import { contracts, followUps, users } from '../db/schema';
import { addDays, calendarDay, isoWeekday, toIso } from '../deadlines/dates';
import { mayBeAssigned } from '../access/reminders';
import { contactFacts } from '../contacts/facts';

const assignee = aliasedTable(users, 'assignee');

export interface FollowUpItem {
  id: string;
  contactId: string;
  contactName: string;
  contractId: string | null;
  contractProduct: string | null;
  assigneeName: string;
  dueOn: string;
  note: string;
  doneAt: Date | null;
}

const today = () => calendarDay(new Date());

function select(ctx: Ctx, where: SQL) {
  return ctx.db
    .select({
      id: followUps.id,
      contactId: followUps.contactId,
      firstName: users.firstName,
      lastName: users.lastName,
      contractId: followUps.contractId,
      contractProduct: contracts.product,
      assigneeFirst: assignee.firstName,
      assigneeLast: assignee.lastName,
      dueOn: followUps.dueOn,
      note: followUps.note,
      doneAt: followUps.doneAt,
    })
    .from(followUps)
    .innerJoin(users, and(eq(users.tenantId, followUps.tenantId), eq(users.id, followUps.contactId)))
    .innerJoin(assignee, and(eq(assignee.tenantId, followUps.tenantId), eq(assignee.id, followUps.assigneeId)))
    .leftJoin(contracts, and(eq(contracts.tenantId, followUps.tenantId), eq(contracts.id, followUps.contractId)))
    .where(
      and(
        eq(followUps.tenantId, ctx.tenant.id),
        contactScope(ctx.actor, { tenantId: followUps.tenantId, contactId: followUps.contactId }),
        where,
      ),
    );
}

const toItem = (r: Awaited<ReturnType<typeof select>>[number]): FollowUpItem => ({
  id: r.id,
  contactId: r.contactId,
  contactName: `${r.firstName} ${r.lastName}`,
  contractId: r.contractId,
  contractProduct: r.contractProduct,
  assigneeName: `${r.assigneeFirst} ${r.assigneeLast}`,
  dueOn: r.dueOn,
  note: r.note,
  doneAt: r.doneAt,
});

export interface MyFollowUps {
  overdue: FollowUpItem[];
  today: FollowUpItem[];
  week: FollowUpItem[];
  later: FollowUpItem[];
  done: FollowUpItem[];
}

/** "Meine Wiedervorlagen": open ones by overdue / today / rest of this week (to Sunday) / later; the last done. */
export async function myFollowUps(ctx: Ctx): Promise<MyFollowUps> {
  if (ctx.actor.kind !== 'employee') return { overdue: [], today: [], week: [], later: [], done: [] };
  const now = today();
  const t = toIso(now);
  const sunday = toIso(addDays(now, 7 - isoWeekday(now)));
  const mine = eq(followUps.assigneeId, ctx.actor.id);
  const open = (
    await select(ctx, and(mine, isNull(followUps.doneAt))!)
      .orderBy(asc(followUps.dueOn))
      .limit(500)
  ).map(toItem);
  const done = (
    await select(ctx, and(mine, isNotNull(followUps.doneAt))!)
      .orderBy(desc(followUps.doneAt))
      .limit(20)
  ).map(toItem);
  return {
    overdue: open.filter((f) => f.dueOn < t),
    today: open.filter((f) => f.dueOn === t),
    week: open.filter((f) => f.dueOn > t && f.dueOn <= sunday),
    later: open.filter((f) => f.dueOn > sunday),
    done,
  };
}

/** The follow-ups on one contact (or one of its contracts), open first; for the contact and contract pages. */
export async function contactFollowUps(
  ctx: Ctx,
  { contactId, contractId }: { contactId: string; contractId?: string },
) {
  await contactFacts(ctx, contactId);
  const rows = await select(
    ctx,
    and(eq(followUps.contactId, contactId), contractId ? eq(followUps.contractId, contractId) : undefined)!,
  )
    .orderBy(sql`${followUps.doneAt} is not null`, asc(followUps.dueOn))
    .limit(50);
  return rows.map(toItem);
}

/**
 * For the start page: how many open follow-ups of the signed-in employee are due today or overdue
 * (contacts in scope only). `countFollowUps(ctx, 'today')` → "Meine Wiedervorlagen heute".
 */
export async function countFollowUps(ctx: Ctx, which: 'today' | 'overdue'): Promise<number> {
  if (ctx.actor.kind !== 'employee') return 0;
  const t = toIso(today());
  const [row] = await ctx.db
    .select({ n: count() })
    .from(followUps)
    .where(
      and(
        eq(followUps.tenantId, ctx.tenant.id),
        eq(followUps.assigneeId, ctx.actor.id),
        isNull(followUps.doneAt),
        which === 'today' ? eq(followUps.dueOn, t) : lt(followUps.dueOn, t),
        contactScope(ctx.actor, { tenantId: followUps.tenantId, contactId: followUps.contactId }),
      ),
    );
  return row?.n ?? 0;
}

/** Employees who may be assigned a follow-up on this contact (active, may see it): the form's choices. */
export async function assigneeOptions(ctx: Ctx, { contactId }: { contactId: string }) {
  const contact = await contactFacts(ctx, contactId);
  if (ctx.actor.kind !== 'employee' || !canSeeContact(ctx.actor, contact)) return [];
  const rows = await ctx.db
    .select({
      id: users.id,
      kind: users.kind,
      role: users.role,
      rights: users.rights,
      scope: users.scope,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'employee'), eq(users.status, 'active')))
    .orderBy(asc(users.lastName), asc(users.firstName));
  return rows.filter((u) => mayBeAssigned(u, contact)).map((u) => ({ id: u.id, name: `${u.firstName} ${u.lastName}` }));
}
