import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rightsOf } from '../access/freigaben';
import { DomainError } from '../actions/domain-error';
import { audit } from '../audit';
import type { Db } from '../db/client';
import { contactProfiles, users } from '../db/schema';
import { optionalText, phoneField, zipField } from '../forms/fields';
import { loadGrants } from '../grants';

/** What a client may change in PROFIL (name, birth date and e-mail stay with the advisor). */
export const ownProfileSchema = z.object({
  phone: phoneField,
  mobile: phoneField,
  street: optionalText(120),
  zip: zipField,
  city: optionalText(80),
});

export type OwnProfile = {
  salutation: string | null;
  title: string | null;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  email: string;
  username: string;
  phone: string | null;
  mobile: string | null;
  street: string | null;
  zip: string | null;
  city: string | null;
};

export async function getOwnProfile(database: Db, tenantId: string, userId: string): Promise<OwnProfile | null> {
  const [row] = await database
    .select({
      salutation: users.salutation,
      title: users.title,
      firstName: users.firstName,
      lastName: users.lastName,
      birthDate: users.birthDate,
      email: users.email,
      username: users.username,
      phone: contactProfiles.phone,
      mobile: contactProfiles.mobile,
      street: contactProfiles.street,
      zip: contactProfiles.zip,
      city: contactProfiles.city,
    })
    .from(users)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
    .where(and(eq(users.tenantId, tenantId), eq(users.kind, 'client'), eq(users.id, userId)));
  return row ?? null;
}

/** PROFIL bearbeiten by the client: only with the write right on PROFIL; audited, shown to the advisor. */
export async function updateOwnProfile(database: Db, tenantId: string, client: { id: string; kind: string }, input: z.output<typeof ownProfileSchema>): Promise<void> {
  if (client.kind !== 'client') throw new DomainError('forbidden', 'Nur Kunden ändern ihr eigenes Profil.');
  await database.transaction(async (tx) => {
    const grants = await loadGrants(tx, tenantId, client.id);
    if (!rightsOf(grants, 'profile').mayCreateEditOwn) throw new DomainError('forbidden', 'Sie dürfen Ihr Profil nicht ändern. Bitte wenden Sie sich an Ihren Berater.');
    const [before] = await tx
      .select({ phone: contactProfiles.phone, mobile: contactProfiles.mobile, street: contactProfiles.street, zip: contactProfiles.zip, city: contactProfiles.city })
      .from(contactProfiles)
      .where(and(eq(contactProfiles.tenantId, tenantId), eq(contactProfiles.userId, client.id)));
    const fields = (Object.keys(input) as (keyof typeof input)[]).filter((k) => (before?.[k] ?? null) !== input[k]);
    if (fields.length === 0) return;
    await tx
      .insert(contactProfiles)
      .values({ tenantId, userId: client.id, ...input })
      .onConflictDoUpdate({ target: contactProfiles.userId, set: { ...input, updatedAt: sql`now()` } });
    const labels: Record<string, string> = { phone: 'Telefon', mobile: 'Mobil', street: 'Straße', zip: 'PLZ', city: 'Ort' };
    await audit(tx, { tenantId, actorType: 'user', actorId: client.id, action: 'contact.profile.changed_by_client', targetType: 'contact', targetId: client.id, meta: { fields: fields.map((f) => labels[f]) } });
  });
}
