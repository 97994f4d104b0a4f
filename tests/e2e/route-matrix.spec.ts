/**
 * ROUTE MATRIX: every page of the app × every kind of visitor, against the real server (HTTP only,
 * no browser). One hand-written table says what each visitor must get, derived from the pages' code
 * and the rules (SPEC §3), not from trying it:
 *   ok           200, and the page shows the target (its marker is in the HTML)
 *   hidden       200, but the target is not shown (the "no rights" / "Nur für Admins" state, or a
 *                list search that must not find a contact outside the employee's scope)
 *   login        redirect to /login
 *   home-advisor redirect to /dashboard (an employee on a portal page or on /login)
 *   home-portal  redirect to /portal (a client on an advisor page or on /login)
 *   notfound     404, and the target's marker is nowhere in the answer
 * Whatever the outcome, a target's marker only ever appears in an 'ok' answer.
 *
 * The actors are created fresh in the e2e database (tenant demo; nord is the other tenant) with real
 * session rows and Auth.js cookies minted like scripts/bench.ts does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { presetGrants, type Grants } from '../../lib/access/freigaben';
import { createSession } from '../../lib/auth/sessions';
import { createDb, type Db } from '../../lib/db/client';
import { clientGrants, contactProfiles, tenants, users, type EmployeeRights } from '../../lib/db/schema';
import { createAccount } from '../../lib/users/create';
import { demo, PORT, viaHost } from './helpers';

const DATA_DIR = PORT === 3100 ? '.data/e2e' : `.data/e2e-${PORT}`;
/** scripts/services.ts localPorts(): the embedded PostgreSQL of the app under test. */
const DATABASE_URL = `postgres://postgres:mappe-local@127.0.0.1:${54000 + (PORT % 1000)}/mappe`;
const COOKIE = 'mappe.session';

/* ------------------------------------------------------------------ the table */

const actorKeys = [
  'anonymous',
  'admin',
  'writer', // employee with rights: all modules 'write', scope all
  'reader', // employee with all modules 'read', scope all
  'noRights', // employee with all modules 'none'
  'scoped', // employee with all 'write', scope own: BETREUER of contactOwn only
  'clientNone', // client of demo, all FREIGABEN off
  'clientReadAll', // client of demo, every module NUR LESEN
  'nordClient', // client of nord, with a valid nord session cookie, used on the demo host
] as const;
type ActorKey = (typeof actorKeys)[number];

const routeKeys = [
  '/',
  '/dashboard',
  '/contacts?q=<own>',
  '/contacts?q=<other>',
  '/contacts/new',
  '/contacts/<own>',
  '/contacts/<other>',
  '/contacts/<own>/kundenansicht',
  '/contacts/<other>/kundenansicht',
  '/contacts/<nord>',
  '/contacts/<nord>/kundenansicht',
  '/contacts/<employee id>',
  '/users',
  '/users/new',
  '/users/<employee>',
  '/users/<nord employee>',
  '/users/<client id>',
  '/account',
  '/portal',
  '/portal/folder',
  '/portal/folder/insurance',
  '/portal/profile',
  '/portal/messages',
  '/portal/account',
  '/login',
  '/reset',
  '/impressum',
] as const;
type RouteKey = (typeof routeKeys)[number];

type Outcome = 'ok' | 'hidden' | 'login' | 'home-advisor' | 'home-portal' | 'notfound';
type Row = Record<RouteKey, Outcome>;

const publicPages = { '/reset': 'ok', '/impressum': 'ok' } as const;

/** Not signed in on this host: every private page sends to the login. */
const anonymous: Row = {
  '/': 'login',
  '/dashboard': 'login',
  '/contacts?q=<own>': 'login',
  '/contacts?q=<other>': 'login',
  '/contacts/new': 'login',
  '/contacts/<own>': 'login',
  '/contacts/<other>': 'login',
  '/contacts/<own>/kundenansicht': 'login',
  '/contacts/<other>/kundenansicht': 'login',
  '/contacts/<nord>': 'login',
  '/contacts/<nord>/kundenansicht': 'login',
  '/contacts/<employee id>': 'login',
  '/users': 'login',
  '/users/new': 'login',
  '/users/<employee>': 'login',
  '/users/<nord employee>': 'login',
  '/users/<client id>': 'login',
  '/account': 'login',
  '/portal': 'login',
  '/portal/folder': 'login',
  '/portal/folder/insurance': 'login',
  '/portal/profile': 'login',
  '/portal/messages': 'login',
  '/portal/account': 'login',
  '/login': 'ok',
  ...publicPages,
};

/** An employee on portal pages and on the login page: back to the advisor area. */
const employeeElsewhere = {
  '/': 'home-advisor',
  '/portal': 'home-advisor',
  '/portal/folder': 'home-advisor',
  '/portal/folder/insurance': 'home-advisor',
  '/portal/profile': 'home-advisor',
  '/portal/messages': 'home-advisor',
  '/portal/account': 'home-advisor',
  '/login': 'home-advisor',
  ...publicPages,
} as const;

/** A client on advisor pages and on the login page: back to the portal. */
const clientElsewhere = {
  '/': 'home-portal',
  '/dashboard': 'home-portal',
  '/contacts?q=<own>': 'home-portal',
  '/contacts?q=<other>': 'home-portal',
  '/contacts/new': 'home-portal',
  '/contacts/<own>': 'home-portal',
  '/contacts/<other>': 'home-portal',
  '/contacts/<own>/kundenansicht': 'home-portal',
  '/contacts/<other>/kundenansicht': 'home-portal',
  '/contacts/<nord>': 'home-portal',
  '/contacts/<nord>/kundenansicht': 'home-portal',
  '/contacts/<employee id>': 'home-portal',
  '/users': 'home-portal',
  '/users/new': 'home-portal',
  '/users/<employee>': 'home-portal',
  '/users/<nord employee>': 'home-portal',
  '/users/<client id>': 'home-portal',
  '/account': 'home-portal',
  '/login': 'home-portal',
  ...publicPages,
} as const;

/** Non-admins: the BENUTZER list shows "Nur für Admins", the user pages do not exist for them. */
const notAdmin = {
  '/users': 'hidden',
  '/users/new': 'notfound',
  '/users/<employee>': 'notfound',
  '/users/<nord employee>': 'notfound',
  '/users/<client id>': 'notfound',
} as const;

const expectations: Record<ActorKey, Row> = {
  anonymous,
  admin: {
    ...employeeElsewhere,
    '/dashboard': 'ok',
    '/contacts?q=<own>': 'ok',
    '/contacts?q=<other>': 'ok',
    '/contacts/new': 'ok',
    '/contacts/<own>': 'ok',
    '/contacts/<other>': 'ok',
    '/contacts/<own>/kundenansicht': 'ok',
    '/contacts/<other>/kundenansicht': 'ok',
    '/contacts/<nord>': 'notfound',
    '/contacts/<nord>/kundenansicht': 'notfound',
    '/contacts/<employee id>': 'notfound', // an employee is no contact
    '/users': 'ok',
    '/users/new': 'ok',
    '/users/<employee>': 'ok',
    '/users/<nord employee>': 'notfound',
    '/users/<client id>': 'notfound', // a client is no BENUTZER
    '/account': 'ok',
  },
  writer: {
    ...employeeElsewhere,
    ...notAdmin,
    '/dashboard': 'ok',
    '/contacts?q=<own>': 'ok',
    '/contacts?q=<other>': 'ok',
    '/contacts/new': 'ok',
    '/contacts/<own>': 'ok',
    '/contacts/<other>': 'ok',
    '/contacts/<own>/kundenansicht': 'ok',
    '/contacts/<other>/kundenansicht': 'ok',
    '/contacts/<nord>': 'notfound',
    '/contacts/<nord>/kundenansicht': 'notfound',
    '/contacts/<employee id>': 'notfound',
    '/account': 'ok',
  },
  reader: {
    ...employeeElsewhere,
    ...notAdmin,
    '/dashboard': 'ok',
    '/contacts?q=<own>': 'ok',
    '/contacts?q=<other>': 'ok',
    '/contacts/new': 'notfound', // reading is not writing
    '/contacts/<own>': 'ok',
    '/contacts/<other>': 'ok',
    '/contacts/<own>/kundenansicht': 'ok',
    '/contacts/<other>/kundenansicht': 'ok',
    '/contacts/<nord>': 'notfound',
    '/contacts/<nord>/kundenansicht': 'notfound',
    '/contacts/<employee id>': 'notfound',
    '/account': 'ok',
  },
  noRights: {
    ...employeeElsewhere,
    ...notAdmin,
    '/dashboard': 'ok', // with the "no rights yet" notice
    '/contacts?q=<own>': 'hidden', // "Ihnen wurden noch keine Rechte vergeben"
    '/contacts?q=<other>': 'hidden',
    '/contacts/new': 'notfound',
    '/contacts/<own>': 'notfound',
    '/contacts/<other>': 'notfound',
    '/contacts/<own>/kundenansicht': 'notfound',
    '/contacts/<other>/kundenansicht': 'notfound',
    '/contacts/<nord>': 'notfound',
    '/contacts/<nord>/kundenansicht': 'notfound',
    '/contacts/<employee id>': 'notfound',
    '/account': 'ok',
  },
  scoped: {
    ...employeeElsewhere,
    ...notAdmin,
    '/dashboard': 'ok',
    '/contacts?q=<own>': 'ok',
    '/contacts?q=<other>': 'hidden', // not their contact: the search finds nothing
    '/contacts/new': 'ok',
    '/contacts/<own>': 'ok',
    '/contacts/<other>': 'notfound',
    '/contacts/<own>/kundenansicht': 'ok',
    '/contacts/<other>/kundenansicht': 'notfound',
    '/contacts/<nord>': 'notfound',
    '/contacts/<nord>/kundenansicht': 'notfound',
    '/contacts/<employee id>': 'notfound',
    '/account': 'ok',
  },
  clientNone: {
    ...clientElsewhere,
    '/portal': 'ok',
    '/portal/folder': 'notfound', // no folder module visible
    '/portal/folder/insurance': 'notfound',
    '/portal/profile': 'notfound',
    '/portal/messages': 'notfound',
    '/portal/account': 'ok', // changing the password needs no FREIGABE
  },
  clientReadAll: {
    ...clientElsewhere,
    '/portal': 'ok',
    '/portal/folder': 'ok',
    '/portal/folder/insurance': 'ok',
    '/portal/profile': 'ok',
    '/portal/messages': 'ok',
    '/portal/account': 'ok',
  },
  // A valid session of nord is no session on demo's host (token.tid ≠ tenant): like anonymous.
  nordClient: anonymous,
};

const cells = actorKeys.flatMap((actor) => routeKeys.map((route) => ({ actor, route, expected: expectations[actor][route] })));

/* ------------------------------------------------------------------ the world */

interface World {
  cookies: Record<ActorKey, string | null>;
  contactOwn: { id: string; lastName: string; email: string };
  contactOther: { id: string; lastName: string; email: string };
  contactNord: { id: string; lastName: string };
  employeeTarget: { id: string; email: string };
  nordEmployee: { id: string; email: string };
  clientTarget: { id: string; lastName: string };
}

/** The path of each route and the text that shows the target is on the page (if the route has one). */
const routes: Record<RouteKey, (w: World) => { path: string; marker?: string }> = {
  '/': () => ({ path: '/' }),
  '/dashboard': () => ({ path: '/dashboard' }),
  // Searched by last name, recognised by e-mail (the search box repeats the query, never the e-mail).
  '/contacts?q=<own>': (w) => ({ path: `/contacts?q=${w.contactOwn.lastName}`, marker: w.contactOwn.email }),
  '/contacts?q=<other>': (w) => ({ path: `/contacts?q=${w.contactOther.lastName}`, marker: w.contactOther.email }),
  '/contacts/new': () => ({ path: '/contacts/new' }),
  '/contacts/<own>': (w) => ({ path: `/contacts/${w.contactOwn.id}`, marker: w.contactOwn.lastName }),
  '/contacts/<other>': (w) => ({ path: `/contacts/${w.contactOther.id}`, marker: w.contactOther.lastName }),
  '/contacts/<own>/kundenansicht': (w) => ({ path: `/contacts/${w.contactOwn.id}/kundenansicht`, marker: w.contactOwn.lastName }),
  '/contacts/<other>/kundenansicht': (w) => ({ path: `/contacts/${w.contactOther.id}/kundenansicht`, marker: w.contactOther.lastName }),
  '/contacts/<nord>': (w) => ({ path: `/contacts/${w.contactNord.id}`, marker: w.contactNord.lastName }),
  '/contacts/<nord>/kundenansicht': (w) => ({ path: `/contacts/${w.contactNord.id}/kundenansicht`, marker: w.contactNord.lastName }),
  '/contacts/<employee id>': (w) => ({ path: `/contacts/${w.employeeTarget.id}`, marker: w.employeeTarget.email }),
  '/users': (w) => ({ path: '/users', marker: w.employeeTarget.email }),
  '/users/new': () => ({ path: '/users/new' }),
  '/users/<employee>': (w) => ({ path: `/users/${w.employeeTarget.id}`, marker: w.employeeTarget.email }),
  '/users/<nord employee>': (w) => ({ path: `/users/${w.nordEmployee.id}`, marker: w.nordEmployee.email }),
  '/users/<client id>': (w) => ({ path: `/users/${w.clientTarget.id}`, marker: w.clientTarget.lastName }),
  '/account': () => ({ path: '/account' }),
  '/portal': () => ({ path: '/portal' }),
  '/portal/folder': () => ({ path: '/portal/folder' }),
  '/portal/folder/insurance': () => ({ path: '/portal/folder/insurance' }),
  '/portal/profile': () => ({ path: '/portal/profile' }),
  '/portal/messages': () => ({ path: '/portal/messages' }),
  '/portal/account': () => ({ path: '/portal/account' }),
  '/login': () => ({ path: '/login' }),
  '/reset': () => ({ path: '/reset' }),
  '/impressum': () => ({ path: '/impressum' }),
};

let world: World;
let close: (() => Promise<unknown>) | undefined;

const rights = (level: 'none' | 'read' | 'write'): EmployeeRights => ({ insurance: level, finance: level, other: level, emergency: level, communication: level });

test.beforeAll(async () => {
  const { db, sql } = createDb(DATABASE_URL, 2);
  close = () => sql.end({ timeout: 5 });
  const secret = readFileSync(path.join(DATA_DIR, 'auth-secret'), 'utf8').trim();
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const tenantId = async (slug: string) => (await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug)))[0]!.id;
  const demoId = await tenantId('demo');
  const nordId = await tenantId('nord');

  const employee = async (tenant: string, name: string, role: 'admin' | 'employee', r: EmployeeRights, scope: 'all' | 'own', status: 'active' | 'invited' = 'active') =>
    createAccount(db, {
      tenantId: tenant,
      kind: 'employee',
      role,
      email: `${name.toLowerCase()}.${run}@matrix.example`,
      firstName: 'Route',
      lastName: `${name}${run}`,
      birthDate: '1980-02-01',
      status,
      rights: role === 'admin' ? null : r,
      scope,
    });
  const contact = async (tenant: string, name: string, advisorId: string | null, status: 'none' | 'created' | 'active', grants?: Grants) => {
    const lastName = `${name}${run}`;
    const u = await createAccount(db, {
      tenantId: tenant,
      kind: 'client',
      // The e-mail does not contain the last name (the list search repeats the name, see the markers).
      email: `k-${name.slice(0, 3).toLowerCase()}-${run}@kunde.example`,
      firstName: 'Kora',
      lastName,
      birthDate: '1990-03-21',
      status,
    });
    await db.insert(contactProfiles).values({ tenantId: tenant, userId: u.id, city: 'Hamburg', advisorId, createdBy: advisorId });
    for (const [module, s] of Object.entries(grants ?? {})) {
      if (s.activation || s.dataRelease || s.readOnly) await db.insert(clientGrants).values({ tenantId: tenant, userId: u.id, module: module as keyof Grants, ...s });
    }
    return { id: u.id, lastName, email: u.email };
  };

  const admin = await employee(demoId, 'Admin', 'admin', rights('write'), 'all');
  const writer = await employee(demoId, 'Schreiber', 'employee', rights('write'), 'all');
  const reader = await employee(demoId, 'Leser', 'employee', rights('read'), 'all');
  const noRights = await employee(demoId, 'Ohnerechte', 'employee', rights('none'), 'all');
  const scoped = await employee(demoId, 'Eigene', 'employee', rights('write'), 'own');
  const target = await employee(demoId, 'Zielperson', 'employee', rights('read'), 'all', 'invited');
  const [nordAdmin] = await db.select({ id: users.id, email: users.email }).from(users).where(and(eq(users.tenantId, nordId), eq(users.username, 'nord.admin')));

  const contactOwn = await contact(demoId, 'Betreut', scoped.id, 'created');
  const contactOther = await contact(demoId, 'Fremdbetreut', writer.id, 'created');
  const clientNone = await contact(demoId, 'Ohnefreigabe', writer.id, 'active');
  const clientReadAll = await contact(demoId, 'Leseall', writer.id, 'active', presetGrants('readAll'));
  const nordClient = await contact(nordId, 'Nordkunde', nordAdmin!.id, 'active', presetGrants('readAll'));

  const cookie = async (tenant: string, userId: string) => {
    const sid = await createSession(db as Db, { tenantId: tenant, userId, userAgent: 'route-matrix' });
    const token = await encode({ token: { sub: userId, sid, tid: tenant }, secret, salt: COOKIE, maxAge: 12 * 3600 });
    return `${COOKIE}=${token}`;
  };
  world = {
    cookies: {
      anonymous: null,
      admin: await cookie(demoId, admin.id),
      writer: await cookie(demoId, writer.id),
      reader: await cookie(demoId, reader.id),
      noRights: await cookie(demoId, noRights.id),
      scoped: await cookie(demoId, scoped.id),
      clientNone: await cookie(demoId, clientNone.id),
      clientReadAll: await cookie(demoId, clientReadAll.id),
      nordClient: await cookie(nordId, nordClient.id),
    },
    contactOwn,
    contactOther,
    contactNord: nordClient,
    employeeTarget: { id: target.id, email: target.email },
    nordEmployee: nordAdmin!,
    clientTarget: clientNone,
  };
});

test.afterAll(async () => {
  await close?.();
});

/* ------------------------------------------------------------------ the run */

test.describe('route matrix', () => {
  for (const { actor, route, expected } of cells) {
    test(`${actor} GET ${route} → ${expected}`, async ({ request }) => {
      const { path: p, marker } = routes[route](world);
      const target = viaHost(`${demo}${p}`);
      const cookie = world.cookies[actor];
      const response = await request.get(target.url, { headers: { ...target.headers, ...(cookie ? { cookie } : {}) }, maxRedirects: 0 });
      const status = response.status();
      const location = response.headers()['location'];
      const body = await response.text();
      const got = describeAnswer(status, location);
      expect(got, `GET ${p} as ${actor}: status ${status}${location ? ` → ${location}` : ''}`).toBe(outcomeShape(expected));
      if (marker) {
        if (expected === 'ok') expect(body, `the page shows the target (${marker})`).toContain(marker);
        else expect(body, `the answer must not reveal the target (${marker})`).not.toContain(marker);
      }
    });
  }

  test('route matrix size', () => {
    const counts = cells.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.expected]: (acc[c.expected] ?? 0) + 1 }), {});
    console.log(`route matrix: ${cells.length} cases (${actorKeys.length} actors × ${routeKeys.length} routes) ${JSON.stringify(counts)}`);
    expect(cells.length).toBe(actorKeys.length * routeKeys.length);
  });
});

/** The observable shape of an answer: '200', '404' or 'redirect <path>'. */
function describeAnswer(status: number, location: string | undefined): string {
  if ([301, 302, 303, 307, 308].includes(status)) return `redirect ${location ? new URL(location, demo).pathname : '?'}`;
  return String(status);
}

function outcomeShape(o: Outcome): string {
  switch (o) {
    case 'ok':
    case 'hidden':
      return '200';
    case 'notfound':
      return '404';
    case 'login':
      return 'redirect /login';
    case 'home-advisor':
      return 'redirect /dashboard';
    case 'home-portal':
      return 'redirect /portal';
  }
}
