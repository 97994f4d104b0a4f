import { hashPassword } from '../../lib/auth/password';
import type { Db } from '../../lib/db/client';
import { createTenant } from '../../lib/tenant/create';
import { createAccount } from '../../lib/users/create';

export const PASSWORD = 'Richtig-Langes-Passwort-1';

/** A tenant with an active admin and an active client, both with PASSWORD. */
export async function makeTenant(db: Db, slug: string) {
  const passwordHash = await hashPassword(PASSWORD);
  return db.transaction(async (tx) => {
    const { tenant, admin } = await createTenant(tx, {
      slug,
      name: `${slug} Makler GmbH`,
      admin: { email: `admin@${slug}.example`, firstName: 'Ada', lastName: 'Admin', passwordHash },
    });
    const client = await createAccount(tx, {
      tenantId: tenant.id,
      kind: 'client',
      email: `kunde@${slug}.example`,
      firstName: 'Karl',
      lastName: 'Kunde',
      passwordHash,
      status: 'active',
    });
    return { tenant, admin, client };
  });
}
