/**
 * KOMMUNIKATION rules as pure functions (SPEC §5): the ticket state machine, who may do what, and the
 * unread computation. Used by the domain functions, the pages and the unit tests.
 */

export type TicketStatus = 'open' | 'closed';
export type TicketAction = 'reply' | 'forward' | 'close';
export type Party = 'client' | 'employee';

/** open → closed (employees only); a reply to a closed ticket reopens it; forwarding needs an open ticket. */
export function transition(status: TicketStatus, action: TicketAction, by: Party): { ok: true; next: TicketStatus; reopened: boolean } | { ok: false; reason: string } {
  if (action === 'close') {
    if (by !== 'employee') return { ok: false, reason: 'Nur Mitarbeiter können ein Ticket abschließen.' };
    if (status === 'closed') return { ok: false, reason: 'Das Ticket ist bereits abgeschlossen.' };
    return { ok: true, next: 'closed', reopened: false };
  }
  if (action === 'forward') {
    if (by !== 'employee') return { ok: false, reason: 'Nur Mitarbeiter können ein Ticket weiterleiten.' };
    if (status === 'closed') return { ok: false, reason: 'Ein abgeschlossenes Ticket kann nicht weitergeleitet werden.' };
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

export const statusLabels: Record<TicketStatus, string> = { open: 'offen', closed: 'abgeschlossen' };
