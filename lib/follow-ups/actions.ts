'use server';

import { advisorAction } from '../actions/define';
import { createFollowUp } from './create';
import { setFollowUpDone } from './done';
import { createFollowUpSchema, followUpDoneSchema } from './schemas';

/** WIEDERVORLAGE ANLEGEN (contact or contract page). */
export const createFollowUpAction = advisorAction({
  name: 'followUps.create',
  schema: createFollowUpSchema,
  run: createFollowUp,
  revalidate: (input) => [
    `/contacts/${input.contactId}`,
    ...(input.contractId ? [`/contacts/${input.contactId}/contracts/${input.contractId}`] : []),
    '/wiedervorlagen',
  ],
  echo: 'failure',
});

/** ERLEDIGT / WIEDER ÖFFNEN. */
export const followUpDoneAction = advisorAction({
  name: 'followUps.done',
  schema: followUpDoneSchema,
  run: setFollowUpDone,
  revalidate: (_input, data) => ['/wiedervorlagen', `/contacts/${data.contactId}`],
  echo: 'never',
});
