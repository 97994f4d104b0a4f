/**
 * A small world for the folder tests (contracts, documents): two tenants, employees with different
 * rights and scopes, contacts with and without BETREUER, and clients with each relevant combination of
 * FREIGABEN switches (the same switches in every folder module and PROFIL, set through saveGrants).
 */
import type postgres from 'postgres';
import { expect } from 'vitest';
import { clientModules, emptyGrants, type Grants, type Switches } from '../../lib/access/freigaben';
import { DomainError } from '../../lib/errors';
import type { SessionUser } from '../../lib/auth/sessions';
import { contractSchema } from '../../lib/contracts/schemas';
import type { Db } from '../../lib/db/client';
import { contactProfiles, type EmployeeRights, type Tenant } from '../../lib/db/schema';
import { saveGrants } from '../../lib/grants';
import { createAccount } from '../../lib/users/create';
import { makeTenant } from './fixtures';
import { ctxFor, sessionUserOf } from './ctx';

export const sw = (activation: boolean, dataRelease: boolean, readOnly: boolean): Switches => ({
  activation,
  dataRelease,
  readOnly,
});

/** The same switches in every module (PROFIL, KOMMUNIKATION and the four folder areas). */
export function everywhere(s: Switches): Grants {
  const g = emptyGrants();
  for (const m of clientModules) g[m] = { ...s };
  return g;
}

export const level = (l: 'none' | 'read' | 'write'): EmployeeRights => ({
  insurance: l,
  finance: l,
  other: l,
  emergency: l,
  communication: l,
});

/** The signed-in user exactly as the server code hands it to the domain. */
export const actorOf = (db: Db, id: string): Promise<SessionUser> => sessionUserOf(db, id);

let seq = 0;

export async function employee(
  db: Db,
  tenant: Tenant,
  name: string,
  rights: EmployeeRights,
  scope: 'all' | 'own' = 'all',
): Promise<SessionUser> {
  const u = await createAccount(db, {
    tenantId: tenant.id,
    kind: 'employee',
    role: 'employee',
    email: `${name.toLowerCase()}${++seq}@${tenant.slug}.example`,
    firstName: 'Erika',
    lastName: name,
    status: 'active',
    passwordHash: 'kein-echter-hash',
    rights,
    scope,
  });
  return actorOf(db, u.id);
}

/** A contact (client account) with a BETREUER; with grants it is an active portal user. */
export async function contact(
  db: Db,
  tenant: Tenant,
  name: string,
  advisorId: string | null,
  grants?: { by: SessionUser; grants: Grants },
): Promise<SessionUser> {
  const u = await createAccount(db, {
    tenantId: tenant.id,
    kind: 'client',
    email: `${name.toLowerCase()}${++seq}@kunde.example`,
    firstName: 'Karla',
    lastName: name,
    status: grants ? 'active' : 'none',
    passwordHash: grants ? 'kein-echter-hash' : null,
  });
  await db
    .insert(contactProfiles)
    .values({ tenantId: tenant.id, userId: u.id, city: 'Köln', advisorId, createdBy: advisorId });
  if (grants) await saveGrants(await ctxFor(db, tenant.id, grants.by), { contactId: u.id, grants: grants.grants });
  return actorOf(db, u.id);
}

export async function makeWorld(db: Db, slug: string) {
  const a = await makeTenant(db, slug);
  const b = await makeTenant(db, `${slug}-fremd`);
  const adminA = await actorOf(db, a.admin.id);
  const adminB = await actorOf(db, b.admin.id);
  const writer = await employee(db, a.tenant, 'Schreiber', level('write'));
  // write in VERSICHERUNGEN, read in FINANZEN, nothing in SONSTIGE VERTRÄGE and NOTFALL-ORDNER
  const mixed = await employee(db, a.tenant, 'Gemischt', {
    insurance: 'write',
    finance: 'read',
    other: 'none',
    emergency: 'none',
    communication: 'read',
  });
  const reader = await employee(db, a.tenant, 'Leser', level('read'));
  const noRights = await employee(db, a.tenant, 'Ohnerechte', level('none'));
  const scoped = await employee(db, a.tenant, 'Eigene', level('write'), 'own');

  const k1 = await contact(db, a.tenant, 'BetreutVonEigene', scoped.id); // the scoped employee's contact
  const k2 = await contact(db, a.tenant, 'BetreutVonSchreiber', writer.id);
  const grant = (s: Switches) => ({ by: adminA, grants: everywhere(s) });
  const clients = {
    act: await contact(db, a.tenant, 'Freischaltung', writer.id, grant(sw(true, false, false))),
    rel: await contact(db, a.tenant, 'Datenfreigabe', writer.id, grant(sw(false, true, false))),
    ro: await contact(db, a.tenant, 'Nurlesen', writer.id, grant(sw(false, false, true))),
    actRo: await contact(db, a.tenant, 'FreischaltungNurlesen', writer.id, grant(sw(true, false, true))),
    none: await contact(db, a.tenant, 'Nichts', writer.id, grant(sw(false, false, false))),
    /** DATENFREIGABE, looked after by the scoped employee. */
    mine: await contact(db, a.tenant, 'Eigenkunde', scoped.id, grant(sw(false, true, false))),
  };
  const writerB = await employee(db, b.tenant, 'SchreiberB', level('write'));
  const clientB = await contact(db, b.tenant, 'FremdKunde', adminB.id, {
    by: adminB,
    grants: everywhere(sw(false, true, false)),
  });
  const contactB = await contact(db, b.tenant, 'FremdKontakt', writerB.id);
  return {
    A: a.tenant,
    B: b.tenant,
    adminA,
    adminB,
    writer,
    mixed,
    reader,
    noRights,
    scoped,
    k1,
    k2,
    clients,
    writerB,
    clientB,
    contactB,
  };
}
export type World = Awaited<ReturnType<typeof makeWorld>>;

/** A contract form as the browser posts it (strings), parsed by the real schema. */
export function contractForm(area: 'insurance' | 'finance' | 'other' | 'emergency', over: Record<string, string> = {}) {
  const base: Record<string, string> =
    area === 'emergency'
      ? { area, product: 'Patientenverfügung', title: 'Patientenverfügung vom Notar' }
      : area === 'insurance'
        ? {
            area,
            status: 'aktiv',
            product: 'Kfz-Versicherung',
            provider: 'CONDOR Allgemeine Versicherungs-AG',
            number: `KFZ-${++seq}`,
            frequency: 'monatlich',
            premium: '10,00',
          }
        : area === 'finance'
          ? {
              area,
              status: 'aktiv',
              product: 'Bausparvertrag',
              provider: 'Aachener Bausparkasse AG',
              number: `BSV-${++seq}`,
              frequency: 'monatlich',
              premium: '50,00',
            }
          : {
              area,
              status: 'aktiv',
              product: 'Strom',
              provider: 'Stadtwerke Köln',
              number: `STROM-${++seq}`,
              frequency: 'monatlich',
              premium: '80,00',
            };
  return contractSchema.parse({ ...base, ...over });
}

/** Everything the folder operations could change (row text hashed), plus the audit and object counts. */
export async function folderPrint(pg: postgres.Sql): Promise<Record<string, string>> {
  const [row] = await pg<Record<string, string>[]>`
    SELECT
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM contracts x), '')) AS contracts,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM documents x), '')) AS documents,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM document_files x), '')) AS files,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM uploads x), '')) AS uploads,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM providers x), '')) AS providers,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.user_id, x.module) FROM client_grants x), '')) AS grants,
      (SELECT count(*)::text FROM audit_log) AS audit`;
  return row!;
}

/** The call must be refused with one of the codes and leave the database exactly as it was. */
export async function refusedUnchanged(
  pg: postgres.Sql,
  call: () => Promise<unknown>,
  codes: string[] = ['forbidden', 'not_found'],
): Promise<DomainError> {
  const before = await folderPrint(pg);
  let error: unknown;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  expect(error, 'expected a refusal, but the call succeeded').toBeInstanceOf(DomainError);
  expect(codes, `refusal code (${(error as Error).message})`).toContain((error as DomainError).code);
  expect(await folderPrint(pg), 'nothing changed').toEqual(before);
  return error as DomainError;
}
