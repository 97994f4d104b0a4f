import 'server-only';
import { db } from '../db/client';
import { contactActivity, loadGrants } from '.';

export const grantsOf = (tenantId: string, contactId: string) => loadGrants(db(), tenantId, contactId);
export const activityOf = (tenantId: string, contactId: string) => contactActivity(db(), tenantId, contactId);
