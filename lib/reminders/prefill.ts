import { getContract } from '../contracts/get';
import type { Ctx } from '../ctx';
import { contractDeadlines, deadlineInput, formatDay, calendarDay } from '../deadlines';
import { explain } from '../deadlines/explain';
import { translate } from '../i18n';

export interface TicketPrefill {
  subject: string;
  message: string;
  contractId: string;
}

/**
 * The prefilled NEUE NACHRICHT behind a client's reminder mail: subject and text about the contract and
 * its deadline, asking the advisor for advice. Null when the contract is not (or no longer) visible or the
 * deadline is gone – the form then simply opens empty.
 */
export async function reminderTicketPrefill(
  ctx: Ctx,
  { contractId, deadlineId }: { contractId: string; deadlineId?: string | null },
): Promise<TicketPrefill | null> {
  const detail = await getContract(ctx, { id: contractId }).catch(() => null);
  if (!detail) return null;
  const c = detail.contract;
  const deadline = contractDeadlines(deadlineInput(c), calendarDay(new Date())).find(
    (d) => d.id === deadlineId && d.lastDay,
  );
  const product = c.provider ? `${c.product} (${c.provider})` : c.product;
  const { locale } = ctx;
  const lastDay = deadline?.lastDay ? formatDay(deadline.lastDay, locale) : null;
  return {
    contractId: c.id,
    subject: translate(locale, 'reminders.ticket.subject', { product: c.product }).slice(0, 120),
    message: lastDay
      ? translate(locale, 'reminders.ticket.message', { product, lastDay, reason: explain(deadline!.reason, locale) })
      : translate(locale, 'reminders.ticket.messageNoDate', { product }),
  };
}
