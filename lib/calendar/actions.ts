'use server';

import { advisorAction } from '../actions/define';
import { calendarNamesSchema, emptySchema } from './schemas';
import { createCalendarFeed, revokeCalendarFeed, setCalendarNames } from './token';

/** "Mein Zugang" → Kalender-Abo: a new secret URL (shown once in the answer; the old one stops working). */
export const createCalendarFeedAction = advisorAction({
  name: 'calendar.create',
  schema: emptySchema,
  run: (ctx) => createCalendarFeed(ctx),
  revalidate: () => '/account',
  echo: 'never',
});

export const revokeCalendarFeedAction = advisorAction({
  name: 'calendar.revoke',
  schema: emptySchema,
  run: (ctx) => revokeCalendarFeed(ctx),
  revalidate: () => '/account',
  echo: 'never',
});

export const calendarNamesAction = advisorAction({
  name: 'calendar.names',
  schema: calendarNamesSchema,
  run: setCalendarNames,
  revalidate: () => '/account',
  echo: 'never',
});
