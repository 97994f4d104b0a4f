'use server';

import { advisorAction } from '../actions/define';
import { markDeadlineDone, reopenDeadline } from './mark';
import { markDoneSchema, reopenSchema } from './schemas';

/** FRISTEN → erledigt (with a note). */
export const markDeadlineDoneAction = advisorAction({
  name: 'fristen.done',
  schema: markDoneSchema,
  run: markDeadlineDone,
  revalidate: () => '/fristen',
});

/** FRISTEN → wieder offen. */
export const reopenDeadlineAction = advisorAction({
  name: 'fristen.reopen',
  schema: reopenSchema,
  run: reopenDeadline,
  revalidate: () => '/fristen',
});
