import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import { createAccount } from '../users/create';
import { createTenant } from '../tenant/create';
import type { Db } from './client';
import { clientGrants, contactProfiles, contracts, tenants } from './schema';

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
        await tx.insert(contactProfiles).values({
          tenantId: tenant.id,
          userId: contact.id,
          city: 'Hamburg',
          zip: '20095',
          advisorId: employee.id,
          createdBy: employee.id,
        });
        if (username) await seedFolder(tx, tenant.id, contact.id, employee.id);
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

type SeedTx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The demo client's folder as in the handbook's example: VERSICHERUNGEN read only (advisor contracts
 * visible), FINANZEN and SONSTIGE VERTRÄGE for own contracts and uploads, KOMMUNIKATION and PROFIL usable.
 */
async function seedFolder(tx: SeedTx, tenantId: string, clientId: string, advisorId: string): Promise<void> {
  const on = { activation: true, dataRelease: false, readOnly: false };
  await tx.insert(clientGrants).values([
    { tenantId, userId: clientId, module: 'profile', ...on, updatedBy: advisorId },
    { tenantId, userId: clientId, module: 'communication', ...on, updatedBy: advisorId },
    {
      tenantId,
      userId: clientId,
      module: 'insurance',
      activation: false,
      dataRelease: false,
      readOnly: true,
      updatedBy: advisorId,
    },
    { tenantId, userId: clientId, module: 'finance', ...on, updatedBy: advisorId },
    { tenantId, userId: clientId, module: 'other', ...on, updatedBy: advisorId },
  ]);
  const by = {
    tenantId,
    contactId: clientId,
    createdBy: advisorId,
    updatedBy: advisorId,
    status: 'aktiv' as const,
    paymentMethod: 'Lastschrift',
  };
  await tx.insert(contracts).values([
    {
      ...by,
      area: 'insurance',
      product: 'Privathaftpflichtversicherung',
      provider: 'CONDOR Allgemeine Versicherungs-AG',
      number: 'PHV-4471-2201',
      frequency: 'jährlich',
      premiumCents: 8990,
      startDate: '2022-01-01',
      noticePeriod: '3 Monate zum Ablauf',
    },
    {
      ...by,
      area: 'insurance',
      product: 'Hausratversicherung',
      provider: 'Allianz Versicherungs-AG',
      number: 'HR 77 120 455',
      frequency: 'monatlich',
      premiumCents: 1245,
      startDate: '2021-07-01',
    },
    {
      ...by,
      area: 'insurance',
      product: 'Kfz-Versicherung',
      provider: 'HUK-COBURG Haftpflicht-Unterstützungs-Kasse kraftfahrender Beamter Deutschlands a. G. in Coburg',
      number: 'HH-JS-2024',
      frequency: 'halbjährlich',
      premiumCents: 31280,
      startDate: '2024-03-15',
    },
    {
      ...by,
      area: 'insurance',
      product: 'Berufsunfähigkeitsversicherung',
      provider: 'Alte Leipziger Lebensversicherung a. G.',
      number: 'BU-998877',
      frequency: 'monatlich',
      premiumCents: 7350,
      startDate: '2019-10-01',
      endDate: '2057-09-30',
    },
    {
      ...by,
      area: 'finance',
      product: 'Bausparvertrag',
      provider: 'Bausparkasse Schwäbisch Hall AG',
      number: '4711-0815',
      frequency: 'monatlich',
      premiumCents: 5000,
      startDate: '2020-05-01',
    },
  ]);
}
