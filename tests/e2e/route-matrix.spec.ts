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
 *
 * DIGITALER ORDNER (contracts and documents): every contact of the world has a contract with a document,
 * whose file went through the real upload API (presigned POST to S3, byte check). The advisor's folder,
 * contract, form and viewer pages, the portal's area, form, contract and viewer pages and the file
 * download /api/files/<id> are in the same table ("notfound" there is a plain 404, never a redirect).
 * POST /api/uploads has a table of its own (actor × target of the upload).
 *
 * KOMMUNIKATION and Datenschutz: every client with a communication module has a ticket (seeded in the
 * database, each with a PDF attachment that went through the upload API); the advisor's list and ticket
 * pages, the portal's thread and NEUE NACHRICHT pages, the attachment download /api/attachments/<id>, the
 * badge count /api/tickets/unread and both DATENEXPORT routes are in the same table. Route handlers
 * answer with a status, never a redirect:
 *   unauthorized 401 (the badge count without a session)
 *   forbidden    403 (DATENEXPORT for an employee who lacks a right in some module)
 * A DATENEXPORT 'ok' is a ZIP whose daten.json names the target; anything else is no ZIP at all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { presetGrants, type Grants } from '../../lib/access/freigaben';
import { createSession } from '../../lib/auth/sessions';
import { createDb, type Db } from '../../lib/db/client';
import {
  clientGrants,
  contactProfiles,
  contracts,
  documentFiles,
  documents,
  tenants,
  ticketEvents,
  ticketFiles,
  ticketMessages,
  tickets,
  uploads,
  users,
  type DocumentArea,
  type EmployeeRights,
  type FolderArea,
} from '../../lib/db/schema';
import { createAccount } from '../../lib/users/create';
import { demo, nord, PORT, viaHost } from './helpers';
import { readZip } from './world';

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
  'clientWrite', // client of demo, FREISCHALTUNG in the four folder areas only (own contracts and uploads)
  'clientComm', // client of demo, FREISCHALTUNG in KOMMUNIKATION only (may write messages)
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
  // DIGITALER ORDNER, advisor side
  '/contacts/<own>/folder/insurance',
  '/contacts/<other>/folder/insurance',
  '/contacts/<nord>/folder/insurance',
  '/contacts/<own>/folder/insurance/new',
  '/contacts/<own>/contracts/<own contract>',
  '/contacts/<other>/contracts/<other contract>',
  '/contacts/<own>/contracts/<other contract>', // a real contract under the wrong contact
  '/contacts/<nord>/contracts/<nord contract>',
  '/documents/<own file>',
  '/documents/<other file>',
  '/documents/<nord file>',
  '/documents/<client file>', // uploaded by clientWrite into its own contract
  // DIGITALER ORDNER, portal side
  '/portal/folder/finance', // marker: clientWrite's own contract
  '/portal/folder/insurance [advisor item]', // marker: the advisor's contract in clientWrite's folder
  '/portal/folder/insurance/new',
  '/portal/contracts/<readAll contract>', // the advisor's contract in clientReadAll's folder
  '/portal/contracts/<client contract>', // clientWrite's own contract
  '/portal/contracts/<advisor contract>', // the advisor's contract in clientWrite's folder (no DATENFREIGABE)
  '/portal/documents/<readAll file>',
  '/portal/documents/<client file>',
  '/portal/documents/<advisor file>',
  // the file download (a route handler: 404 for everything that is not allowed, no redirects)
  '/api/files/<own file>',
  '/api/files/<other file>',
  '/api/files/<nord file>',
  '/api/files/<readAll file>',
  '/api/files/<client file>',
  '/api/files/<advisor file>',
  // KOMMUNIKATION, advisor side (tickets of contactOwn → scoped, contactOther / clientReadAll / clientComm → writer)
  '/tickets', // marker: the ticket of contactOther, assigned to writer ("alle meine")
  '/tickets?scope=all', // marker: the ticket of contactOwn, assigned to scoped ("alle": admins the tenant, employees their contacts)
  '/tickets/<own ticket>',
  '/tickets/<other ticket>',
  '/tickets/<nord ticket>',
  // KOMMUNIKATION, portal side
  '/portal/messages/new',
  '/portal/messages/<comm ticket>', // clientComm's own ticket
  '/portal/messages/<readAll ticket>', // clientReadAll's own ticket
  '/portal/messages/<nord ticket>',
  // route handlers: badge count, attachments, DATENEXPORT
  '/api/tickets/unread',
  '/api/attachments/<own attachment>',
  '/api/attachments/<other attachment>',
  '/api/attachments/<nord attachment>',
  '/api/attachments/<readAll attachment>',
  '/api/attachments/<comm attachment>',
  '/api/contacts/<own>/export',
  '/api/contacts/<other>/export',
  '/api/contacts/<nord>/export',
  '/api/contacts/<employee id>/export',
  '/api/portal/export',
] as const;
type RouteKey = (typeof routeKeys)[number];

type Outcome = 'ok' | 'hidden' | 'login' | 'home-advisor' | 'home-portal' | 'notfound' | 'unauthorized' | 'forbidden';
type Row = Record<RouteKey, Outcome>;

const publicPages = { '/reset': 'ok', '/impressum': 'ok' } as const;

/** No file is served without the right to its document: a 404 (unless a row says otherwise). */
const noFiles = {
  '/api/files/<own file>': 'notfound',
  '/api/files/<other file>': 'notfound',
  '/api/files/<nord file>': 'notfound',
  '/api/files/<readAll file>': 'notfound',
  '/api/files/<client file>': 'notfound',
  '/api/files/<advisor file>': 'notfound',
} as const;

/** No ticket attachment is served without the right to its ticket: a 404 (unless a row says otherwise). */
const noAttachments = {
  '/api/attachments/<own attachment>': 'notfound',
  '/api/attachments/<other attachment>': 'notfound',
  '/api/attachments/<nord attachment>': 'notfound',
  '/api/attachments/<readAll attachment>': 'notfound',
  '/api/attachments/<comm attachment>': 'notfound',
} as const;

/** DATENEXPORT: nothing for anyone unless a row says otherwise (the advisor's route is for employees only, the portal's for clients). */
const noExports = {
  '/api/contacts/<own>/export': 'notfound',
  '/api/contacts/<other>/export': 'notfound',
  '/api/contacts/<nord>/export': 'notfound',
  '/api/contacts/<employee id>/export': 'notfound',
  '/api/portal/export': 'notfound',
} as const;

/** The portal's KOMMUNIKATION pages beyond the list: not visible unless a row says otherwise. */
const noPortalMessages = {
  '/portal/messages/new': 'notfound',
  '/portal/messages/<comm ticket>': 'notfound',
  '/portal/messages/<readAll ticket>': 'notfound',
  '/portal/messages/<nord ticket>': 'notfound',
} as const;

/** The portal's folder pages: not visible unless a row says otherwise. */
const noPortalFolder = {
  '/portal/folder/finance': 'notfound',
  '/portal/folder/insurance [advisor item]': 'notfound',
  '/portal/folder/insurance/new': 'notfound',
  '/portal/contracts/<readAll contract>': 'notfound',
  '/portal/contracts/<client contract>': 'notfound',
  '/portal/contracts/<advisor contract>': 'notfound',
  '/portal/documents/<readAll file>': 'notfound',
  '/portal/documents/<client file>': 'notfound',
  '/portal/documents/<advisor file>': 'notfound',
} as const;

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
  '/contacts/<own>/folder/insurance': 'login',
  '/contacts/<other>/folder/insurance': 'login',
  '/contacts/<nord>/folder/insurance': 'login',
  '/contacts/<own>/folder/insurance/new': 'login',
  '/contacts/<own>/contracts/<own contract>': 'login',
  '/contacts/<other>/contracts/<other contract>': 'login',
  '/contacts/<own>/contracts/<other contract>': 'login',
  '/contacts/<nord>/contracts/<nord contract>': 'login',
  '/documents/<own file>': 'login',
  '/documents/<other file>': 'login',
  '/documents/<nord file>': 'login',
  '/documents/<client file>': 'login',
  '/portal/folder/finance': 'login',
  '/portal/folder/insurance [advisor item]': 'login',
  '/portal/folder/insurance/new': 'login',
  '/portal/contracts/<readAll contract>': 'login',
  '/portal/contracts/<client contract>': 'login',
  '/portal/contracts/<advisor contract>': 'login',
  '/portal/documents/<readAll file>': 'login',
  '/portal/documents/<client file>': 'login',
  '/portal/documents/<advisor file>': 'login',
  ...noFiles,
  '/tickets': 'login',
  '/tickets?scope=all': 'login',
  '/tickets/<own ticket>': 'login',
  '/tickets/<other ticket>': 'login',
  '/tickets/<nord ticket>': 'login',
  '/portal/messages/new': 'login',
  '/portal/messages/<comm ticket>': 'login',
  '/portal/messages/<readAll ticket>': 'login',
  '/portal/messages/<nord ticket>': 'login',
  '/api/tickets/unread': 'unauthorized',
  ...noAttachments,
  ...noExports,
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
  '/portal/folder/finance': 'home-advisor',
  '/portal/folder/insurance [advisor item]': 'home-advisor',
  '/portal/folder/insurance/new': 'home-advisor',
  '/portal/contracts/<readAll contract>': 'home-advisor',
  '/portal/contracts/<client contract>': 'home-advisor',
  '/portal/contracts/<advisor contract>': 'home-advisor',
  '/portal/documents/<readAll file>': 'home-advisor',
  '/portal/documents/<client file>': 'home-advisor',
  '/portal/documents/<advisor file>': 'home-advisor',
  '/portal/messages/new': 'home-advisor',
  '/portal/messages/<comm ticket>': 'home-advisor',
  '/portal/messages/<readAll ticket>': 'home-advisor',
  '/portal/messages/<nord ticket>': 'home-advisor',
  '/api/tickets/unread': 'ok', // the own count (0 without KOMMUNIKATION)
  '/api/portal/export': 'notfound', // the portal's export is the client's own
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
  '/contacts/<own>/folder/insurance': 'home-portal',
  '/contacts/<other>/folder/insurance': 'home-portal',
  '/contacts/<nord>/folder/insurance': 'home-portal',
  '/contacts/<own>/folder/insurance/new': 'home-portal',
  '/contacts/<own>/contracts/<own contract>': 'home-portal',
  '/contacts/<other>/contracts/<other contract>': 'home-portal',
  '/contacts/<own>/contracts/<other contract>': 'home-portal',
  '/contacts/<nord>/contracts/<nord contract>': 'home-portal',
  '/documents/<own file>': 'home-portal',
  '/documents/<other file>': 'home-portal',
  '/documents/<nord file>': 'home-portal',
  '/documents/<client file>': 'home-portal',
  ...noFiles,
  ...noPortalFolder,
  '/tickets': 'home-portal',
  '/tickets?scope=all': 'home-portal',
  '/tickets/<own ticket>': 'home-portal',
  '/tickets/<other ticket>': 'home-portal',
  '/tickets/<nord ticket>': 'home-portal',
  ...noPortalMessages,
  '/api/tickets/unread': 'ok', // the own count (0 without KOMMUNIKATION)
  ...noAttachments,
  ...noExports,
} as const;

/** Employees who see every contact's folder (admin; write or read in every module, scope all). */
const allFolders = (mayAdd: boolean) =>
  ({
    '/contacts/<own>/folder/insurance': 'ok',
    '/contacts/<other>/folder/insurance': 'ok',
    '/contacts/<nord>/folder/insurance': 'notfound',
    '/contacts/<own>/folder/insurance/new': mayAdd ? 'ok' : 'notfound',
    '/contacts/<own>/contracts/<own contract>': 'ok',
    '/contacts/<other>/contracts/<other contract>': 'ok',
    '/contacts/<own>/contracts/<other contract>': 'notfound',
    '/contacts/<nord>/contracts/<nord contract>': 'notfound',
    '/documents/<own file>': 'ok',
    '/documents/<other file>': 'ok',
    '/documents/<nord file>': 'notfound',
    '/documents/<client file>': 'ok',
    '/api/files/<own file>': 'ok',
    '/api/files/<other file>': 'ok',
    '/api/files/<nord file>': 'notfound',
    '/api/files/<readAll file>': 'ok',
    '/api/files/<client file>': 'ok',
    '/api/files/<advisor file>': 'ok',
  }) as const;

/** Non-admins: the BENUTZER list shows "Nur für Admins", the user pages do not exist for them. */
const notAdmin = {
  '/users': 'hidden',
  '/users/new': 'notfound',
  '/users/<employee>': 'notfound',
  '/users/<nord employee>': 'notfound',
  '/users/<client id>': 'notfound',
} as const;

/**
 * Employees who see every contact (admin; write or read in every module, scope all): every ticket of
 * demo and its attachment, nothing of nord; DATENEXPORT of every client (read in every module suffices),
 * but an employee is no contact.
 */
const allTickets = {
  '/tickets/<own ticket>': 'ok',
  '/tickets/<other ticket>': 'ok',
  '/tickets/<nord ticket>': 'notfound',
  '/api/attachments/<own attachment>': 'ok',
  '/api/attachments/<other attachment>': 'ok',
  '/api/attachments/<nord attachment>': 'notfound',
  '/api/attachments/<readAll attachment>': 'ok',
  '/api/attachments/<comm attachment>': 'ok',
  '/api/contacts/<own>/export': 'ok',
  '/api/contacts/<other>/export': 'ok',
  '/api/contacts/<nord>/export': 'notfound',
  '/api/contacts/<employee id>/export': 'notfound',
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
    ...allFolders(true),
    ...allTickets,
    '/tickets': 'hidden', // "alle meine": nothing is assigned to this admin
    '/tickets?scope=all': 'ok',
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
    ...allFolders(true),
    ...allTickets,
    '/tickets': 'ok',
    '/tickets?scope=all': 'ok', // "alle": every ticket of the contacts this employee (scope all) may see
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
    ...allFolders(false), // reading is not writing: no form
    ...allTickets, // reading a ticket and exporting need the read right only
    '/tickets': 'ok', // read right only: nothing is ever assigned, so the list starts with "alle"
    '/tickets?scope=all': 'ok',
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
    '/contacts/<own>/folder/insurance': 'notfound',
    '/contacts/<other>/folder/insurance': 'notfound',
    '/contacts/<nord>/folder/insurance': 'notfound',
    '/contacts/<own>/folder/insurance/new': 'notfound',
    '/contacts/<own>/contracts/<own contract>': 'notfound',
    '/contacts/<other>/contracts/<other contract>': 'notfound',
    '/contacts/<own>/contracts/<other contract>': 'notfound',
    '/contacts/<nord>/contracts/<nord contract>': 'notfound',
    '/documents/<own file>': 'notfound',
    '/documents/<other file>': 'notfound',
    '/documents/<nord file>': 'notfound',
    '/documents/<client file>': 'notfound',
    ...noFiles,
    '/tickets': 'notfound', // no KOMMUNIKATION right
    '/tickets?scope=all': 'notfound',
    '/tickets/<own ticket>': 'notfound',
    '/tickets/<other ticket>': 'notfound',
    '/tickets/<nord ticket>': 'notfound',
    ...noAttachments,
    // DATENEXPORT needs read in every module: refused before any contact is looked up.
    '/api/contacts/<own>/export': 'forbidden',
    '/api/contacts/<other>/export': 'forbidden',
    '/api/contacts/<nord>/export': 'forbidden',
    '/api/contacts/<employee id>/export': 'forbidden',
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
    // Only the folder of contactOwn (they are its BETREUER).
    '/contacts/<own>/folder/insurance': 'ok',
    '/contacts/<other>/folder/insurance': 'notfound',
    '/contacts/<nord>/folder/insurance': 'notfound',
    '/contacts/<own>/folder/insurance/new': 'ok',
    '/contacts/<own>/contracts/<own contract>': 'ok',
    '/contacts/<other>/contracts/<other contract>': 'notfound',
    '/contacts/<own>/contracts/<other contract>': 'notfound',
    '/contacts/<nord>/contracts/<nord contract>': 'notfound',
    '/documents/<own file>': 'ok',
    '/documents/<other file>': 'notfound',
    '/documents/<nord file>': 'notfound',
    '/documents/<client file>': 'notfound',
    ...noFiles,
    '/api/files/<own file>': 'ok',
    // KOMMUNIKATION and DATENEXPORT only for contactOwn.
    '/tickets': 'hidden',
    '/tickets?scope=all': 'ok', // "alle" = the contacts it looks after; its own-scope ticket is listed
    '/tickets/<own ticket>': 'ok',
    '/tickets/<other ticket>': 'notfound',
    '/tickets/<nord ticket>': 'notfound',
    ...noAttachments,
    '/api/attachments/<own attachment>': 'ok',
    '/api/contacts/<own>/export': 'ok',
    '/api/contacts/<other>/export': 'notfound',
    '/api/contacts/<nord>/export': 'notfound',
    '/api/contacts/<employee id>/export': 'notfound',
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
    // NUR LESEN: the advisor's contract and document in its own folder, nothing to add, nobody else's.
    '/portal/folder/finance': 'hidden', // its own FINANZEN, without clientWrite's contract
    '/portal/folder/insurance [advisor item]': 'hidden',
    '/portal/contracts/<readAll contract>': 'ok',
    '/portal/documents/<readAll file>': 'ok',
    '/api/files/<readAll file>': 'ok',
    // KOMMUNIKATION NUR LESEN: its own thread and attachment, no NEUE NACHRICHT; PROFIL visible → own export.
    '/portal/messages/<readAll ticket>': 'ok',
    '/api/attachments/<readAll attachment>': 'ok',
    '/api/portal/export': 'ok',
  },
  clientWrite: {
    ...clientElsewhere,
    '/portal': 'ok',
    '/portal/folder': 'ok',
    '/portal/folder/insurance': 'ok',
    '/portal/profile': 'notfound', // PROFIL not granted
    '/portal/messages': 'notfound',
    '/portal/account': 'ok',
    // FREISCHALTUNG: its own contracts and uploads; the advisor's items stay invisible without DATENFREIGABE.
    '/portal/folder/finance': 'ok',
    '/portal/folder/insurance [advisor item]': 'hidden',
    '/portal/folder/insurance/new': 'ok',
    '/portal/contracts/<client contract>': 'ok',
    '/portal/documents/<client file>': 'ok',
    '/api/files/<client file>': 'ok',
  },
  clientComm: {
    ...clientElsewhere,
    '/portal': 'ok',
    '/portal/folder': 'notfound',
    '/portal/folder/insurance': 'notfound',
    '/portal/profile': 'notfound', // no PROFIL: no export either
    '/portal/messages': 'ok',
    '/portal/account': 'ok',
    '/portal/messages/new': 'ok',
    '/portal/messages/<comm ticket>': 'ok',
    '/api/attachments/<comm attachment>': 'ok',
  },
  // A valid session of nord is no session on demo's host (token.tid ≠ tenant): like anonymous.
  nordClient: anonymous,
};

const cells = actorKeys.flatMap((actor) =>
  routeKeys.map((route) => ({ actor, route, expected: expectations[actor][route] })),
);

/* ------------------------------------------------------------------ the world */

interface World {
  cookies: Record<ActorKey, string | null>;
  contactOwn: { id: string; lastName: string; email: string };
  contactOther: { id: string; lastName: string; email: string };
  contactNord: { id: string; lastName: string };
  employeeTarget: { id: string; email: string };
  nordEmployee: { id: string; email: string };
  clientTarget: { id: string; lastName: string };
  clientReadAll: { id: string; email: string };
  /** Contracts (marker: the number) and their documents' files (marker: the title, in the page and in the PDF). */
  contracts: Record<'own' | 'other' | 'nord' | 'readAll' | 'client' | 'advisor', { id: string; number: string }>;
  files: Record<'own' | 'other' | 'nord' | 'readAll' | 'client' | 'advisor', { id: string; title: string }>;
  /** Tickets (marker: the subject) and the PDF attached to each one's first message (marker: its text). */
  tickets: Record<'own' | 'other' | 'nord' | 'readAll' | 'comm', { id: string; subject: string }>;
  attachments: Record<'own' | 'other' | 'nord' | 'readAll' | 'comm', { id: string; title: string }>;
}

/**
 * The path of each route and the text that shows the target is on the page (if the route has one).
 * `zip`: the answer is a DATENEXPORT; 'ok' means a ZIP whose daten.json contains this text.
 */
const routes: Record<RouteKey, (w: World) => { path: string; marker?: string; zip?: string }> = {
  '/': () => ({ path: '/' }),
  '/dashboard': () => ({ path: '/dashboard' }),
  // Searched by last name, recognised by e-mail (the search box repeats the query, never the e-mail).
  '/contacts?q=<own>': (w) => ({ path: `/contacts?q=${w.contactOwn.lastName}`, marker: w.contactOwn.email }),
  '/contacts?q=<other>': (w) => ({ path: `/contacts?q=${w.contactOther.lastName}`, marker: w.contactOther.email }),
  '/contacts/new': () => ({ path: '/contacts/new' }),
  '/contacts/<own>': (w) => ({ path: `/contacts/${w.contactOwn.id}`, marker: w.contactOwn.lastName }),
  '/contacts/<other>': (w) => ({ path: `/contacts/${w.contactOther.id}`, marker: w.contactOther.lastName }),
  '/contacts/<own>/kundenansicht': (w) => ({
    path: `/contacts/${w.contactOwn.id}/kundenansicht`,
    marker: w.contactOwn.lastName,
  }),
  '/contacts/<other>/kundenansicht': (w) => ({
    path: `/contacts/${w.contactOther.id}/kundenansicht`,
    marker: w.contactOther.lastName,
  }),
  '/contacts/<nord>': (w) => ({ path: `/contacts/${w.contactNord.id}`, marker: w.contactNord.lastName }),
  '/contacts/<nord>/kundenansicht': (w) => ({
    path: `/contacts/${w.contactNord.id}/kundenansicht`,
    marker: w.contactNord.lastName,
  }),
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
  '/contacts/<own>/folder/insurance': (w) => ({
    path: `/contacts/${w.contactOwn.id}/folder/insurance`,
    marker: w.contracts.own.number,
  }),
  '/contacts/<other>/folder/insurance': (w) => ({
    path: `/contacts/${w.contactOther.id}/folder/insurance`,
    marker: w.contracts.other.number,
  }),
  '/contacts/<nord>/folder/insurance': (w) => ({
    path: `/contacts/${w.contactNord.id}/folder/insurance`,
    marker: w.contracts.nord.number,
  }),
  '/contacts/<own>/folder/insurance/new': (w) => ({
    path: `/contacts/${w.contactOwn.id}/folder/insurance/new`,
    marker: w.contactOwn.lastName,
  }),
  '/contacts/<own>/contracts/<own contract>': (w) => ({
    path: `/contacts/${w.contactOwn.id}/contracts/${w.contracts.own.id}`,
    marker: w.contracts.own.number,
  }),
  '/contacts/<other>/contracts/<other contract>': (w) => ({
    path: `/contacts/${w.contactOther.id}/contracts/${w.contracts.other.id}`,
    marker: w.contracts.other.number,
  }),
  '/contacts/<own>/contracts/<other contract>': (w) => ({
    path: `/contacts/${w.contactOwn.id}/contracts/${w.contracts.other.id}`,
    marker: w.contracts.other.number,
  }),
  '/contacts/<nord>/contracts/<nord contract>': (w) => ({
    path: `/contacts/${w.contactNord.id}/contracts/${w.contracts.nord.id}`,
    marker: w.contracts.nord.number,
  }),
  '/documents/<own file>': (w) => ({ path: `/documents/${w.files.own.id}`, marker: w.files.own.title }),
  '/documents/<other file>': (w) => ({ path: `/documents/${w.files.other.id}`, marker: w.files.other.title }),
  '/documents/<nord file>': (w) => ({ path: `/documents/${w.files.nord.id}`, marker: w.files.nord.title }),
  '/documents/<client file>': (w) => ({ path: `/documents/${w.files.client.id}`, marker: w.files.client.title }),
  '/portal/folder/finance': (w) => ({ path: '/portal/folder/finance', marker: w.contracts.client.number }),
  '/portal/folder/insurance [advisor item]': (w) => ({
    path: '/portal/folder/insurance',
    marker: w.contracts.advisor.number,
  }),
  '/portal/folder/insurance/new': () => ({ path: '/portal/folder/insurance/new' }),
  '/portal/contracts/<readAll contract>': (w) => ({
    path: `/portal/contracts/${w.contracts.readAll.id}`,
    marker: w.contracts.readAll.number,
  }),
  '/portal/contracts/<client contract>': (w) => ({
    path: `/portal/contracts/${w.contracts.client.id}`,
    marker: w.contracts.client.number,
  }),
  '/portal/contracts/<advisor contract>': (w) => ({
    path: `/portal/contracts/${w.contracts.advisor.id}`,
    marker: w.contracts.advisor.number,
  }),
  '/portal/documents/<readAll file>': (w) => ({
    path: `/portal/documents/${w.files.readAll.id}`,
    marker: w.files.readAll.title,
  }),
  '/portal/documents/<client file>': (w) => ({
    path: `/portal/documents/${w.files.client.id}`,
    marker: w.files.client.title,
  }),
  '/portal/documents/<advisor file>': (w) => ({
    path: `/portal/documents/${w.files.advisor.id}`,
    marker: w.files.advisor.title,
  }),
  '/api/files/<own file>': (w) => ({ path: `/api/files/${w.files.own.id}`, marker: w.files.own.title }),
  '/api/files/<other file>': (w) => ({ path: `/api/files/${w.files.other.id}`, marker: w.files.other.title }),
  '/api/files/<nord file>': (w) => ({ path: `/api/files/${w.files.nord.id}`, marker: w.files.nord.title }),
  '/api/files/<readAll file>': (w) => ({ path: `/api/files/${w.files.readAll.id}`, marker: w.files.readAll.title }),
  '/api/files/<client file>': (w) => ({ path: `/api/files/${w.files.client.id}`, marker: w.files.client.title }),
  '/api/files/<advisor file>': (w) => ({ path: `/api/files/${w.files.advisor.id}`, marker: w.files.advisor.title }),
  '/tickets': (w) => ({ path: '/tickets', marker: w.tickets.other.subject }),
  '/tickets?scope=all': (w) => ({ path: '/tickets?scope=all', marker: w.tickets.own.subject }),
  '/tickets/<own ticket>': (w) => ({ path: `/tickets/${w.tickets.own.id}`, marker: w.tickets.own.subject }),
  '/tickets/<other ticket>': (w) => ({ path: `/tickets/${w.tickets.other.id}`, marker: w.tickets.other.subject }),
  '/tickets/<nord ticket>': (w) => ({ path: `/tickets/${w.tickets.nord.id}`, marker: w.tickets.nord.subject }),
  '/portal/messages/new': () => ({ path: '/portal/messages/new', marker: 'BETREFF' }),
  '/portal/messages/<comm ticket>': (w) => ({
    path: `/portal/messages/${w.tickets.comm.id}`,
    marker: w.tickets.comm.subject,
  }),
  '/portal/messages/<readAll ticket>': (w) => ({
    path: `/portal/messages/${w.tickets.readAll.id}`,
    marker: w.tickets.readAll.subject,
  }),
  '/portal/messages/<nord ticket>': (w) => ({
    path: `/portal/messages/${w.tickets.nord.id}`,
    marker: w.tickets.nord.subject,
  }),
  '/api/tickets/unread': () => ({ path: '/api/tickets/unread' }),
  '/api/attachments/<own attachment>': (w) => ({
    path: `/api/attachments/${w.attachments.own.id}`,
    marker: w.attachments.own.title,
  }),
  '/api/attachments/<other attachment>': (w) => ({
    path: `/api/attachments/${w.attachments.other.id}`,
    marker: w.attachments.other.title,
  }),
  '/api/attachments/<nord attachment>': (w) => ({
    path: `/api/attachments/${w.attachments.nord.id}`,
    marker: w.attachments.nord.title,
  }),
  '/api/attachments/<readAll attachment>': (w) => ({
    path: `/api/attachments/${w.attachments.readAll.id}`,
    marker: w.attachments.readAll.title,
  }),
  '/api/attachments/<comm attachment>': (w) => ({
    path: `/api/attachments/${w.attachments.comm.id}`,
    marker: w.attachments.comm.title,
  }),
  '/api/contacts/<own>/export': (w) => ({ path: `/api/contacts/${w.contactOwn.id}/export`, zip: w.contactOwn.email }),
  '/api/contacts/<other>/export': (w) => ({
    path: `/api/contacts/${w.contactOther.id}/export`,
    zip: w.contactOther.email,
  }),
  '/api/contacts/<nord>/export': (w) => ({
    path: `/api/contacts/${w.contactNord.id}/export`,
    zip: w.contactNord.lastName,
  }),
  '/api/contacts/<employee id>/export': (w) => ({
    path: `/api/contacts/${w.employeeTarget.id}/export`,
    zip: w.employeeTarget.email,
  }),
  '/api/portal/export': (w) => ({ path: '/api/portal/export', zip: w.clientReadAll.email }),
};

let world: World;
let close: (() => Promise<unknown>) | undefined;

const rights = (level: 'none' | 'read' | 'write'): EmployeeRights => ({
  insurance: level,
  finance: level,
  other: level,
  emergency: level,
  communication: level,
});

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(120_000);
  const { db, sql } = createDb(DATABASE_URL, 2);
  close = () => sql.end({ timeout: 5 });
  const secret = readFileSync(path.join(DATA_DIR, 'auth-secret'), 'utf8').trim();
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const tenantId = async (slug: string) =>
    (await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug)))[0]!.id;
  const demoId = await tenantId('demo');
  const nordId = await tenantId('nord');

  const employee = async (
    tenant: string,
    name: string,
    role: 'admin' | 'employee',
    r: EmployeeRights,
    scope: 'all' | 'own',
    status: 'active' | 'invited' = 'active',
  ) =>
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
  const contact = async (
    tenant: string,
    name: string,
    advisorId: string | null,
    status: 'none' | 'created' | 'active',
    grants?: Grants,
  ) => {
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
    await db
      .insert(contactProfiles)
      .values({ tenantId: tenant, userId: u.id, city: 'Hamburg', advisorId, createdBy: advisorId });
    for (const [module, s] of Object.entries(grants ?? {})) {
      if (s.activation || s.dataRelease || s.readOnly)
        await db.insert(clientGrants).values({ tenantId: tenant, userId: u.id, module: module as keyof Grants, ...s });
    }
    return { id: u.id, lastName, email: u.email };
  };

  const admin = await employee(demoId, 'Admin', 'admin', rights('write'), 'all');
  const writer = await employee(demoId, 'Schreiber', 'employee', rights('write'), 'all');
  const reader = await employee(demoId, 'Leser', 'employee', rights('read'), 'all');
  const noRights = await employee(demoId, 'Ohnerechte', 'employee', rights('none'), 'all');
  const scoped = await employee(demoId, 'Eigene', 'employee', rights('write'), 'own');
  const target = await employee(demoId, 'Zielperson', 'employee', rights('read'), 'all', 'invited');
  const [nordAdmin] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.tenantId, nordId), eq(users.username, 'nord.admin')));

  const contactOwn = await contact(demoId, 'Betreut', scoped.id, 'created');
  const contactOther = await contact(demoId, 'Fremdbetreut', writer.id, 'created');
  const clientNone = await contact(demoId, 'Ohnefreigabe', writer.id, 'active');
  const clientReadAll = await contact(demoId, 'Leseall', writer.id, 'active', presetGrants('readAll'));
  const nordClient = await contact(nordId, 'Nordkunde', nordAdmin!.id, 'active', presetGrants('readAll'));
  const clientWrite = await contact(demoId, 'Schreibkunde', writer.id, 'active', folderWrite());
  const clientComm = await contact(demoId, 'Nachrichtenkunde', writer.id, 'active', presetGrants('communicationOnly'));

  const cookie = async (tenant: string, userId: string) => {
    const sid = await createSession(db as Db, { tenantId: tenant, userId, userAgent: 'route-matrix' });
    const token = await encode({ token: { sub: userId, sid, tid: tenant }, secret, salt: COOKIE, maxAge: 12 * 3600 });
    return `${COOKIE}=${token}`;
  };
  const cookies: Record<ActorKey, string | null> = {
    anonymous: null,
    admin: await cookie(demoId, admin.id),
    writer: await cookie(demoId, writer.id),
    reader: await cookie(demoId, reader.id),
    noRights: await cookie(demoId, noRights.id),
    scoped: await cookie(demoId, scoped.id),
    clientNone: await cookie(demoId, clientNone.id),
    clientReadAll: await cookie(demoId, clientReadAll.id),
    clientWrite: await cookie(demoId, clientWrite.id),
    clientComm: await cookie(demoId, clientComm.id),
    nordClient: await cookie(nordId, nordClient.id),
  };

  // DIGITALER ORDNER: a contract per contact, each with a document whose file went through the upload API.
  const contract = async (
    tenant: string,
    contactId: string,
    area: FolderArea,
    key: string,
    by: string,
    byClient = false,
  ) => {
    const number = `MX-${key}-${run}`.toUpperCase();
    const [row] = await db
      .insert(contracts)
      .values({
        tenantId: tenant,
        contactId,
        area,
        status: 'aktiv',
        product: 'Hausratversicherung',
        provider: 'Allianz Versicherungs-AG',
        number,
        frequency: 'monatlich',
        premiumCents: 990,
        createdBy: by,
        createdByClient: byClient,
        updatedBy: by,
      })
      .returning({ id: contracts.id });
    return { id: row!.id, number };
  };
  const c = {
    own: await contract(demoId, contactOwn.id, 'insurance', 'own', admin.id),
    other: await contract(demoId, contactOther.id, 'insurance', 'oth', admin.id),
    nord: await contract(nordId, nordClient.id, 'insurance', 'nrd', nordAdmin!.id),
    readAll: await contract(demoId, clientReadAll.id, 'insurance', 'rda', writer.id),
    client: await contract(demoId, clientWrite.id, 'finance', 'cli', clientWrite.id, true),
    advisor: await contract(demoId, clientWrite.id, 'insurance', 'adv', writer.id),
  };
  const api = await playwright.request.newContext();
  const nordAdminCookie = await cookie(nordId, nordAdmin!.id);
  const file = async (
    base: string,
    tenant: string,
    cookieOf: string,
    by: string,
    byClient: boolean,
    contactId: string,
    area: DocumentArea,
    contractId: string,
    word: string,
  ) => {
    const title = `Matrixdokument ${word} ${run}`;
    const id = await storeDocument(api, db, {
      base,
      cookie: cookieOf,
      tenantId: tenant,
      createdBy: by,
      byClient,
      contactId,
      area,
      contractId,
      title,
    });
    return { id, title };
  };
  const files = {
    own: await file(demo, demoId, cookies.admin!, admin.id, false, contactOwn.id, 'insurance', c.own.id, 'Betreut'),
    other: await file(demo, demoId, cookies.admin!, admin.id, false, contactOther.id, 'insurance', c.other.id, 'Fremd'),
    nord: await file(
      nord,
      nordId,
      nordAdminCookie,
      nordAdmin!.id,
      false,
      nordClient.id,
      'insurance',
      c.nord.id,
      'Nord',
    ),
    readAll: await file(
      demo,
      demoId,
      cookies.writer!,
      writer.id,
      false,
      clientReadAll.id,
      'insurance',
      c.readAll.id,
      'Leser',
    ),
    client: await file(
      demo,
      demoId,
      cookies.clientWrite!,
      clientWrite.id,
      true,
      clientWrite.id,
      'finance',
      c.client.id,
      'Kunde',
    ),
    advisor: await file(
      demo,
      demoId,
      cookies.writer!,
      writer.id,
      false,
      clientWrite.id,
      'insurance',
      c.advisor.id,
      'Berater',
    ),
  };

  // KOMMUNIKATION: a ticket per client with a communication module (and contactOwn/contactOther), the
  // client's first message with a PDF attachment (through the upload API), then an answer of the assignee.
  const ticket = async (tenant: string, contactId: string, assigneeId: string, word: string) => {
    const subject = `Matrixticket ${word} ${run}`;
    const [t] = await db
      .insert(tickets)
      .values({
        tenantId: tenant,
        contactId,
        assigneeId,
        subject,
        createdBy: contactId,
        idempotencyKey: `matrix-${word}-${run}`,
        lastEntryBy: assigneeId,
        lastPublicBy: assigneeId,
      })
      .returning({ id: tickets.id });
    const [m] = await db
      .insert(ticketMessages)
      .values({ tenantId: tenant, ticketId: t!.id, authorId: contactId, authorKind: 'client', body: `Frage ${word}` })
      .returning({ id: ticketMessages.id });
    await db.insert(ticketEvents).values({
      tenantId: tenant,
      ticketId: t!.id,
      type: 'created',
      actorId: contactId,
      actorKind: 'client',
      meta: { toId: assigneeId },
    });
    await db.insert(ticketMessages).values({
      tenantId: tenant,
      ticketId: t!.id,
      authorId: assigneeId,
      authorKind: 'employee',
      body: `Antwort ${word}`,
      idempotencyKey: `matrix-a-${word}-${run}`,
    });
    await db
      .insert(ticketEvents)
      .values({ tenantId: tenant, ticketId: t!.id, type: 'replied', actorId: assigneeId, actorKind: 'employee' });
    return { id: t!.id, subject, messageId: m!.id };
  };
  const attach = async (
    base: string,
    tenant: string,
    cookieOf: string,
    contactId: string,
    messageId: string,
    word: string,
  ) => {
    const title = `Matrixanhang ${word} ${run}`;
    const pdf = markerPdf(title);
    const key = await uploadPdf(api, db, {
      base,
      cookie: cookieOf,
      body: { contactId, area: 'communication' },
      pdf,
      title,
    });
    const [f] = await db
      .insert(ticketFiles)
      .values({
        tenantId: tenant,
        messageId,
        objectKey: key,
        filename: 'matrix.pdf',
        mime: 'application/pdf',
        size: pdf.length,
      })
      .returning({ id: ticketFiles.id });
    return { id: f!.id, title };
  };
  const t = {
    own: await ticket(demoId, contactOwn.id, scoped.id, 'Betreut'),
    other: await ticket(demoId, contactOther.id, writer.id, 'Fremd'),
    nord: await ticket(nordId, nordClient.id, nordAdmin!.id, 'Nord'),
    readAll: await ticket(demoId, clientReadAll.id, writer.id, 'Leser'),
    comm: await ticket(demoId, clientComm.id, writer.id, 'Kommunikation'),
  };
  const attachments = {
    own: await attach(demo, demoId, cookies.admin!, contactOwn.id, t.own.messageId, 'Betreut'),
    other: await attach(demo, demoId, cookies.admin!, contactOther.id, t.other.messageId, 'Fremd'),
    nord: await attach(nord, nordId, nordAdminCookie, nordClient.id, t.nord.messageId, 'Nord'),
    readAll: await attach(demo, demoId, cookies.admin!, clientReadAll.id, t.readAll.messageId, 'Leser'),
    comm: await attach(demo, demoId, cookies.admin!, clientComm.id, t.comm.messageId, 'Kommunikation'),
  };
  await api.dispose();

  world = {
    cookies,
    contactOwn,
    contactOther,
    contactNord: nordClient,
    employeeTarget: { id: target.id, email: target.email },
    nordEmployee: nordAdmin!,
    clientTarget: clientNone,
    clientReadAll,
    contracts: c,
    files,
    tickets: t,
    attachments,
  };
});

/** FREISCHALTUNG in the four folder areas, nothing else. */
function folderWrite(): Grants {
  const g = presetGrants('none');
  for (const m of ['insurance', 'finance', 'other', 'emergency'] as const)
    g[m] = { activation: true, dataRelease: false, readOnly: false };
  return g;
}

/** A one-page PDF whose text is the marker (so a leaked download would show it). */
function markerPdf(text: string): Buffer {
  const content = `BT /F1 12 Tf 20 40 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A POST to the app as the browser would send it (same origin), with a session cookie. */
function appPost(api: APIRequestContext, base: string, p: string, cookie: string | null, data?: unknown) {
  const target = viaHost(`${base}${p}`);
  return api.post(target.url, {
    headers: { ...target.headers, origin: base, ...(cookie ? { cookie } : {}) },
    data,
    maxRedirects: 0,
  });
}

/**
 * A document with one PDF file, the file through the real upload flow (POST /api/uploads, the presigned
 * POST to S3, the byte check); the document rows are then written directly (what SPEICHERN's server
 * action does, minus the copy inside S3), pointing at the checked object.
 */
async function storeDocument(
  api: APIRequestContext,
  db: Db,
  o: {
    base: string;
    cookie: string;
    tenantId: string;
    createdBy: string;
    byClient: boolean;
    contactId: string;
    area: DocumentArea;
    contractId: string;
    title: string;
  },
): Promise<string> {
  const pdf = markerPdf(o.title);
  const key = await uploadPdf(api, db, {
    base: o.base,
    cookie: o.cookie,
    body: { contactId: o.contactId, area: o.area, contractId: o.contractId },
    pdf,
    title: o.title,
  });
  const [doc] = await db
    .insert(documents)
    .values({
      tenantId: o.tenantId,
      contactId: o.contactId,
      area: o.area,
      contractId: o.contractId,
      title: o.title,
      type: 'Police',
      createdBy: o.createdBy,
      createdByClient: o.byClient,
    })
    .returning({ id: documents.id });
  const [f] = await db
    .insert(documentFiles)
    .values({
      tenantId: o.tenantId,
      documentId: doc!.id,
      objectKey: key,
      filename: 'matrix.pdf',
      mime: 'application/pdf',
      size: pdf.length,
    })
    .returning({ id: documentFiles.id });
  return f!.id;
}

/**
 * A PDF through the real upload flow (POST /api/uploads, the presigned POST to S3, the byte check); the
 * pending upload row is then taken over (what SPEICHERN / SENDEN do, minus the copy inside S3). Returns
 * the checked object's key.
 */
async function uploadPdf(
  api: APIRequestContext,
  db: Db,
  o: { base: string; cookie: string; body: Record<string, unknown>; pdf: Buffer; title: string },
): Promise<string> {
  const start = await appPost(api, o.base, '/api/uploads', o.cookie, {
    ...o.body,
    filename: 'matrix.pdf',
    contentType: 'application/pdf',
    size: o.pdf.length,
  });
  const s = (await start.json()) as {
    ok: boolean;
    id: string;
    url: string;
    fields: Record<string, string>;
    message?: string;
  };
  if (!s.ok) throw new Error(`upload start for "${o.title}": ${start.status()} ${s.message}`);
  const sent = await api.post(s.url, {
    multipart: { ...s.fields, file: { name: 'matrix.pdf', mimeType: 'application/pdf', buffer: o.pdf } },
  });
  if (!sent.ok()) throw new Error(`S3 POST for "${o.title}": ${sent.status()} ${await sent.text()}`);
  const checked = (await (await appPost(api, o.base, `/api/uploads/${s.id}`, o.cookie)).json()) as {
    ok: boolean;
    message?: string;
  };
  if (!checked.ok) throw new Error(`upload check for "${o.title}": ${checked.message}`);
  const [upload] = await db.delete(uploads).where(eq(uploads.id, s.id)).returning({ key: uploads.objectKey });
  return upload!.key;
}

test.afterAll(async () => {
  await close?.();
});

/* ------------------------------------------------------------------ the run */

test.describe('route matrix', () => {
  for (const { actor, route, expected } of cells) {
    test(`${actor} GET ${route} → ${expected}`, async ({ request }) => {
      const { path: p, marker, zip } = routes[route](world);
      const target = viaHost(`${demo}${p}`);
      const cookie = world.cookies[actor];
      const response = await request.get(target.url, {
        headers: { ...target.headers, ...(cookie ? { cookie } : {}) },
        maxRedirects: 0,
      });
      const status = response.status();
      const location = response.headers()['location'];
      const bytes = await response.body();
      const body = bytes.toString('utf8');
      const got = describeAnswer(status, location);
      expect(got, `GET ${p} as ${actor}: status ${status}${location ? ` → ${location}` : ''}`).toBe(
        outcomeShape(expected),
      );
      checkHeaders(response.headers(), body, { path: p, signedIn: Boolean(cookie), status });
      if (marker) {
        if (expected === 'ok') expect(body, `the page shows the target (${marker})`).toContain(marker);
        else expect(body, `the answer must not reveal the target (${marker})`).not.toContain(marker);
      }
      if (zip) {
        const isZip = bytes.subarray(0, 2).toString('latin1') === 'PK';
        expect(isZip, `a DATENEXPORT only in an 'ok' answer`).toBe(expected === 'ok');
        if (expected === 'ok') {
          expect(response.headers()['content-type']).toBe('application/zip');
          expect(response.headers()['cache-control']).toContain('no-store');
          expect(readZip(bytes).get('daten.json')?.toString('utf8'), 'daten.json names the target').toContain(zip);
        }
      }
      if (p === '/api/tickets/unread' && expected === 'ok') {
        const { count } = JSON.parse(body) as { count: unknown };
        expect(Number.isInteger(count) && (count as number) >= 0, `count ${String(count)}`).toBe(true);
        if (['noRights', 'clientNone', 'clientWrite'].includes(actor))
          expect(count, 'no KOMMUNIKATION, no count').toBe(0);
      }
      if ((p.startsWith('/api/files/') || p.startsWith('/api/attachments/')) && expected === 'ok') {
        expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="matrix\.pdf"/);
        expect(response.headers()['x-content-type-options']).toBe('nosniff');
      }
    });
  }

  test('route matrix size', () => {
    const counts = cells.reduce<Record<string, number>>(
      (acc, c) => ({ ...acc, [c.expected]: (acc[c.expected] ?? 0) + 1 }),
      {},
    );
    console.log(
      `route matrix: ${cells.length} cases (${actorKeys.length} actors × ${routeKeys.length} routes) ${JSON.stringify(counts)}`,
    );
    expect(cells.length).toBe(actorKeys.length * routeKeys.length);
  });
});

/** A stack frame ("    at fn (file.js:1:2)") or a path into the build: internals that must never be shown. */
const internals = /\n\s+at [^\n]+:\d+:\d+\)?|\/node_modules\/|\.next\/server\//;

/**
 * The header crawler (issue 13): every answer of every route for every actor carries nosniff, a CSP that
 * forbids framing (files: sandboxed or same-origin previews) and scripts without a nonce, no cache for
 * anything personal, and no stack trace or build path in the body.
 */
function checkHeaders(
  h: Record<string, string>,
  body: string,
  o: { path: string; signedIn: boolean; status: number },
): void {
  const where = `${o.path} (${o.status}${o.signedIn ? ', signed in' : ''})`;
  expect(h['x-content-type-options'], `nosniff on ${where}`).toBe('nosniff');
  const csp = h['content-security-policy'] ?? '';
  expect(csp, `CSP on ${where}`).not.toBe('');
  const isFile = o.path.startsWith('/api/files/') || o.path.startsWith('/api/attachments/');
  if (isFile && o.status === 200) {
    expect(csp, `file CSP on ${where}`).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/frame-ancestors '(none|self)'/);
  } else {
    expect(csp, `no framing of ${where}`).toMatch(/frame-ancestors 'none'/);
    if (/text\/html/.test(h['content-type'] ?? '')) {
      expect(csp, `scripts only with the nonce on ${where}`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=_-]{16,}'/);
      expect(h['x-frame-options'], `X-Frame-Options on ${where}`).toBe('DENY');
    }
  }
  if (o.signedIn && o.status === 200) expect(h['cache-control'] ?? '', `no-store on ${where}`).toContain('no-store');
  if (!/application\/(pdf|zip)|image\//.test(h['content-type'] ?? ''))
    expect(body, `no internals in ${where}`).not.toMatch(internals);
}

/** The observable shape of an answer: '200', '404' or 'redirect <path>'. */
function describeAnswer(status: number, location: string | undefined): string {
  if ([301, 302, 303, 307, 308].includes(status))
    return `redirect ${location ? new URL(location, demo).pathname : '?'}`;
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
    case 'unauthorized':
      return '401';
    case 'forbidden':
      return '403';
  }
}

/* ------------------------------------------------------------------ POST /api/uploads */

/**
 * Step 1 of every upload, actor × target. The body is what a browser sends; a client's contactId is
 * ignored (a client always uploads into its own folder), so for clients the targets differ only by area
 * and contract. Outcomes:
 *   accepted   200 {ok: true, id, url, fields}
 *   forbidden  403 {ok: false} – the place is visible, but adding is not allowed (read right, NUR LESEN)
 *   notfound   404 {ok: false} – the place is not visible (other tenant, other client, no right, scope)
 *   nocontact  200 {ok: false, 'Kein Kontakt gewählt.'} – an employee must name the contact
 *   login      401 {ok: false} – no session on this host
 * Nothing but 'accepted' carries a presigned URL.
 */
const uploadTargetKeys = [
  '<own> insurance',
  '<own> insurance, <own contract>',
  '<other> insurance',
  '<nord> insurance',
  '<own> profile',
  'no contact, finance',
  'no contact, insurance, <advisor contract>',
  'no contact, insurance',
] as const;
type UploadTargetKey = (typeof uploadTargetKeys)[number];
type UploadOutcome = 'accepted' | 'forbidden' | 'notfound' | 'nocontact' | 'login';

const uploadTargets: Record<UploadTargetKey, (w: World) => Record<string, unknown>> = {
  '<own> insurance': (w) => ({ contactId: w.contactOwn.id, area: 'insurance' }),
  '<own> insurance, <own contract>': (w) => ({
    contactId: w.contactOwn.id,
    area: 'insurance',
    contractId: w.contracts.own.id,
  }),
  '<other> insurance': (w) => ({ contactId: w.contactOther.id, area: 'insurance' }),
  '<nord> insurance': (w) => ({ contactId: w.contactNord.id, area: 'insurance' }),
  '<own> profile': (w) => ({ contactId: w.contactOwn.id, area: 'profile' }),
  'no contact, finance': () => ({ area: 'finance' }),
  'no contact, insurance, <advisor contract>': (w) => ({ area: 'insurance', contractId: w.contracts.advisor.id }),
  'no contact, insurance': () => ({ area: 'insurance' }),
};

const row = (...o: UploadOutcome[]) =>
  Object.fromEntries(uploadTargetKeys.map((k, i) => [k, o[i]!])) as Record<UploadTargetKey, UploadOutcome>;
const noUploads = row('login', 'login', 'login', 'login', 'login', 'login', 'login', 'login');
const uploadExpectations: Record<ActorKey, Record<UploadTargetKey, UploadOutcome>> = {
  anonymous: noUploads,
  admin: row('accepted', 'accepted', 'accepted', 'notfound', 'accepted', 'nocontact', 'nocontact', 'nocontact'),
  writer: row('accepted', 'accepted', 'accepted', 'notfound', 'accepted', 'nocontact', 'nocontact', 'nocontact'),
  reader: row('forbidden', 'forbidden', 'forbidden', 'notfound', 'forbidden', 'nocontact', 'nocontact', 'nocontact'),
  noRights: row('notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'nocontact', 'nocontact', 'nocontact'),
  scoped: row('accepted', 'accepted', 'notfound', 'notfound', 'accepted', 'nocontact', 'nocontact', 'nocontact'),
  // Clients: always their own folder; another contact's contract is not found.
  clientNone: row('notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound'),
  clientReadAll: row(
    'forbidden',
    'notfound',
    'forbidden',
    'forbidden',
    'forbidden',
    'forbidden',
    'notfound',
    'forbidden',
  ),
  clientWrite: row('accepted', 'notfound', 'accepted', 'accepted', 'notfound', 'accepted', 'notfound', 'accepted'),
  // KOMMUNIKATION only: no folder area is visible.
  clientComm: row('notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound'),
  nordClient: noUploads,
};

const uploadStatus: Record<UploadOutcome, number> = {
  accepted: 200,
  forbidden: 403,
  notfound: 404,
  nocontact: 200,
  login: 401,
};

test.describe('upload matrix (POST /api/uploads)', () => {
  for (const actor of actorKeys) {
    for (const target of uploadTargetKeys) {
      const expected = uploadExpectations[actor][target];
      test(`${actor} POST /api/uploads ${target} → ${expected}`, async ({ request }) => {
        const cookie = world.cookies[actor];
        const body = {
          ...uploadTargets[target](world),
          filename: 'scan.pdf',
          contentType: 'application/pdf',
          size: 4096,
        };
        const response = await appPost(request, demo, '/api/uploads', cookie, body);
        const json = (await response.json()) as {
          ok: boolean;
          id?: string;
          url?: string;
          fields?: unknown;
          message?: string;
        };
        expect(response.status(), `${actor}: ${JSON.stringify(json)}`).toBe(uploadStatus[expected]);
        expect(json.ok).toBe(expected === 'accepted');
        if (expected === 'accepted') {
          expect(json.url).toBeTruthy();
          expect(json.fields).toBeTruthy();
          // Tidy up: the pending upload is discarded again.
          const discard = viaHost(`${demo}/api/uploads/${json.id}`);
          expect(
            (await request.delete(discard.url, { headers: { ...discard.headers, cookie: cookie! } })).status(),
          ).toBe(200);
        } else {
          expect(json.url).toBeUndefined();
          expect(json.fields).toBeUndefined();
          expect(json.message, 'a German message').toBeTruthy();
          if (expected === 'nocontact') expect(json.message).toBe('Kein Kontakt gewählt.');
        }
      });
    }
  }

  test('a pending upload belongs to its uploader: nobody else can check or discard it', async ({ request }) => {
    const start = await appPost(request, demo, '/api/uploads', world.cookies.admin, {
      contactId: world.contactOwn.id,
      area: 'insurance',
      filename: 'scan.pdf',
      contentType: 'application/pdf',
      size: 4096,
    });
    const { id } = (await start.json()) as { id: string };
    for (const actor of ['writer', 'scoped', 'clientWrite'] as const) {
      const check = await appPost(request, demo, `/api/uploads/${id}`, world.cookies[actor]);
      expect(check.status(), actor).toBe(404);
      expect(((await check.json()) as { message: string }).message).toBe(
        'Diese Datei gehört nicht zu Ihrem Upload. Bitte wählen Sie sie erneut aus.',
      );
      const discard = viaHost(`${demo}/api/uploads/${id}`);
      await request.delete(discard.url, { headers: { ...discard.headers, cookie: world.cookies[actor]! } });
    }
    expect((await appPost(request, demo, `/api/uploads/${id}`, null)).status()).toBe(401);
    // Still there for the uploader (nothing was sent to S3 yet, so the check says so).
    const own = await appPost(request, demo, `/api/uploads/${id}`, world.cookies.admin);
    expect(own.status()).toBe(200);
    expect(((await own.json()) as { message: string }).message).toBe(
      'Die Datei ist nicht (vollständig) angekommen. Bitte laden Sie sie erneut hoch.',
    );
    const discard = viaHost(`${demo}/api/uploads/${id}`);
    expect(
      (await request.delete(discard.url, { headers: { ...discard.headers, cookie: world.cookies.admin! } })).status(),
    ).toBe(200);
  });

  test('upload matrix size', () => {
    const all = actorKeys.flatMap((a) => uploadTargetKeys.map((t) => uploadExpectations[a][t]));
    const counts = all.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});
    console.log(
      `upload matrix: ${all.length} cases (${actorKeys.length} actors × ${uploadTargetKeys.length} targets) ${JSON.stringify(counts)}`,
    );
    expect(all.every(Boolean)).toBe(true);
  });
});
