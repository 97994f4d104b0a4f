import type { MessageKey } from '../i18n';

/**
 * KOMMUNIKATION rules as pure functions (SPEC §5): the ticket state machine, the unread computation and the
 * limits. Who may do what is decided in lib/access/tickets.ts; this is what the ticket's state allows.
 */

export type TicketStatus = 'open' | 'closed';
export type TicketAction = 'reply' | 'forward' | 'close';
export type Party = 'client' | 'employee';

/**
 * open → closed (employees only); a reply to a closed ticket reopens it; forwarding needs an open ticket.
 * A refusal carries a catalog key the form shows next to the button; a client hears "only employees"
 * whatever the status, so the refusal does not reveal it.
 */
export function transition(
  status: TicketStatus,
  action: TicketAction,
  by: Party,
): { ok: true; next: TicketStatus; reopened: boolean } | { ok: false; reason: MessageKey } {
  if (action === 'close') {
    if (by !== 'employee') return { ok: false, reason: 'tickets.errors.onlyStaffClose' };
    if (status === 'closed') return { ok: false, reason: 'tickets.errors.alreadyClosed' };
    return { ok: true, next: 'closed', reopened: false };
  }
  if (action === 'forward') {
    if (by !== 'employee') return { ok: false, reason: 'tickets.errors.onlyStaffForward' };
    if (status === 'closed') return { ok: false, reason: 'tickets.errors.closedNoForward' };
    return { ok: true, next: 'open', reopened: false };
  }
  return { ok: true, next: 'open', reopened: status === 'closed' };
}

/**
 * A ticket is unread for a reader when its newest entry they can see is from somebody else and newer
 * than their read marker. Staff see every entry (messages and forwards); clients the messages only.
 */
export function isUnread(last: { at: Date; by: string | null }, readerId: string, readAt: Date | null): boolean {
  if (last.by === readerId) return false;
  return readAt === null || last.at.getTime() > readAt.getTime();
}

export const ticketLimits = { subject: 200, message: 10_000, note: 2_000, attachments: 10 } as const;

/**
 * Each new ticket and each reply mails somebody, so one account may send only so many per hour (issue 13,
 * finding 12). Counted on the rows themselves: nothing extra to delete with a client.
 */
export const sendLimits = { windowSeconds: 3600, tickets: 20, replies: 60 } as const;
