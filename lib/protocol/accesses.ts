import { canSeeProtocol } from '../access/protocol';
import { requireRight } from '../access/require';
import { contactFacts } from '../contacts/facts';
import type { Ctx } from '../ctx';
import { listProtocol, type ProtocolItem } from './list';

/** The kinds of "Zugriffe": who opened the contact, viewed or downloaded a document, exported the data. */
export const accessKinds = ['contact.opened', 'document.viewed', 'document.downloaded', 'contact.exported'] as const;

/** "Zugriffe" on the contact page, newest first: for those who may see PROTOKOLL, within their scope. */
export async function contactAccesses(ctx: Ctx, contactId: string, limit = 20): Promise<ProtocolItem[]> {
  requireRight(canSeeProtocol(ctx.actor));
  await contactFacts(ctx, contactId);
  return (await listProtocol(ctx, { contact: contactId }, { limit, kinds: accessKinds })).items;
}
