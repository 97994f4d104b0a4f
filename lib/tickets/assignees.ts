import { and, asc, eq } from 'drizzle-orm';
import { requireEmployee } from '../access/require';
import { mayReceiveTickets } from '../access/tickets';
import type { ContactFacts } from '../access/folder';
import type { Ctx } from '../ctx';
import { users } from '../db/schema';
import { accessTo, requireWrite, ticketRow } from './guard';

export interface Assignee {
  id: string;
  name: string;
  email: string;
}

/**
 * Employees a client may write to / a ticket of this contact may be forwarded to: active, and allowed to
 * receive it (lib/access: the write right and the contact within their scope). A building block of the
 * verbs, called once they have checked the actor's access to the contact; sorted by last name.
 */
export async function assignableEmployees(ctx: Ctx, contact: Pick<ContactFacts, 'advisorId'>): Promise<Assignee[]> {
  const rows = await ctx.db
    .select({
      id: users.id,
      kind: users.kind,
      first: users.firstName,
      last: users.lastName,
      email: users.email,
      role: users.role,
      rights: users.rights,
      scope: users.scope,
    })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'employee'), eq(users.status, 'active')))
    .orderBy(asc(users.lastName), asc(users.firstName));
  return rows
    .filter((r) => mayReceiveTickets(r, contact))
    .map((r) => ({ id: r.id, name: `${r.first} ${r.last}`, email: r.email }));
}

/** WEITERLEITEN's list on the advisor's thread page: who else could take this ticket (names only). */
export async function forwardTargets(
  ctx: Ctx,
  { ticketId }: { ticketId: string },
): Promise<{ id: string; name: string }[]> {
  requireEmployee(ctx.actor);
  const t = await ticketRow(ctx, ticketId);
  const { contact, rights } = await accessTo(ctx, t.contactId);
  requireWrite(ctx, rights);
  return (await assignableEmployees(ctx, contact))
    .filter((e) => e.id !== t.assigneeId)
    .map(({ id, name }) => ({ id, name }));
}
