import 'server-only';
import { db } from '../db/client';
import { inspectToken } from './tokens';

/** The state of a password link for the page (reading never consumes the link). */
export const inspectLink = (tenantId: string, token: string) => inspectToken(db(), tenantId, token);
