import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { contactProfiles, users } from '../../db/schema';
import type { FieldValues } from '../types';

export interface CurrentContact {
  id: string;
  kind: 'employee' | 'client';
  status: string;
  values: FieldValues;
  /** `users.updated_at|contact_profiles.updated_at` as text: the undo's "nobody touched it since". */
  stamp: string;
}

const columns = {
  id: users.id,
  kind: users.kind,
  status: users.status,
  salutation: users.salutation,
  title: users.title,
  firstName: users.firstName,
  lastName: users.lastName,
  birthDate: users.birthDate,
  email: users.email,
  company: contactProfiles.company,
  phone: contactProfiles.phone,
  mobile: contactProfiles.mobile,
  street: contactProfiles.street,
  zip: contactProfiles.zip,
  city: contactProfiles.city,
  advisorId: contactProfiles.advisorId,
  customerNumber: contactProfiles.customerNumber,
  note: contactProfiles.note,
  stamp: sql<string>`${users.updatedAt}::text || '|' || coalesce(${contactProfiles.updatedAt}::text, '')`,
};

/** People of the tenant (contacts and employees: one e-mail = one person) by a condition. */
export async function currentContacts(tx: Tx, tenantId: string, where: SQL, lock = false): Promise<CurrentContact[]> {
  const q = tx
    .select(columns)
    .from(users)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
    .where(and(eq(users.tenantId, tenantId), where));
  const rows = lock ? await q.for('update', { of: users }) : await q;
  return rows.map(({ id, kind, status, stamp, ...values }) => ({ id, kind, status, stamp, values }));
}

export const byEmails = (emails: string[]) => inArray(sql`lower(${users.email})`, emails);
export const byId = (id: string) => eq(users.id, id);

/** The fields an import changes on `users`, the rest sit on `contact_profiles`. */
export const userFields = ['salutation', 'title', 'firstName', 'lastName', 'birthDate', 'email'] as const;
export const profileFields = [
  'company',
  'phone',
  'mobile',
  'street',
  'zip',
  'city',
  'advisorId',
  'customerNumber',
  'note',
] as const;

/** For an existing contact: the imported values that are given (an empty cell never clears a field). */
export function diff(current: FieldValues, imported: FieldValues) {
  const after: FieldValues = {};
  const before: FieldValues = {};
  for (const [k, v] of Object.entries(imported)) {
    if (v === null || v === '') continue;
    after[k] = v;
    before[k] = current[k] ?? null;
  }
  const changed = Object.keys(after).filter((k) => String(after[k] ?? '') !== String(before[k] ?? ''));
  return { after, before, changed };
}
