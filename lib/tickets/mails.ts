import { and, eq } from 'drizzle-orm';
import { createElement } from 'react';
import { ownTicketRights } from '../access/tickets';
import { loadGrants } from '../access/viewer';
import { localeOf, type Ctx } from '../ctx';
import { users } from '../db/schema';
import { translate } from '../i18n';
import { brandFor } from '../mail/brand';
import { enqueueMail } from '../mail/outbox';
import { TicketClientMail, TicketStaffMail } from '../mail/templates/ticket';
import { tenantBaseUrl } from '../tenant/lookup';

/**
 * KOMMUNIKATION notifications, written to the outbox inside the verb's transaction (no change, no mail).
 * They carry no content – who, and a link – and are rendered in the recipient's language.
 */

async function recipient(ctx: Ctx, id: string) {
  const [u] = await ctx.db
    .select({ email: users.email, status: users.status, locale: users.locale })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, id)));
  return u ?? null;
}

/** To the employee who has the ticket now: a new ticket, a client's reply, or a forward (by the actor). */
export async function staffMail(
  ctx: Ctx,
  toId: string,
  reason: 'created' | 'replied' | 'forwarded',
  client: { firstName: string; lastName: string },
  ticketId: string,
): Promise<void> {
  const to = await recipient(ctx, toId);
  if (!to) return;
  const { tenant, actor } = ctx;
  const locale = localeOf(to, tenant);
  const by = reason === 'forwarded' ? `${actor.firstName} ${actor.lastName}` : undefined;
  await enqueueMail(ctx.db, {
    tenantId: tenant.id,
    template: `ticket.${reason}`,
    to: to.email,
    subject: translate(locale, 'mail.ticketStaff.subject', { reason }),
    fromName: tenant.name,
    element: createElement(TicketStaffMail, {
      brand: await brandFor(ctx.db, tenant),
      reason,
      clientName: `${client.firstName} ${client.lastName}`,
      by,
      url: `${tenantBaseUrl(tenant)}/tickets/${ticketId}`,
      locale,
    }),
  });
}

/** To the client after an employee's reply – only while they have an account and may open KOMMUNIKATION. */
export async function clientMail(ctx: Ctx, contactId: string, ticketId: string): Promise<void> {
  const client = await recipient(ctx, contactId);
  if (!client || client.status === 'locked' || client.status === 'none') return;
  if (!ownTicketRights(await loadGrants(ctx.db, ctx.tenant.id, contactId)).read) return;
  const { tenant } = ctx;
  const locale = localeOf(client, tenant);
  await enqueueMail(ctx.db, {
    tenantId: tenant.id,
    template: 'ticket.client',
    to: client.email,
    subject: translate(locale, 'mail.ticketClient.subject'),
    fromName: tenant.name,
    element: createElement(TicketClientMail, {
      brand: await brandFor(ctx.db, tenant),
      url: `${tenantBaseUrl(tenant)}/portal/messages/${ticketId}`,
      locale,
    }),
  });
}
