import { and, eq } from 'drizzle-orm';
import { ticketRights, type TicketRights } from '../access/tickets';
import type { Viewer } from '../access/folder';
import { viewerOf } from '../access/viewer';
import { contactFacts, type ContactBasics } from '../contacts/facts';
import type { Ctx } from '../ctx';
import { tickets, type Ticket } from '../db/schema';
import { DomainError } from '../errors';

/**
 * The start of every ticket verb: the ticket, its contact (through the scope rule) and what the actor may
 * do, as lib/access decides. Missing, of another tenant, out of scope or not readable all look the same.
 */
export const missing = () => new DomainError('not_found', 'tickets.errors.notFound');

export interface Access {
  contact: ContactBasics;
  viewer: Viewer;
  rights: TicketRights;
}

/** The contact of a ticket as the actor may reach it; `not_found` (as a ticket) when out of reach. */
export async function reachContact(ctx: Ctx, contactId: string): Promise<ContactBasics> {
  try {
    return await contactFacts(ctx, contactId);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') throw missing();
    throw error;
  }
}

/** Rights on the tickets of one contact; `not_found` unless the actor may at least read them. */
export async function accessTo(ctx: Ctx, contactId: string): Promise<Access> {
  if (ctx.actor.kind === 'client' && ctx.actor.id !== contactId) throw missing();
  const contact = await reachContact(ctx, contactId);
  const viewer = await viewerOf(ctx);
  const rights = ticketRights(viewer, contact);
  if (!rights.read) throw missing();
  return { contact, viewer, rights };
}

/** The ticket row (locked for the writing transaction when asked), or `not_found`. */
export async function ticketRow(ctx: Ctx, id: string, lock = false): Promise<Ticket> {
  const query = ctx.db
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, ctx.tenant.id), eq(tickets.id, id)));
  const [t] = lock ? await query.for('update') : await query;
  if (!t) throw missing();
  return t;
}

/** "Dafür haben Sie keine Berechtigung." unless the actor may send on this ticket. */
export function requireWrite(ctx: Ctx, rights: TicketRights): void {
  if (rights.write) return;
  throw new DomainError('forbidden', ctx.actor.kind === 'client' ? 'tickets.errors.readOnly' : 'errors.forbidden');
}
