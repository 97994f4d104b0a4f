'use server';

import { headers } from 'next/headers';
import { advisorAction, publicAction } from '../actions/define';
import { clientIp } from '../tenant/request-ip';
import { acceptLead } from './accept';
import { acceptLeadSchema, leadSchema } from './schemas';
import { submitLead } from './submit';

/** "Kunde werden / Kontakt aufnehmen" on the public page (tenant from the host; bots kept out in submitLead). */
export const submitLeadAction = publicAction({
  name: 'lead.submit',
  schema: leadSchema,
  run: async (ctx, input) => submitLead(ctx, { ...input, ip: clientIp(await headers()) }),
  echo: 'always',
});

/** ALS KUNDEN ÜBERNEHMEN on the contact page. */
export const acceptLeadAction = advisorAction({
  name: 'lead.accept',
  schema: acceptLeadSchema,
  run: acceptLead,
  revalidate: (input) => `/contacts/${input.contactId}`,
});
