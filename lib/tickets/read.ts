import 'server-only';
import { cache } from 'react';
import type { Actor as SessionActor } from '../auth/current';
import { db } from '../db/client';
import { assignableEmployees, listClientTickets, listTickets, openTicket, openTicketFile, ticketFormOptions, unreadCount, type Actor } from '.';
import type { TicketStatus } from './rules';

export const ticketsFor = (tenantId: string, actor: Actor, options: Parameters<typeof listTickets>[3]) => listTickets(db(), tenantId, actor, options);
export const clientTicketsFor = (tenantId: string, actor: Actor, status: TicketStatus) => listClientTickets(db(), tenantId, actor, status);
export const ticketFor = (tenantId: string, actor: Actor, id: string) => openTicket(db(), tenantId, actor, id);
export const employeesForTickets = (tenantId: string, contact: { advisorId: string | null }) => assignableEmployees(db(), tenantId, contact);
export const ticketFileFor = (tenantId: string, actor: Actor, id: string) => openTicketFile(db(), tenantId, actor, id);
/** The KOMMUNIKATION badge of the signed-in user (once per request). */
export const unreadFor = cache((actor: SessionActor) => unreadCount(db(), actor.tenant.id, actor.user));
export const newTicketOptions = (tenantId: string, actor: Actor) => ticketFormOptions(db(), tenantId, actor);
