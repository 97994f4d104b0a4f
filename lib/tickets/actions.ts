'use server';

import { advisorAction, clientAction, sessionAction } from '../actions/define';
import { closeTicket } from './close';
import { createTicket } from './create';
import { forwardTicket } from './forward';
import { replyToTicket } from './reply';
import { forwardSchema, newTicketSchema, replySchema, ticketIdSchema } from './schemas';

const advisorPath = (input: { ticketId: string }) => `/tickets/${input.ticketId}`;

/** NEUE NACHRICHT → SENDEN (client); a double tap lands on the same ticket. The values stay in the form. */
export const createTicketAction = clientAction({
  name: 'tickets.create',
  schema: newTicketSchema,
  run: createTicket,
  redirect: (_input, data) => `/portal/messages/${data.id}?gesendet=1`,
  echo: 'always',
});

/** NEUER EINTRAG → SENDEN (client or employee); after success the form starts empty. */
export const replyAction = sessionAction({
  name: 'tickets.reply',
  schema: replySchema,
  run: replyToTicket,
  revalidate: (input, _data, ctx) =>
    ctx.actor.kind === 'client' ? `/portal/messages/${input.ticketId}` : advisorPath(input),
});

/** WEITERLEITEN (employees; the verb checks the write right on this contact). */
export const forwardAction = advisorAction({
  name: 'tickets.forward',
  schema: forwardSchema,
  run: forwardTicket,
  revalidate: advisorPath,
});

/** ABSCHLIESSEN – a crafted request from a client is refused by the builder and again by the verb. */
export const closeAction = advisorAction({
  name: 'tickets.close',
  schema: ticketIdSchema,
  run: closeTicket,
  revalidate: advisorPath,
});
