import 'server-only';
import { db } from '../db/client';
import { getOwnProfile } from './profile';

export const ownProfile = (tenantId: string, userId: string) => getOwnProfile(db(), tenantId, userId);
