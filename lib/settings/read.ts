import 'server-only';
import { db } from '../db/client';
import { loadTexts } from '.';

export const textsOf = (tenantId: string) => loadTexts(db(), tenantId);
