import 'server-only';
import type { EmployeeLike } from '../access/employee';
import { db } from '../db/client';
import { advisorOptions, getContact, listContacts } from './queries';

/** Page-level reads with the app's pool (the pages pass the signed-in employee, never an id from input). */
export const contactList = (tenantId: string, actor: EmployeeLike, options: Parameters<typeof listContacts>[3]) => listContacts(db(), tenantId, actor, options);
export const contactDetail = (tenantId: string, actor: EmployeeLike, id: string) => getContact(db(), tenantId, actor, id);
export const advisorsOf = (tenantId: string) => advisorOptions(db(), tenantId);
