'use server';

import { z } from 'zod';
import { advisorAction, sessionAction } from '../actions/define';
import { endAllSessionsOf, endAllSessionsSchema, endMySession, endOtherSessions, endSessionSchema } from './end';

const accountPath = (kind: string) => (kind === 'client' ? '/portal/account' : '/account');

/** "Abmelden" at one of the own sessions in "Mein Zugang". */
export const endSessionAction = sessionAction({
  name: 'sessions.end',
  schema: endSessionSchema,
  run: endMySession,
  revalidate: (_input, _data, ctx) => accountPath(ctx.actor.kind),
});

/** "Alle anderen abmelden". */
export const endOtherSessionsAction = sessionAction({
  name: 'sessions.endOthers',
  schema: z.object({}),
  run: endOtherSessions,
  revalidate: (_input, _data, ctx) => accountPath(ctx.actor.kind),
});

/** An admin ends every session of an employee (BENUTZER) or of a client (contact page). */
export const endAllSessionsAction = advisorAction({
  name: 'sessions.endAll',
  schema: endAllSessionsSchema,
  run: endAllSessionsOf,
});
