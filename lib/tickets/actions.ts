'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { echoValues, type FormState } from '../actions/result';
import { advisorAction, clientAction, sessionAction } from '../actions/wrap';
import { db } from '../db/client';
import { closeTicket, createTicket, forwardTicket, replyToTicket } from '.';
import { forwardSchema, newTicketSchema, replySchema, ticketIdSchema } from './schemas';

/** NEUE NACHRICHT → SENDEN (client); a double tap lands on the same ticket. */
export async function createTicketAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await clientAction<typeof newTicketSchema, undefined>('tickets.create', newTicketSchema, formData, async ({ actor, input }) => {
    const { id } = await createTicket(db(), actor.tenant, actor.user, input);
    redirect(`/portal/messages/${id}?gesendet=1`);
  });
  return { ...result, values: echoValues(formData) };
}

/** NEUER EINTRAG → SENDEN (client or employee). */
export async function replyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await sessionAction('tickets.reply', replySchema, formData, async ({ actor, input }) => {
    await replyToTicket(db(), actor.tenant, actor.user, input);
    revalidatePath(actor.user.kind === 'client' ? `/portal/messages/${input.ticketId}` : `/tickets/${input.ticketId}`);
    return { ok: true, data: undefined };
  });
  return { ...result, values: result.ok ? {} : echoValues(formData) };
}

export async function forwardAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await advisorAction('tickets.forward', forwardSchema, formData, async ({ actor, input }) => {
    await forwardTicket(db(), actor.tenant, actor.user, input);
    revalidatePath(`/tickets/${input.ticketId}`);
    return { ok: true, data: undefined };
  });
  return { ...result, values: result.ok ? {} : echoValues(formData) };
}

/** ABSCHLIESSEN – a crafted request from a client is refused by the wrapper and again by the domain. */
export async function closeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return advisorAction('tickets.close', ticketIdSchema, formData, async ({ actor, input }) => {
    await closeTicket(db(), actor.tenant, actor.user, input.ticketId);
    revalidatePath(`/tickets/${input.ticketId}`);
    return { ok: true, data: undefined };
  });
}
