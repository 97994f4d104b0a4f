import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import { createAccount } from '../users/create';
import { createTenant } from '../tenant/create';
import type { Db } from './client';
import { contactProfiles, tenants } from './schema';

/** Demo logins printed by `npm start` and used by the end-to-end tests. */
export const demoLogins = {
  demo: {
    name: 'Demo Makler GmbH',
    admin: { username: 'demo.admin', password: 'Demo-Admin-Passwort-2026' },
    employee: { username: 'demo.mitarbeiter', password: 'Demo-Mitarbeiter-2026' },
    client: { username: 'demo.kunde', password: 'Demo-Kunde-Passwort-2026' },
  },
  nord: {
    name: 'Nordlicht Finanz GmbH',
    admin: { username: 'nord.admin', password: 'Nord-Admin-Passwort-2026' },
  },
} as const;

/** Seeds the demo tenants once; running it again changes nothing. */
export async function seedDemo(database: Db): Promise<{ created: string[] }> {
  const created: string[] = [];
  await database.transaction(async (tx) => {
    const [demo] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'demo'));
    if (!demo) {
      const { tenant } = await createTenant(tx, {
        slug: 'demo',
        name: demoLogins.demo.name,
        primaryColor: '#0b4f6c',
        secondaryColor: '#f2a541',
        fontColor: '#1f2933',
        admin: {
          email: 'anna.berger@demo-makler.example',
          firstName: 'Anna',
          lastName: 'Berger',
          birthDate: '1979-04-12',
          username: demoLogins.demo.admin.username,
          passwordHash: await hashPassword(demoLogins.demo.admin.password),
        },
      });
      const employee = await createAccount(tx, {
        tenantId: tenant.id,
        kind: 'employee',
        role: 'employee',
        email: 'max.keller@demo-makler.example',
        salutation: 'Herr',
        firstName: 'Max',
        lastName: 'Keller',
        birthDate: '1985-06-14',
        username: demoLogins.demo.employee.username,
        passwordHash: await hashPassword(demoLogins.demo.employee.password),
        status: 'active',
        employeeType: 'mitarbeiter',
        rights: { insurance: 'write', finance: 'write', other: 'read', emergency: 'none', communication: 'write' },
        scope: 'all',
      });
      const contacts: [string, string, string, string, 'none' | 'active', string?][] = [
        ['Frau', 'Julia', 'Schmidt', '1990-03-21', 'active', demoLogins.demo.client.username],
        ['Herr', 'Thomas', 'Wagner', '1972-11-02', 'none'],
        ['Frau', 'Sabine', 'Hoffmann', '1968-01-30', 'none'],
        ['Herr', 'Mehmet', 'Yılmaz', '1988-08-08', 'none'],
      ];
      for (const [salutation, firstName, lastName, birthDate, status, username] of contacts) {
        const contact = await createAccount(tx, {
          tenantId: tenant.id,
          kind: 'client',
          salutation,
          firstName,
          lastName,
          birthDate,
          username,
          email: `${firstName}.${lastName}@kunde.example`.toLowerCase().replace('ı', 'i'),
          passwordHash: status === 'active' ? await hashPassword(demoLogins.demo.client.password) : null,
          status,
        });
        await tx.insert(contactProfiles).values({ tenantId: tenant.id, userId: contact.id, city: 'Hamburg', zip: '20095', advisorId: employee.id, createdBy: employee.id });
      }
      created.push('demo');
    }
    const [nord] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'nord'));
    if (!nord) {
      await createTenant(tx, {
        slug: 'nord',
        name: demoLogins.nord.name,
        primaryColor: '#7c2d12',
        secondaryColor: '#15803d',
        fontColor: '#1c1917',
        admin: {
          email: 'lars.jensen@nordlicht.example',
          firstName: 'Lars',
          lastName: 'Jensen',
          username: demoLogins.nord.admin.username,
          passwordHash: await hashPassword(demoLogins.nord.admin.password),
        },
      });
      created.push('nord');
    }
  });
  return { created };
}
