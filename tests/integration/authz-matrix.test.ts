/**
 * AUTHORIZATION MATRIX (domain layer, real PostgreSQL).
 *
 * One hand-written table says, for every actor × operation × owner, whether the domain function must
 * allow or refuse. It is written from the rules (SPEC §3), not from the code:
 *   - only admins manage users (BENUTZER);
 *   - employees need a right to see contacts, and 'write' in at least one module to change contacts,
 *     FREIGABEN, accounts and to send the REGISTRIERUNGSMAIL;
 *   - scope 'own' only reaches the contacts the employee is BETREUER of;
 *   - clients never call advisor operations;
 *   - contracts and documents (all cells use the FINANZEN area): employees need the module right ('read'
 *     to see, 'write' to change) and the scope; clients reach only their own folder, per FREIGABEN of
 *     FINANZEN: visible = FREISCHALTUNG || DATENFREIGABE || NUR LESEN; the BETREUER's items are seen with
 *     DATENFREIGABE, or NUR LESEN without FREISCHALTUNG; adding needs (FREISCHALTUNG || DATENFREIGABE)
 *     without NUR LESEN; changing the BETREUER's items needs DATENFREIGABE without NUR LESEN;
 *   - only admins maintain the tenant's own providers (ANBIETER);
 *   - a client changes only their own PROFIL, and only with the profile write right
 *     (FREISCHALTUNG or DATENFREIGABE, each without NUR LESEN);
 *   - KOMMUNIKATION (SPEC §5): only clients open tickets, for themselves, per their KOMMUNIKATION switches:
 *     any switch = read their own tickets; (FREISCHALTUNG || DATENFREIGABE) without NUR LESEN = send (new
 *     ticket, reply). Clients never forward or close. Employees need the communication right ('read' to see
 *     the tickets of contacts they may see, 'write' to reply, forward and close) and the scope; admins all.
 *   - nothing ever reaches another tenant.
 *
 * Owners (always relative to the actor's home tenant H; the call always passes H, like the server
 * actions do with actor.tenant – a foreign id in the form is the only thing a crafted request can add):
 *   contact operations     own   = a contact of H looked after by H's scoped employee (A: "ownA");
 *                                  for client actors: the client's own contact record
 *                          same  = a contact of H looked after by somebody else
 *                          other = a contact of the other tenant
 *   createContact          own   = BETREUER left to the default; same = a colleague as BETREUER;
 *                          other = an employee of the other tenant as BETREUER (crafted form value)
 *   createEmployee         own   = a new employee in H (there is nothing else to point at)
 *   updateEmployee         own   = the actor's own user row (non-admins try to make themselves admin)
 *   setEmployeeLocked /    same  = another (invited) employee of H; other = an employee of the other tenant
 *   resendInvitation       own   = the actor themselves ('-' for admins: self-lock and re-inviting an
 *                                  active user are separate business rules, not authorization)
 *   updateOwnProfile       own   = the actor's identity with H; other = the same identity with the other
 *                                  tenant's id
 *   createContract /       own/same/other as for contact operations (clients: own = their own folder,
 *   startUpload                   same = another contact's folder named in the crafted request)
 *   updateContract /       a contract the BETREUER entered in that contact's folder (fresh per cell)
 *   deleteContract
 *   createDocument         a PDF upload of the actor (stored directly), attached to a contract the BETREUER
 *                          entered in that contact's folder (clients: contractId is the crafted value, the
 *                          contact id in the form is ignored for them)
 *   deleteDocument         a document (with a stored file) the BETREUER added to that contact's folder
 *   listArea / getContract the BETREUER's contract in the fixed read contacts' FINANZEN (see readTarget);
 *                          these reads answer 404 (DomainError 'not_found'), which counts as "not in the answer"
 *   addProvider            own   = a new name in H's list
 *   removeProvider         same  = an own provider of H; other = an own provider of the other tenant
 *   createTicket           the client writes to: own = their BETREUER; same = another employee of H who may
 *                          receive messages ("postA"/"postB"); other = an employee of the other tenant (crafted
 *                          form value, refused like any unknown person: 'invalid'). Employees never create.
 *   replyToTicket /        an open ticket of the target contact (as for contact operations; clients: own = their
 *   forwardTicket /        own ticket, same = another contact's), written by that contact to H's "post" employee
 *   closeTicket /          (stored directly, fresh per cell). Forward goes to the writer of the ticket's tenant.
 *   openTicket             openTicket writes the viewer's read marker, so it runs as a mutation (checked by verify).
 *   listDeadlines /        FRISTEN (lib/fristen, next 90 days) and its CSV export: a Kfz contract with a
 *   exportDeadlines        Hauptfälligkeit in 50 days of each fixed read contact (readTarget); employees need a
 *                          right in VERSICHERUNGEN and the scope; clients and employees without it get no list
 *                          (forbidden / 403 counts as "not in the answer")
 *   listTickets            the contact page's list (contactId = the target contact, scope 'all', status open);
 *                          clients have no such list (it answers empty)
 *   deleteContact /        a fresh active contact as for contact operations (clients: own = themselves), the
 *   setArchived /          name typed right; KONTAKT LÖSCHEN and ARCHIVIEREN need write in every module,
 *   exportContact          DATENEXPORT read in every module (a client: their own, while PROFIL is visible)
 *   portfolioCsv           the BESTAND CSV (by Versicherer) after a fresh FINANZEN contract with a provider of
 *                          its own in the fixed read contact's folder: found = the provider is a line of the
 *                          CSV (admins: the tenant; employees: scope and the FINANZEN right; clients: refused)
 *   listProtocol           PROTOKOLL: an audit row about the target contact (own = A1/B1, same = A2/B2, other =
 *                          the other tenant's), listed with the contact filter; admins and employees with the
 *                          right "Protokoll" (readerA holds it, nobody else of the employees) see their own
 *                          tenant's log only; clients never. A refusal ('forbidden') counts as "not in the answer"
 *
 * A refusal ('deny') is a thrown DomainError with code 'forbidden' or 'not_found' (reads: null / not in
 * the list) AND an unchanged database (fingerprint of users, contact_profiles, client_grants,
 * account_tokens, outbox, audit_log, sessions, providers, contracts, documents, document_files, uploads,
 * tickets, ticket_messages, ticket_files, ticket_events and ticket_reads of both tenants). An 'allow' must
 * succeed, leave the other tenant untouched, write the audit row of the operation (mutations; startUpload,
 * replyToTicket and openTicket write none and are checked by their rows) or return the target (reads).
 * Every mutation cell works on freshly created targets, so a lock or a new account never leaks into
 * another cell.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, sql as dsql } from 'drizzle-orm';
import type postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { noRights } from '../../lib/access/employee';
import type { Grants } from '../../lib/access/freigaben';
import { emptyGrants, rightsOf } from '../../lib/access/freigaben';
import { DomainError } from '../../lib/errors';
import type { SessionUser } from '../../lib/auth/sessions';
import { createContactAccount, sendRegistrationMail } from '../../lib/contacts/account';
import { createContact } from '../../lib/contacts/create';
import { updateContact } from '../../lib/contacts/update';
import { portfolioCsv } from '../../lib/bestand/csv';
import { createContract, deleteContract, getContract, listArea, updateContract } from '../../lib/contracts';
import { addProvider, providerNames, removeProvider } from '../../lib/contracts/catalog';
import { contractSchema, documentSchema } from '../../lib/contracts/schemas';
import { createDocument, deleteDocument, presignDocumentUpload } from '../../lib/documents';
import { getContact } from '../../lib/contacts/get';
import { listContacts } from '../../lib/contacts/list';
import { contactSchema } from '../../lib/contacts/schemas';
import type { Db } from '../../lib/db/client';
import {
  auditLog,
  clientGrants,
  importJobs,
  contactProfiles,
  contracts,
  documentFiles,
  documents,
  outbox,
  passkeys,
  providers,
  ticketEvents,
  ticketMessages,
  ticketReads,
  tickets,
  uploads,
  users,
  type EmployeeRights,
  type Tenant,
} from '../../lib/db/schema';
import { loadGrants, saveGrants } from '../../lib/grants';
import { updateOwnProfile } from '../../lib/portal/profile';
import { setArchived } from '../../lib/privacy/archive';
import { deleteContact, pseudonymFor } from '../../lib/privacy/delete';
import { exportContact } from '../../lib/privacy/export';
import { createFollowUp } from '../../lib/follow-ups/create';
import { setContractReminder } from '../../lib/reminders/optin';
import { listProtocol } from '../../lib/protocol/list';
import { getObjectBytes, objectKey, putObject } from '../../lib/storage';
import { createTenant } from '../../lib/tenant/create';
import { closeTicket } from '../../lib/tickets/close';
import { createTicket } from '../../lib/tickets/create';
import { forwardTicket } from '../../lib/tickets/forward';
import { listTickets } from '../../lib/tickets/list';
import { addDays, toIso } from '../../lib/deadlines';
import { listDeadlines } from '../../lib/fristen';
import { exportResponse as exportDeadlinesCsv } from '../../lib/fristen/http';
import { todayInGermany } from '../../lib/fristen/today';
import { openTicket } from '../../lib/tickets/open';
import { replyToTicket } from '../../lib/tickets/reply';
import { forwardSchema, newTicketSchema, replySchema } from '../../lib/tickets/schemas';
import { createAccount } from '../../lib/users/create';
import { createEmployee } from '../../lib/users/create-employee';
import { setEmployeeLocked } from '../../lib/users/lock';
import { resendInvitation } from '../../lib/users/resend';
import { employeeSchema } from '../../lib/users/schemas';
import { updateEmployee } from '../../lib/users/update-employee';
import { testDb } from './db';
import { importJob, presignImport } from '../../lib/import/jobs';
import { resetClientFactor, resetEmployeeFactor } from '../../lib/auth/factors/reset';
import { removePasskey, renamePasskey } from '../../lib/auth/passkeys/manage';
import { ctxFor, sessionUserOf } from './ctx';

/* ------------------------------------------------------------------ the table */

const actorKeys = [
  'adminA',
  'writerA', // all modules 'write', scope all
  'partialWriterA', // 'write' in one module only (insurance), scope all
  'readerA', // all modules 'read', scope all
  'noRightsA', // all modules 'none'
  'ownA', // all modules 'write', scope own, BETREUER of A1
  'clientA1', // PROFIL: FREISCHALTUNG (+ some other FREIGABEN); FINANZEN: DATENFREIGABE; KOMMUNIKATION: FREISCHALTUNG
  'clientA2', // PROFIL: NUR LESEN; FINANZEN: NUR LESEN; KOMMUNIKATION: NUR LESEN
  'clientA3', // PROFIL: DATENFREIGABE; FINANZEN: FREISCHALTUNG; KOMMUNIKATION: DATENFREIGABE
  'clientA4', // PROFIL: DATENFREIGABE + NUR LESEN; FINANZEN: DATENFREIGABE + NUR LESEN; KOMMUNIKATION: the same
  'clientA5', // PROFIL: FREISCHALTUNG + NUR LESEN; FINANZEN: FREISCHALTUNG + NUR LESEN; KOMMUNIKATION: the same
  'clientA6', // no FREIGABEN at all
  'adminB',
  'clientB1', // PROFIL: DATENFREIGABE; FINANZEN: DATENFREIGABE; KOMMUNIKATION: DATENFREIGABE
] as const;
type ActorKey = (typeof actorKeys)[number];

const ops = [
  'createEmployee',
  'updateEmployee',
  'setEmployeeLocked',
  'resendInvitation',
  'createContact',
  'updateContact',
  'createContactAccount',
  'sendRegistrationMail',
  'saveGrants',
  'getContact',
  'listContacts',
  'updateOwnProfile',
  'createContract',
  'updateContract',
  'deleteContract',
  'listArea',
  'getContract',
  'startUpload',
  'createDocument',
  'deleteDocument',
  'addProvider',
  'removeProvider',
  'createTicket',
  'replyToTicket',
  'forwardTicket',
  'closeTicket',
  'openTicket',
  'listTickets',
  'listDeadlines',
  'exportDeadlines',
  'deleteContact',
  'setArchived',
  'exportContact',
  'portfolioCsv',
  'createFollowUp',
  'setContractReminder',
  'listProtocol',
] as const;
type Op = (typeof ops)[number];

const owners = ['own', 'same', 'other'] as const;
type Owner = (typeof owners)[number];
type Expect = 'allow' | 'deny' | '-';
type Row = readonly [own: Expect, same: Expect, other: Expect];

const D3: Row = ['deny', 'deny', 'deny'];
/** Every client actor: never an advisor operation. */
const clientsDeny = {
  clientA1: D3,
  clientA2: D3,
  clientA3: D3,
  clientA4: D3,
  clientA5: D3,
  clientA6: D3,
  clientB1: D3,
} as const;

//                                  own      same     other
const expectations: Record<Op, Record<ActorKey, Row>> = {
  createEmployee: {
    adminA: /*                   */ ['allow', '-', '-'],
    writerA: /*                  */ ['deny', '-', '-'],
    partialWriterA: /*           */ ['deny', '-', '-'],
    readerA: /*                  */ ['deny', '-', '-'],
    noRightsA: /*                */ ['deny', '-', '-'],
    ownA: /*                     */ ['deny', '-', '-'],
    clientA1: ['deny', '-', '-'],
    clientA2: ['deny', '-', '-'],
    clientA3: ['deny', '-', '-'],
    clientA4: ['deny', '-', '-'],
    clientA5: ['deny', '-', '-'],
    clientA6: ['deny', '-', '-'],
    adminB: /*                   */ ['allow', '-', '-'],
    clientB1: ['deny', '-', '-'],
  },
  updateEmployee: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: D3, // incl. making themselves admin
    partialWriterA: D3,
    readerA: D3,
    noRightsA: D3,
    ownA: D3,
    ...clientsDeny,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  setEmployeeLocked: {
    adminA: /*                   */ ['-', 'allow', 'deny'],
    writerA: D3,
    partialWriterA: D3,
    readerA: D3,
    noRightsA: D3,
    ownA: D3,
    ...clientsDeny,
    adminB: /*                   */ ['-', 'allow', 'deny'],
  },
  resendInvitation: {
    adminA: /*                   */ ['-', 'allow', 'deny'],
    writerA: D3,
    partialWriterA: D3,
    readerA: D3,
    noRightsA: D3,
    ownA: D3,
    ...clientsDeny,
    adminB: /*                   */ ['-', 'allow', 'deny'],
  },
  createContact: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: /*           */ ['allow', 'allow', 'deny'],
    readerA: D3,
    noRightsA: D3,
    // A scoped employee always becomes the BETREUER: a colleague's or a foreign BETREUER in the form is
    // ignored, the contact is created in the own tenant and stays visible to its creator.
    ownA: /*                     */ ['allow', 'allow', 'allow'],
    ...clientsDeny,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  updateContact: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: /*           */ ['allow', 'allow', 'deny'],
    readerA: D3,
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    ...clientsDeny,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  createContactAccount: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: /*           */ ['allow', 'allow', 'deny'],
    readerA: D3,
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    ...clientsDeny,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  sendRegistrationMail: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: /*           */ ['allow', 'allow', 'deny'],
    readerA: D3,
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    ...clientsDeny,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  saveGrants: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: /*           */ ['allow', 'allow', 'deny'],
    readerA: D3,
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    ...clientsDeny,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  getContact: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: /*           */ ['allow', 'allow', 'deny'],
    readerA: /*                  */ ['allow', 'allow', 'deny'],
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    ...clientsDeny,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  listContacts: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: /*           */ ['allow', 'allow', 'deny'],
    readerA: /*                  */ ['allow', 'allow', 'deny'],
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    ...clientsDeny,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  updateOwnProfile: {
    adminA: ['deny', '-', 'deny'],
    writerA: ['deny', '-', 'deny'],
    partialWriterA: ['deny', '-', 'deny'],
    readerA: ['deny', '-', 'deny'],
    noRightsA: ['deny', '-', 'deny'],
    ownA: ['deny', '-', 'deny'],
    clientA1: /*                 */ ['allow', '-', 'deny'], // FREISCHALTUNG
    clientA2: /*                 */ ['deny', '-', 'deny'], // NUR LESEN only
    clientA3: /*                 */ ['allow', '-', 'deny'], // DATENFREIGABE
    clientA4: /*                 */ ['deny', '-', 'deny'], // DATENFREIGABE + NUR LESEN
    clientA5: /*                 */ ['deny', '-', 'deny'], // FREISCHALTUNG + NUR LESEN
    clientA6: /*                 */ ['deny', '-', 'deny'], // nothing granted
    adminB: ['deny', '-', 'deny'],
    clientB1: /*                 */ ['allow', '-', 'deny'], // DATENFREIGABE
  },
  // FINANZEN of the target contact's folder.
  createContract: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3, // 'write' in VERSICHERUNGEN only: FINANZEN does not exist for them
    readerA: D3,
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    clientA1: /*                 */ ['allow', 'deny', 'deny'], // DATENFREIGABE
    clientA2: D3, // NUR LESEN
    clientA3: /*                 */ ['allow', 'deny', 'deny'], // FREISCHALTUNG
    clientA4: D3, // DATENFREIGABE + NUR LESEN
    clientA5: D3, // FREISCHALTUNG + NUR LESEN
    clientA6: D3,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
    clientB1: /*                 */ ['allow', 'deny', 'deny'], // DATENFREIGABE
  },
  // The BETREUER's contract.
  updateContract: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3,
    readerA: D3,
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    clientA1: /*                 */ ['allow', 'deny', 'deny'], // DATENFREIGABE: also the BETREUER's items
    clientA2: D3, // sees it, may not change it
    clientA3: D3, // FREISCHALTUNG alone does not even show it
    clientA4: D3,
    clientA5: D3,
    clientA6: D3,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
    clientB1: /*                 */ ['allow', 'deny', 'deny'],
  },
  deleteContract: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3,
    readerA: D3,
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    clientA1: /*                 */ ['allow', 'deny', 'deny'],
    clientA2: D3,
    clientA3: D3,
    clientA4: D3,
    clientA5: D3,
    clientA6: D3,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
    clientB1: /*                 */ ['allow', 'deny', 'deny'],
  },
  listArea: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3,
    readerA: /*                  */ ['allow', 'allow', 'deny'],
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    clientA1: /*                 */ ['allow', 'deny', 'deny'], // DATENFREIGABE
    clientA2: /*                 */ ['allow', 'deny', 'deny'], // NUR LESEN shows the BETREUER's items
    clientA3: D3, // FREISCHALTUNG: only own items
    clientA4: /*                 */ ['allow', 'deny', 'deny'], // DATENFREIGABE + NUR LESEN
    clientA5: D3, // FREISCHALTUNG + NUR LESEN: only own items
    clientA6: D3,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
    clientB1: /*                 */ ['allow', 'deny', 'deny'],
  },
  getContract: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3,
    readerA: /*                  */ ['allow', 'allow', 'deny'],
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    clientA1: /*                 */ ['allow', 'deny', 'deny'],
    clientA2: /*                 */ ['allow', 'deny', 'deny'],
    clientA3: D3,
    clientA4: /*                 */ ['allow', 'deny', 'deny'],
    clientA5: D3,
    clientA6: D3,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
    clientB1: /*                 */ ['allow', 'deny', 'deny'],
  },
  // A presigned POST for a file in FINANZEN (no contract).
  startUpload: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3,
    readerA: D3,
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    clientA1: /*                 */ ['allow', 'deny', 'deny'],
    clientA2: D3,
    clientA3: /*                 */ ['allow', 'deny', 'deny'],
    clientA4: D3,
    clientA5: D3,
    clientA6: D3,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
    clientB1: /*                 */ ['allow', 'deny', 'deny'],
  },
  // DOKUMENT HINZUFÜGEN to the BETREUER's contract.
  createDocument: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3,
    readerA: D3,
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    clientA1: /*                 */ ['allow', 'deny', 'deny'], // sees the contract, may add
    clientA2: D3, // sees it, may not add
    clientA3: D3, // does not see the BETREUER's contract
    clientA4: D3,
    clientA5: D3,
    clientA6: D3,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
    clientB1: /*                 */ ['allow', 'deny', 'deny'],
  },
  // The BETREUER's document.
  deleteDocument: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3,
    readerA: D3,
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    clientA1: /*                 */ ['allow', 'deny', 'deny'],
    clientA2: D3,
    clientA3: D3,
    clientA4: D3,
    clientA5: D3,
    clientA6: D3,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
    clientB1: /*                 */ ['allow', 'deny', 'deny'],
  },
  addProvider: {
    adminA: /*                   */ ['allow', '-', '-'],
    writerA: ['deny', '-', '-'],
    partialWriterA: ['deny', '-', '-'],
    readerA: ['deny', '-', '-'],
    noRightsA: ['deny', '-', '-'],
    ownA: ['deny', '-', '-'],
    clientA1: ['deny', '-', '-'],
    clientA2: ['deny', '-', '-'],
    clientA3: ['deny', '-', '-'],
    clientA4: ['deny', '-', '-'],
    clientA5: ['deny', '-', '-'],
    clientA6: ['deny', '-', '-'],
    adminB: /*                   */ ['allow', '-', '-'],
    clientB1: ['deny', '-', '-'],
  },
  removeProvider: {
    adminA: /*                   */ ['-', 'allow', 'deny'],
    writerA: ['-', 'deny', 'deny'],
    partialWriterA: ['-', 'deny', 'deny'],
    readerA: ['-', 'deny', 'deny'],
    noRightsA: ['-', 'deny', 'deny'],
    ownA: ['-', 'deny', 'deny'],
    clientA1: ['-', 'deny', 'deny'],
    clientA2: ['-', 'deny', 'deny'],
    clientA3: ['-', 'deny', 'deny'],
    clientA4: ['-', 'deny', 'deny'],
    clientA5: ['-', 'deny', 'deny'],
    clientA6: ['-', 'deny', 'deny'],
    adminB: /*                   */ ['-', 'allow', 'deny'],
    clientB1: ['-', 'deny', 'deny'],
  },
  // NEUE NACHRICHT: own = to the BETREUER, same = to a colleague, other = to an employee of the other tenant.
  createTicket: {
    adminA: D3, // tickets are opened by clients in the portal
    writerA: D3,
    partialWriterA: D3,
    readerA: D3,
    noRightsA: D3,
    ownA: D3,
    clientA1: /*                 */ ['allow', 'allow', 'deny'], // FREISCHALTUNG
    clientA2: D3, // NUR LESEN
    clientA3: /*                 */ ['allow', 'allow', 'deny'], // DATENFREIGABE
    clientA4: D3, // DATENFREIGABE + NUR LESEN
    clientA5: D3, // FREISCHALTUNG + NUR LESEN
    clientA6: D3, // KOMMUNIKATION not visible
    adminB: D3,
    clientB1: /*                 */ ['allow', 'allow', 'deny'],
  },
  // NEUER EINTRAG → SENDEN on the target contact's ticket.
  replyToTicket: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3, // no communication right
    readerA: D3, // communication 'read'
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    clientA1: /*                 */ ['allow', 'deny', 'deny'],
    clientA2: D3, // reads, may not send
    clientA3: /*                 */ ['allow', 'deny', 'deny'],
    clientA4: D3,
    clientA5: D3,
    clientA6: D3,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
    clientB1: /*                 */ ['allow', 'deny', 'deny'],
  },
  forwardTicket: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3,
    readerA: D3,
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    ...clientsDeny, // never a client, not even their own ticket
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  closeTicket: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3,
    readerA: D3,
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    ...clientsDeny,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  openTicket: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3,
    readerA: /*                  */ ['allow', 'allow', 'deny'],
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    clientA1: /*                 */ ['allow', 'deny', 'deny'], // any KOMMUNIKATION switch reads the own tickets
    clientA2: /*                 */ ['allow', 'deny', 'deny'],
    clientA3: /*                 */ ['allow', 'deny', 'deny'],
    clientA4: /*                 */ ['allow', 'deny', 'deny'],
    clientA5: /*                 */ ['allow', 'deny', 'deny'],
    clientA6: D3,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
    clientB1: /*                 */ ['allow', 'deny', 'deny'],
  },
  listTickets: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3,
    readerA: /*                  */ ['allow', 'allow', 'deny'],
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    ...clientsDeny, // the advisor list
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  listDeadlines: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: /*           */ ['allow', 'allow', 'deny'], // write in VERSICHERUNGEN
    readerA: /*                  */ ['allow', 'allow', 'deny'],
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    ...clientsDeny, // an employee list
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  exportDeadlines: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: /*           */ ['allow', 'allow', 'deny'],
    readerA: /*                  */ ['allow', 'allow', 'deny'],
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    ...clientsDeny,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  // KONTAKT LÖSCHEN / ARCHIVIEREN: admins and employees with write in every module, within their scope.
  deleteContact: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3,
    readerA: D3,
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    ...clientsDeny, // not even themselves
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  setArchived: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3,
    readerA: D3,
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    ...clientsDeny,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  // DATENEXPORT: employees with at least read in every module, within their scope; a client only their own,
  // while PROFIL is visible.
  exportContact: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3,
    readerA: /*                  */ ['allow', 'allow', 'deny'],
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    clientA1: /*                 */ ['allow', 'deny', 'deny'], // PROFIL: FREISCHALTUNG
    clientA2: /*                 */ ['allow', 'deny', 'deny'], // PROFIL: NUR LESEN
    clientA3: /*                 */ ['allow', 'deny', 'deny'],
    clientA4: /*                 */ ['allow', 'deny', 'deny'],
    clientA5: /*                 */ ['allow', 'deny', 'deny'],
    clientA6: D3, // PROFIL not visible
    adminB: /*                   */ ['allow', 'allow', 'deny'],
    clientB1: /*                 */ ['allow', 'deny', 'deny'],
  },
  // BESTAND CSV: the contract counts for employees with a FINANZEN right within their scope; never clients.
  portfolioCsv: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: D3, // a right in VERSICHERUNGEN only: FINANZEN contracts are not in their figures
    readerA: /*                  */ ['allow', 'allow', 'deny'],
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    ...clientsDeny,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  // WIEDERVORLAGEN (issue 15): any employee who may see the contact (any right, scope), assigned to themselves.
  createFollowUp: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: /*                  */ ['allow', 'allow', 'deny'],
    partialWriterA: /*           */ ['allow', 'allow', 'deny'],
    readerA: /*                  */ ['allow', 'allow', 'deny'],
    noRightsA: D3,
    ownA: /*                     */ ['allow', 'deny', 'deny'],
    ...clientsDeny,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
  // Reminder switch on a contract the BETREUER entered in FINANZEN: clients who see it (DATENFREIGABE, or
  // NUR LESEN without FREISCHALTUNG), only their own; employees never.
  setContractReminder: {
    adminA: D3,
    writerA: D3,
    partialWriterA: D3,
    readerA: D3,
    noRightsA: D3,
    ownA: D3,
    clientA1: /*                 */ ['allow', 'deny', 'deny'],
    clientA2: /*                 */ ['allow', 'deny', 'deny'],
    clientA3: D3, // FREISCHALTUNG only: the BETREUER's items are not shown
    clientA4: /*                 */ ['allow', 'deny', 'deny'],
    clientA5: D3,
    clientA6: D3,
    adminB: D3,
    clientB1: /*                 */ ['allow', 'deny', 'deny'],
  },
  // PROTOKOLL: admins and the right "Protokoll" (readerA), the whole own tenant, never another one.
  listProtocol: {
    adminA: /*                   */ ['allow', 'allow', 'deny'],
    writerA: D3, // write everywhere, but not the right "Protokoll"
    partialWriterA: D3,
    readerA: /*                  */ ['allow', 'allow', 'deny'],
    noRightsA: D3,
    ownA: D3,
    ...clientsDeny,
    adminB: /*                   */ ['allow', 'allow', 'deny'],
  },
};

interface Cell {
  op: Op;
  actor: ActorKey;
  owner: Owner;
  expected: 'allow' | 'deny';
}

const cells: Cell[] = ops.flatMap((op) =>
  actorKeys.flatMap((actor) =>
    owners.flatMap((owner, i) => {
      const expected = expectations[op][actor][i]!;
      return expected === '-' ? [] : [{ op, actor, owner, expected }];
    }),
  ),
);

/* ------------------------------------------------------------------ the world */

type TenantKey = 'A' | 'B';
const otherOf = (k: TenantKey): TenantKey => (k === 'A' ? 'B' : 'A');

let db: Db;
let pg: postgres.Sql;
const tenantOf = {} as Record<TenantKey, Tenant>;
const ids = {} as Record<ActorKey | 'writerB' | 'contactB2' | 'postA' | 'postB', string>;
/** The BETREUER's FINANZEN contract of every fixed read contact (contact id → contract id). */
const readContract: Record<string, string> = {};
/** Per fixed read contact: a Kfz contract with a deadline in the next 90 days (FRISTEN) and its number. */
const deadlineContract: Record<string, string> = {};
const homeOf = (a: ActorKey): TenantKey => (a === 'adminB' || a === 'clientB1' ? 'B' : 'A');
/** Per tenant: the scoped employee's stand-in (BETREUER of the 'own' contacts) and a colleague. */
const betreuer = (k: TenantKey) =>
  k === 'A' ? { own: ids.ownA, colleague: ids.writerA } : { own: ids.adminB, colleague: ids.writerB };

let seq = 0;
const next = () => ++seq;

const rights = (level: 'none' | 'read' | 'write'): EmployeeRights => ({
  insurance: level,
  finance: level,
  other: level,
  emergency: level,
  communication: level,
});

function grantsWith(profile: Partial<Grants['profile']>, more: Partial<Grants> = {}): Grants {
  const g = emptyGrants();
  g.profile = { ...g.profile, ...profile };
  return { ...g, ...more };
}

async function insertGrants(tenantId: string, userId: string, g: Grants): Promise<void> {
  for (const [module, s] of Object.entries(g)) {
    if (!s.activation && !s.dataRelease && !s.readOnly) continue;
    await db.insert(clientGrants).values({ tenantId, userId, module: module as keyof Grants, ...s });
  }
}

async function freshEmployee(k: TenantKey, status: 'invited' | 'active' = 'invited'): Promise<string> {
  const n = next();
  const u = await createAccount(db, {
    tenantId: tenantOf[k].id,
    kind: 'employee',
    role: 'employee',
    email: `ziel${n}@${k.toLowerCase()}.example`,
    firstName: 'Ziel',
    lastName: `Mitarbeiter${n}`,
    birthDate: '1980-02-01',
    status,
    rights: rights('read'),
    scope: 'all',
  });
  return u.id;
}

async function freshContact(
  k: TenantKey,
  advisorId: string | null,
  status: 'none' | 'created' | 'invited' | 'active' = 'none',
): Promise<string> {
  const n = next();
  const u = await createAccount(db, {
    tenantId: tenantOf[k].id,
    kind: 'client',
    email: `kontakt${n}@${k.toLowerCase()}.example`,
    firstName: 'Ziel',
    lastName: `Kontakt${n}`,
    birthDate: '1975-05-05',
    status,
  });
  await db
    .insert(contactProfiles)
    .values({ tenantId: tenantOf[k].id, userId: u.id, city: 'Köln', advisorId, createdBy: advisorId });
  return u.id;
}

/** The signed-in user exactly as the server actions hand it to the domain (validateSession's columns). */
const sessionUser = (id: string): Promise<SessionUser> => sessionUserOf(db, id);

beforeAll(async () => {
  ({ db, sql: pg } = await testDb());
  const passwordHash = 'kein-echter-hash'; // nobody logs in here: the domain functions get the actor directly
  for (const k of ['A', 'B'] as const) {
    const { tenant, admin } = await createTenant(db, {
      slug: `matrix-${k.toLowerCase()}`,
      name: `Matrix ${k} GmbH`,
      admin: {
        email: `admin@${k.toLowerCase()}.example`,
        firstName: 'Ada',
        lastName: `Admin${k}`,
        passwordHash,
        birthDate: '1970-01-01',
      },
    });
    tenantOf[k] = tenant;
    ids[k === 'A' ? 'adminA' : 'adminB'] = admin.id;
  }
  const A = tenantOf.A.id;
  const B = tenantOf.B.id;
  const employee = async (
    key: ActorKey | 'writerB' | 'postA' | 'postB',
    tenantId: string,
    r: EmployeeRights,
    scope: 'all' | 'own',
  ) => {
    const u = await createAccount(db, {
      tenantId,
      kind: 'employee',
      role: 'employee',
      email: `${key.toLowerCase()}@matrix.example`,
      firstName: 'Erika',
      lastName: key,
      birthDate: '1985-03-04',
      passwordHash,
      status: 'active',
      rights: r,
      scope,
    });
    ids[key] = u.id;
  };
  await employee('writerA', A, rights('write'), 'all');
  await employee('partialWriterA', A, { ...noRights, insurance: 'write' }, 'all');
  await employee('readerA', A, { ...rights('read'), protocol: true }, 'all');
  await employee('noRightsA', A, rights('none'), 'all');
  await employee('ownA', A, rights('write'), 'own');
  await employee('writerB', B, rights('write'), 'all');
  // who receives the matrix tickets (active, communication 'write'; not an actor)
  await employee('postA', A, rights('write'), 'all');
  await employee('postB', B, rights('write'), 'all');

  const client = async (key: ActorKey | 'contactB2', k: TenantKey, advisorId: string, g: Grants | null) => {
    const u = await createAccount(db, {
      tenantId: tenantOf[k].id,
      kind: 'client',
      email: `${key.toLowerCase()}@kunde.example`,
      firstName: 'Karl',
      lastName: key,
      birthDate: '1990-03-21',
      passwordHash: g ? passwordHash : null,
      status: g ? 'active' : 'none',
    });
    await db.insert(contactProfiles).values({
      tenantId: tenantOf[k].id,
      userId: u.id,
      city: 'Hamburg',
      phone: '040 123456',
      advisorId,
      createdBy: advisorId,
    });
    if (g) await insertGrants(tenantOf[k].id, u.id, g);
    ids[key] = u.id;
  };
  const s = (activation: boolean, dataRelease: boolean, readOnly: boolean) => ({ activation, dataRelease, readOnly });
  // A1 is looked after by the scoped employee; the other clients by the writer.
  await client(
    'clientA1',
    'A',
    ids.ownA,
    grantsWith(s(true, false, false), {
      insurance: s(false, true, false),
      communication: s(true, false, false),
      finance: s(false, true, false),
    }),
  );
  await client(
    'clientA2',
    'A',
    ids.writerA,
    grantsWith(s(false, false, true), {
      insurance: s(false, false, true),
      finance: s(false, false, true),
      communication: s(false, false, true),
    }),
  );
  await client(
    'clientA3',
    'A',
    ids.writerA,
    grantsWith(s(false, true, false), { finance: s(true, false, false), communication: s(false, true, false) }),
  );
  await client(
    'clientA4',
    'A',
    ids.writerA,
    grantsWith(s(false, true, true), { finance: s(false, true, true), communication: s(false, true, true) }),
  );
  await client(
    'clientA5',
    'A',
    ids.writerA,
    grantsWith(s(true, false, true), { finance: s(true, false, true), communication: s(true, false, true) }),
  );
  await client('clientA6', 'A', ids.writerA, emptyGrants());
  await client(
    'clientB1',
    'B',
    ids.adminB,
    grantsWith(s(false, true, false), { finance: s(false, true, false), communication: s(false, true, false) }),
  );
  await client('contactB2', 'B', ids.writerB, null);
  for (const key of [
    'clientA1',
    'clientA2',
    'clientA3',
    'clientA4',
    'clientA5',
    'clientA6',
    'clientB1',
    'contactB2',
  ] as const) {
    readContract[ids[key]] = await advisorContract(key.endsWith('B1') || key.endsWith('B2') ? 'B' : 'A', ids[key]);
    deadlineContract[ids[key]] = await kfzContract(key.endsWith('B1') || key.endsWith('B2') ? 'B' : 'A', ids[key]);
  }
});

/* ------------------------------------------------------------------ fingerprints */

type Print = Record<string, string>;

/** Everything an operation could change, per tenant (row text of every row, hashed). */
async function fingerprint(): Promise<Record<TenantKey, Print>> {
  const rows = await pg<
    Record<
      | 'slug'
      | 'users'
      | 'profiles'
      | 'grants'
      | 'tokens'
      | 'outbox'
      | 'audit'
      | 'sessions'
      | 'providers'
      | 'contracts'
      | 'documents'
      | 'files'
      | 'uploads'
      | 'tickets'
      | 'messages'
      | 'ticketFiles'
      | 'events'
      | 'reads'
      | 'followUps'
      | 'optins',
      string
    >[]
  >`
    SELECT t.slug,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM users x WHERE x.tenant_id = t.id), '')) AS users,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.user_id) FROM contact_profiles x WHERE x.tenant_id = t.id), '')) AS profiles,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.user_id, x.module) FROM client_grants x WHERE x.tenant_id = t.id), '')) AS grants,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.token_hash) FROM account_tokens x WHERE x.tenant_id = t.id), '')) AS tokens,
      (SELECT count(*)::text FROM outbox x WHERE x.tenant_id = t.id) AS outbox,
      (SELECT count(*)::text FROM audit_log x WHERE x.tenant_id = t.id) AS audit,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id_hash) FROM sessions x WHERE x.tenant_id = t.id), '')) AS sessions,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM providers x WHERE x.tenant_id = t.id), '')) AS providers,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM contracts x WHERE x.tenant_id = t.id), '')) AS contracts,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM documents x WHERE x.tenant_id = t.id), '')) AS documents,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM document_files x WHERE x.tenant_id = t.id), '')) AS files,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM uploads x WHERE x.tenant_id = t.id), '')) AS uploads,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM tickets x WHERE x.tenant_id = t.id), '')) AS tickets,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM ticket_messages x WHERE x.tenant_id = t.id), '')) AS messages,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM ticket_files x WHERE x.tenant_id = t.id), '')) AS "ticketFiles",
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM ticket_events x WHERE x.tenant_id = t.id), '')) AS events,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.ticket_id, x.user_id) FROM ticket_reads x WHERE x.tenant_id = t.id), '')) AS reads,
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM follow_ups x WHERE x.tenant_id = t.id), '')) AS "followUps",
      md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x.contract_id, x.user_id) FROM contract_reminder_optins x WHERE x.tenant_id = t.id), '')) AS optins
    FROM tenants t WHERE t.slug IN ('matrix-a', 'matrix-b')`;
  const byKey = (slug: string) => {
    const { slug: _s, ...rest } = rows.find((r) => r.slug === slug)!;
    return rest as Print;
  };
  return { A: byKey('matrix-a'), B: byKey('matrix-b') };
}

/* ------------------------------------------------------------------ operations */

interface Prepared {
  /** Runs the domain function as the crafted request would. */
  call: () => Promise<unknown>;
  /** Reads: whether the result contains the target. */
  found?: (result: unknown) => boolean;
  /** Mutations: the audit action expected for an allowed call, and its target (or: from the result). Without it, verify must check the write. */
  audit?: { action: string; targetId?: string };
  /** Extra checks after an allowed call. */
  verify?: (result: unknown) => Promise<void>;
  /** Refusal codes accepted besides 'forbidden' / 'not_found'. */
  alsoRefusedAs?: string[];
}

interface Ctx {
  actor: SessionUser;
  actorKey: ActorKey;
  home: TenantKey;
  away: TenantKey;
  owner: Owner;
  isClient: boolean;
}

const employeeInput = (over: Record<string, string>) =>
  employeeSchema.parse({
    firstName: 'Neu',
    lastName: `Mitarbeiter${next()}`,
    birthDate: '01.02.1980',
    email: `neu${next()}@matrix.example`,
    employeeType: 'mitarbeiter',
    role: 'employee',
    scope: 'all',
    right_insurance: 'write',
    ...over,
  });

const allWriteFields = {
  right_insurance: 'write',
  right_finance: 'write',
  right_other: 'write',
  right_emergency: 'write',
  right_communication: 'write',
};

const contactInput = (over: Record<string, string> = {}) =>
  contactSchema.parse({
    firstName: 'Neu',
    lastName: `Kontakt${next()}`,
    birthDate: '01.02.1980',
    email: `neukontakt${next()}@matrix.example`,
    city: 'Bonn',
    ...over,
  });

/** The contact a contact operation targets, created fresh in the state the operation needs. */
async function contactTarget(c: Ctx, status: 'none' | 'created' | 'active'): Promise<string> {
  if (c.owner === 'own' && c.isClient) return c.actor.id; // a client "editing" their own contact record
  if (c.owner === 'own') return freshContact(c.home, betreuer(c.home).own, status);
  if (c.owner === 'same') return freshContact(c.home, betreuer(c.home).colleague, status);
  return freshContact(c.away, betreuer(c.away).own, status);
}

/** The fixed contacts for the reads: A1 (BETREUER ownA), A2 (BETREUER writerA), B1, B2. */
function readTarget(c: Ctx): string {
  if (c.owner === 'own') return c.isClient ? c.actor.id : c.home === 'A' ? ids.clientA1 : ids.clientB1;
  if (c.owner === 'same') {
    if (c.home === 'B') return ids.contactB2;
    return c.actorKey === 'clientA2' ? ids.clientA1 : ids.clientA2;
  }
  return c.home === 'A' ? ids.clientB1 : ids.clientA1;
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');

const contractInput = (over: Record<string, string> = {}) =>
  contractSchema.parse({
    area: 'finance',
    status: 'aktiv',
    product: 'Bausparvertrag',
    provider: 'Matrix Bausparkasse AG',
    number: `M-${next()}`,
    frequency: 'monatlich',
    premium: `${next()},00`,
    ...over,
  });

/** A FINANZEN contract the BETREUER entered (written directly: the matrix tests the operation, not the setup). */
async function advisorContract(k: TenantKey, contactId: string): Promise<string> {
  const [row] = await db
    .insert(contracts)
    .values({
      tenantId: tenantOf[k].id,
      contactId,
      area: 'finance',
      status: 'aktiv',
      product: 'Bausparvertrag',
      provider: 'Matrix Bausparkasse AG',
      number: `B-${next()}`,
      frequency: 'monatlich',
      premiumCents: 2500,
    })
    .returning({ id: contracts.id });
  return row!.id;
}

/** A Kfz contract whose deadline (one month before the Hauptfälligkeit in 50 days) is in the next 90 days. */
async function kfzContract(k: TenantKey, contactId: string): Promise<string> {
  const number = `KFZ-MATRIX-${next()}`;
  await db.insert(contracts).values({
    tenantId: tenantOf[k].id,
    contactId,
    area: 'insurance',
    status: 'aktiv',
    product: 'Kfz-Versicherung',
    provider: 'Matrix Versicherung AG',
    number,
    mainDueDate: toIso(addDays(todayInGermany(), 50)),
  });
  return number;
}

const forbiddenAsNull = (e: unknown) => {
  if (e instanceof DomainError && (e.code === 'forbidden' || e.code === 'not_found')) return null;
  throw e;
};

/** The tenant the target contact of a contact operation lives in. */
const targetTenant = (c: Ctx): TenantKey => (c.owner === 'other' ? c.away : c.home);

/** A PDF the user has already POSTed to S3 (the uploads row and the object, as after step 1 and the browser). */
async function storedUpload(k: TenantKey, userId: string): Promise<string> {
  const key = objectKey(tenantOf[k].id, 'uploads');
  await putObject({ tenantId: tenantOf[k].id, key, body: pdf, contentType: 'application/pdf' });
  const [row] = await db
    .insert(uploads)
    .values({
      tenantId: tenantOf[k].id,
      userId,
      objectKey: key,
      filename: 'matrix.pdf',
      declaredType: 'application/pdf',
      declaredSize: pdf.length,
      maxBytes: 20 * 1024 * 1024,
    })
    .returning({ id: uploads.id });
  return row!.id;
}

/** A FINANZEN document the BETREUER added, with its stored file. */
async function advisorDocument(k: TenantKey, contactId: string): Promise<{ id: string; key: string }> {
  const tenantId = tenantOf[k].id;
  const [doc] = await db
    .insert(documents)
    .values({ tenantId, contactId, area: 'finance', title: `Kontoauszug ${next()}`, type: 'Korrespondenz' })
    .returning({ id: documents.id });
  const key = objectKey(tenantId, 'documents');
  await putObject({ tenantId, key, body: pdf, contentType: 'application/pdf' });
  await db.insert(documentFiles).values({
    tenantId,
    documentId: doc!.id,
    objectKey: key,
    filename: 'kontoauszug.pdf',
    mime: 'application/pdf',
    size: pdf.length,
  });
  return { id: doc!.id, key };
}

/** H's employee who receives the matrix tickets, and the one a forward goes to. */
const post = (k: TenantKey) => (k === 'A' ? ids.postA : ids.postB);
const forwardTarget = (k: TenantKey) => (k === 'A' ? ids.writerA : ids.writerB);

/** An open ticket the contact wrote to the tenant's "post" employee (written directly, like a fresh NEUE NACHRICHT). */
async function clientTicket(k: TenantKey, contactId: string): Promise<string> {
  const tenantId = tenantOf[k].id;
  const assigneeId = post(k);
  const [t] = await db
    .insert(tickets)
    .values({
      tenantId,
      contactId,
      assigneeId,
      subject: `Matrix-Anfrage ${next()}`,
      createdBy: contactId,
      idempotencyKey: `matrix-${next()}`,
      lastEntryBy: contactId,
      lastPublicBy: contactId,
    })
    .returning({ id: tickets.id });
  await db
    .insert(ticketMessages)
    .values({ tenantId, ticketId: t!.id, authorId: contactId, authorKind: 'client', body: 'Bitte um Rückruf.' });
  await db.insert(ticketEvents).values({
    tenantId,
    ticketId: t!.id,
    type: 'created',
    actorId: contactId,
    actorKind: 'client',
    meta: { toId: assigneeId },
  });
  return t!.id;
}

/** The mails queued for a ticket (its id is in the link). */
async function ticketMails(ticketId: string) {
  return db
    .select({ template: outbox.template, to: outbox.toAddress, tenantId: outbox.tenantId })
    .from(outbox)
    .where(dsql`${outbox.text} like ${`%${ticketId}%`}`);
}

async function emailOf(userId: string): Promise<string> {
  const [u] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return u!.email;
}

/** The folder reads answer "not found" with a DomainError; the matrix reads that as "not in the answer". */
const forbiddenOnlyAsNull = (e: unknown) => {
  if (e instanceof DomainError && e.code === 'forbidden') return null;
  throw e;
};

const notFoundAsNull = (e: unknown) => {
  if (e instanceof DomainError && e.code === 'not_found') return null;
  throw e;
};

const stillVisibleToCreator = (c: Ctx) => async (result: unknown) => {
  const id = (result as { id: string }).id;
  const seen = await getContact(await ctxFor(db, tenantOf[c.home].id, c.actor), id);
  expect(seen, 'the creator still sees the new contact').not.toBeNull();
  const [p] = await db
    .select({ advisorId: contactProfiles.advisorId, tenantId: contactProfiles.tenantId })
    .from(contactProfiles)
    .where(eq(contactProfiles.userId, id));
  expect(p!.tenantId).toBe(tenantOf[c.home].id);
  if (c.actor.scope === 'own' && c.actor.role !== 'admin')
    expect(p!.advisorId, 'a scoped employee becomes the BETREUER').toBe(c.actor.id);
};

const prepare: Record<Op, (c: Ctx) => Promise<Prepared>> = {
  async createEmployee(c) {
    return {
      call: async () =>
        createEmployee(
          await ctxFor(db, tenantOf[c.home].id, c.actor),
          employeeInput({ role: 'admin', ...allWriteFields }),
        ),
      audit: { action: 'user.created' },
    };
  },
  async updateEmployee(c) {
    if (c.owner === 'own') {
      // Admins save their own data unchanged; everybody else tries to make themselves admin with all rights.
      const me = c.actor;
      const input = employeeInput({
        firstName: me.firstName,
        lastName: me.lastName,
        email: me.email,
        role: 'admin',
        ...allWriteFields,
      });
      return {
        call: async () => updateEmployee(await ctxFor(db, tenantOf[c.home].id, c.actor), { ...input, id: me.id }),
        audit: { action: 'user.updated', targetId: me.id },
      };
    }
    const target = await freshEmployee(c.owner === 'same' ? c.home : c.away);
    const input = employeeInput({ role: 'admin', ...allWriteFields });
    return {
      call: async () => updateEmployee(await ctxFor(db, tenantOf[c.home].id, c.actor), { ...input, id: target }),
      audit: { action: 'user.updated', targetId: target },
    };
  },
  async setEmployeeLocked(c) {
    const target = c.owner === 'own' ? c.actor.id : await freshEmployee(c.owner === 'same' ? c.home : c.away, 'active');
    return {
      call: async () => setEmployeeLocked(await ctxFor(db, tenantOf[c.home].id, c.actor), { id: target, locked: true }),
      audit: { action: 'user.locked', targetId: target },
    };
  },
  async resendInvitation(c) {
    const target =
      c.owner === 'own' ? c.actor.id : await freshEmployee(c.owner === 'same' ? c.home : c.away, 'invited');
    return {
      call: async () => resendInvitation(await ctxFor(db, tenantOf[c.home].id, c.actor), { id: target }),
      audit: { action: 'user.invitation.resent', targetId: target },
    };
  },
  async createContact(c) {
    const advisorId = c.owner === 'own' ? '' : c.owner === 'same' ? betreuer(c.home).colleague : betreuer(c.away).own;
    return {
      call: async () => createContact(await ctxFor(db, tenantOf[c.home].id, c.actor), contactInput({ advisorId })),
      audit: { action: 'contact.created' },
      verify: stillVisibleToCreator(c),
      // A foreign BETREUER is refused like any unknown one ("Bitte wählen Sie einen Betreuer aus der Liste.").
      alsoRefusedAs: c.owner === 'other' ? ['invalid'] : [],
    };
  },
  async updateContact(c) {
    const target = await contactTarget(c, 'none');
    // The form hands the contact to a colleague; a scoped employee keeps it (and must still see it).
    const input = contactInput({ advisorId: betreuer(c.home).colleague, city: `Ort ${next()}` });
    return {
      call: async () => updateContact(await ctxFor(db, tenantOf[c.home].id, c.actor), { ...input, id: target }),
      audit: { action: 'contact.updated', targetId: target },
      verify: async () =>
        expect(
          await getContact(await ctxFor(db, tenantOf[c.home].id, c.actor), target),
          'the editor still sees the contact',
        ).not.toBeNull(),
    };
  },
  async createContactAccount(c) {
    const target = await contactTarget(c, 'none');
    return {
      call: async () => createContactAccount(await ctxFor(db, tenantOf[c.home].id, c.actor), { id: target }),
      audit: { action: 'contact.account.created', targetId: target },
    };
  },
  async sendRegistrationMail(c) {
    const target = await contactTarget(c, 'created');
    return {
      call: async () => sendRegistrationMail(await ctxFor(db, tenantOf[c.home].id, c.actor), { id: target }),
      audit: { action: 'contact.registration.sent', targetId: target },
    };
  },
  async saveGrants(c) {
    const target = await contactTarget(c, 'created');
    const all = emptyGrants();
    for (const m of Object.keys(all) as (keyof Grants)[])
      all[m] = { activation: true, dataRelease: true, readOnly: false };
    return {
      call: async () => saveGrants(await ctxFor(db, tenantOf[c.home].id, c.actor), { contactId: target, grants: all }),
      audit: { action: 'grants.changed', targetId: target },
    };
  },
  async getContact(c) {
    const target = readTarget(c);
    return {
      call: async () => getContact(await ctxFor(db, tenantOf[c.home].id, c.actor), target),
      found: (r) => (r as { id?: string } | null)?.id === target,
    };
  },
  async listContacts(c) {
    const target = readTarget(c);
    const [t] = await db.select({ email: users.email }).from(users).where(eq(users.id, target));
    return {
      // Searching for the target's e-mail keeps the answer to one page, whatever else the tenant holds.
      call: async () => listContacts(await ctxFor(db, tenantOf[c.home].id, c.actor), { q: t!.email }),
      found: (r) => (r as Awaited<ReturnType<typeof listContacts>>).items.some((i) => i.id === target),
    };
  },
  async updateOwnProfile(c) {
    const tenant = c.owner === 'own' ? tenantOf[c.home] : tenantOf[c.away];
    const input = { phone: '0221 555555', mobile: null, street: 'Hauptstraße 1', zip: '50667', city: `Ort ${next()}` };
    return {
      call: async () => updateOwnProfile(await ctxFor(db, tenant.id, c.actor), input),
      audit: { action: 'contact.profile.changed_by_client', targetId: c.actor.id },
    };
  },
  async createContract(c) {
    const contactId = await contactTarget(c, 'none');
    return {
      call: async () =>
        createContract(await ctxFor(db, tenantOf[c.home].id, c.actor), { ...contractInput(), contactId }),
      audit: { action: 'contract.created', targetId: contactId },
      verify: async (result) => {
        const [row] = await db
          .select()
          .from(contracts)
          .where(eq(contracts.id, (result as { id: string }).id));
        expect(row).toMatchObject({
          tenantId: tenantOf[c.home].id,
          contactId,
          area: 'finance',
          createdBy: c.actor.id,
          createdByClient: c.isClient,
        });
      },
    };
  },
  async updateContract(c) {
    const contactId = await contactTarget(c, 'none');
    const target = await advisorContract(targetTenant(c), contactId);
    const input = contractInput({ note: `Geändert ${next()}` });
    return {
      call: async () => updateContract(await ctxFor(db, tenantOf[c.home].id, c.actor), { ...input, id: target }),
      audit: { action: 'contract.updated', targetId: contactId },
      verify: async () => {
        const [row] = await db.select().from(contracts).where(eq(contracts.id, target));
        expect(row).toMatchObject({
          note: input.note,
          premiumCents: input.premiumCents,
          updatedBy: c.actor.id,
          createdByClient: false,
        });
      },
    };
  },
  async deleteContract(c) {
    const contactId = await contactTarget(c, 'none');
    const target = await advisorContract(targetTenant(c), contactId);
    return {
      call: async () => deleteContract(await ctxFor(db, tenantOf[c.home].id, c.actor), { id: target }),
      audit: { action: 'contract.deleted', targetId: contactId },
      verify: async () => expect(await db.select().from(contracts).where(eq(contracts.id, target))).toEqual([]),
    };
  },
  async listArea(c) {
    const contactId = readTarget(c);
    const target = readContract[contactId]!;
    return {
      call: async () =>
        listArea(await ctxFor(db, tenantOf[c.home].id, c.actor), { contactId, area: 'finance' }).catch(notFoundAsNull),
      found: (r) => (r as Awaited<ReturnType<typeof listArea>> | null)?.items.some((i) => i.id === target) ?? false,
    };
  },
  async getContract(c) {
    const target = readContract[readTarget(c)]!;
    return {
      call: async () =>
        getContract(await ctxFor(db, tenantOf[c.home].id, c.actor), { id: target }).catch(notFoundAsNull),
      found: (r) => (r as Awaited<ReturnType<typeof getContract>> | null)?.contract.id === target,
    };
  },
  async startUpload(c) {
    const contactId = await contactTarget(c, 'none');
    return {
      call: async () =>
        presignDocumentUpload(await ctxFor(db, tenantOf[c.home].id, c.actor), {
          contactId,
          area: 'finance',
          contractId: null,
          filename: 'Kontoauszug.pdf',
          contentType: 'application/pdf',
          size: 1234,
        }),
      // writes no audit row: the pending upload belongs to the actor, in the home tenant, under its uploads/ prefix
      verify: async (result) => {
        const post = result as { id: string; url: string; fields: Record<string, string> };
        const [row] = await db.select().from(uploads).where(eq(uploads.id, post.id));
        expect(row).toMatchObject({
          tenantId: tenantOf[c.home].id,
          userId: c.actor.id,
          declaredType: 'application/pdf',
          declaredSize: 1234,
        });
        expect(row!.objectKey.startsWith(`tenants/${tenantOf[c.home].id}/uploads/`)).toBe(true);
        expect(post.fields.key).toBe(row!.objectKey);
      },
    };
  },
  async createDocument(c) {
    const contactId = await contactTarget(c, 'none');
    const contractId = await advisorContract(targetTenant(c), contactId);
    const uploadId = await storedUpload(c.home, c.actor.id);
    const input = documentSchema.parse({
      contactId,
      contractId,
      area: 'finance',
      title: `Nachtrag ${next()}`,
      type: 'Nachtrag',
      uploads: uploadId,
    });
    return {
      call: async () => createDocument(await ctxFor(db, tenantOf[c.home].id, c.actor), input),
      audit: { action: 'document.added', targetId: contactId },
      verify: async (result) => {
        const [doc] = await db
          .select()
          .from(documents)
          .where(eq(documents.id, (result as { id: string }).id));
        expect(doc).toMatchObject({ contactId, contractId, area: 'finance', createdByClient: c.isClient });
        expect(await db.select().from(uploads).where(eq(uploads.id, uploadId)), 'the upload is used up').toEqual([]);
      },
    };
  },
  async deleteDocument(c) {
    const contactId = await contactTarget(c, 'none');
    const target = await advisorDocument(targetTenant(c), contactId);
    return {
      call: async () => deleteDocument(await ctxFor(db, tenantOf[c.home].id, c.actor), { id: target.id }),
      audit: { action: 'document.deleted', targetId: contactId },
      verify: async () => {
        expect(await db.select().from(documents).where(eq(documents.id, target.id))).toEqual([]);
        await expect(
          getObjectBytes(tenantOf[targetTenant(c)].id, target.key),
          'the stored file is gone',
        ).rejects.toThrow();
      },
    };
  },
  async addProvider(c) {
    const name = `Matrix Anbieter ${next()}`;
    return {
      call: async () => addProvider(await ctxFor(db, tenantOf[c.home].id, c.actor), { kind: 'other', name }),
      audit: { action: 'provider.added' },
      verify: async () => {
        const names = async (k: TenantKey) =>
          (
            await providerNames(await ctxFor(db, tenantOf[k].id, ids[k === 'A' ? 'adminA' : 'adminB']!), {
              kind: 'other',
            })
          ).map((p) => p.name);
        expect(await names(c.home)).toContain(name);
        expect(await names(c.away)).not.toContain(name);
      },
    };
  },
  async createTicket(c) {
    let assigneeId: string;
    if (c.owner === 'own') {
      const [p] = await db
        .select({ advisorId: contactProfiles.advisorId })
        .from(contactProfiles)
        .where(eq(contactProfiles.userId, c.actor.id));
      assigneeId = p?.advisorId ?? betreuer(c.home).colleague; // employees have no BETREUER: any colleague
    } else assigneeId = post(c.owner === 'same' ? c.home : c.away);
    const input = newTicketSchema.parse({
      assigneeId,
      subject: `Matrix-Frage ${next()}`,
      message: 'Bitte um Rückruf.',
      idempotencyKey: randomUUID(),
    });
    return {
      call: async () => createTicket(await ctxFor(db, tenantOf[c.home], c.actor), input),
      audit: { action: 'ticket.created', targetId: c.actor.id },
      alsoRefusedAs: c.owner === 'other' ? ['invalid'] : [],
      verify: async (result) => {
        const id = (result as { id: string; created: boolean }).id;
        expect((result as { created: boolean }).created).toBe(true);
        const [t] = await db.select().from(tickets).where(eq(tickets.id, id));
        expect(t).toMatchObject({
          tenantId: tenantOf[c.home].id,
          contactId: c.actor.id,
          assigneeId,
          createdBy: c.actor.id,
          status: 'open',
        });
        expect(
          await db.select({ id: ticketMessages.id }).from(ticketMessages).where(eq(ticketMessages.ticketId, id)),
        ).toHaveLength(1);
        expect(await ticketMails(id)).toEqual([
          { template: 'ticket.created', to: await emailOf(assigneeId), tenantId: tenantOf[c.home].id },
        ]);
      },
    };
  },
  async replyToTicket(c) {
    const contactId = await contactTarget(c, 'active');
    const target = await clientTicket(targetTenant(c), contactId);
    const body = `Matrix-Antwort ${next()}`;
    const input = replySchema.parse({ ticketId: target, message: body, idempotencyKey: randomUUID() });
    return {
      call: async () => replyToTicket(await ctxFor(db, tenantOf[c.home], c.actor), input),
      verify: async () => {
        const msgs = await db
          .select()
          .from(ticketMessages)
          .where(and(eq(ticketMessages.ticketId, target), eq(ticketMessages.body, body)));
        expect(msgs.map((m) => [m.authorId, m.authorKind])).toEqual([[c.actor.id, c.actor.kind]]);
        const events = await db
          .select()
          .from(ticketEvents)
          .where(eq(ticketEvents.ticketId, target))
          .orderBy(asc(ticketEvents.id));
        expect(events.map((e) => e.type)).toEqual(['created', 'replied']);
        const [t] = await db.select().from(tickets).where(eq(tickets.id, target));
        expect(t).toMatchObject({ lastEntryBy: c.actor.id, lastPublicBy: c.actor.id, status: 'open' });
        // a client's reply goes to the assignee; an employee's to the client – but only while the client may
        // read KOMMUNIKATION (the matrix's target contacts have no switches, so no mail then)
        const clientReads = rightsOf(await loadGrants(db, tenantOf[c.home].id, contactId), 'communication').visible;
        const mail = c.isClient
          ? [{ template: 'ticket.replied', to: await emailOf(post(c.home)) }]
          : clientReads
            ? [{ template: 'ticket.client', to: await emailOf(contactId) }]
            : [];
        expect(await ticketMails(target)).toEqual(mail.map((m) => ({ ...m, tenantId: tenantOf[c.home].id })));
      },
    };
  },
  async forwardTicket(c) {
    const k = targetTenant(c);
    const contactId = await contactTarget(c, 'none');
    const target = await clientTicket(k, contactId);
    const toId = forwardTarget(k);
    const input = forwardSchema.parse({ ticketId: target, toId, note: 'Matrix-Notiz' });
    return {
      call: async () => forwardTicket(await ctxFor(db, tenantOf[c.home], c.actor), input),
      audit: { action: 'ticket.forwarded', targetId: target },
      verify: async () => {
        const [t] = await db.select().from(tickets).where(eq(tickets.id, target));
        expect(t).toMatchObject({ assigneeId: toId, lastEntryBy: c.actor.id, status: 'open' });
        const [e] = await db
          .select()
          .from(ticketEvents)
          .where(and(eq(ticketEvents.ticketId, target), eq(ticketEvents.type, 'forwarded')));
        expect(e).toMatchObject({ actorId: c.actor.id, meta: { fromId: post(k), toId, internalNote: 'Matrix-Notiz' } });
        expect(await ticketMails(target)).toEqual([
          { template: 'ticket.forwarded', to: await emailOf(toId), tenantId: tenantOf[c.home].id },
        ]);
      },
    };
  },
  async closeTicket(c) {
    const contactId = await contactTarget(c, 'none');
    const target = await clientTicket(targetTenant(c), contactId);
    return {
      call: async () => closeTicket(await ctxFor(db, tenantOf[c.home], c.actor), { ticketId: target }),
      audit: { action: 'ticket.closed', targetId: target },
      verify: async () => {
        const [t] = await db.select().from(tickets).where(eq(tickets.id, target));
        expect(t!.status).toBe('closed');
        expect(t!.closedAt).toBeInstanceOf(Date);
        expect(await ticketMails(target), 'closing sends no mail').toEqual([]);
      },
    };
  },
  async openTicket(c) {
    const contactId = await contactTarget(c, 'none');
    const target = await clientTicket(targetTenant(c), contactId);
    return {
      call: async () => openTicket(await ctxFor(db, tenantOf[c.home].id, c.actor), { ticketId: target }),
      // writes the viewer's read marker (no audit row)
      verify: async (result) => {
        const view = result as Awaited<ReturnType<typeof openTicket>>;
        expect(view.ticket.id).toBe(target);
        expect(view.messages.map((m) => m.body)).toEqual(['Bitte um Rückruf.']);
        const reads = await db
          .select({ userId: ticketReads.userId })
          .from(ticketReads)
          .where(eq(ticketReads.ticketId, target));
        expect(reads).toEqual([{ userId: c.actor.id }]);
      },
    };
  },
  async listTickets(c) {
    const contactId = await contactTarget(c, 'none');
    const target = await clientTicket(targetTenant(c), contactId);
    return {
      call: async () =>
        listTickets(await ctxFor(db, tenantOf[c.home].id, c.actor), { status: 'open', scope: 'all', contactId }),
      found: (r) => (r as Awaited<ReturnType<typeof listTickets>>).items.some((i) => i.id === target),
    };
  },
  async deleteContact(c) {
    const target = await contactTarget(c, 'active');
    const [u] = await db
      .select({ first: users.firstName, last: users.lastName })
      .from(users)
      .where(eq(users.id, target));
    return {
      call: async () =>
        deleteContact(await ctxFor(db, tenantOf[c.home].id, c.actor), {
          contactId: target,
          confirmName: `${u!.first} ${u!.last}`,
        }),
      audit: { action: 'contact.deleted', targetId: pseudonymFor(target) },
      verify: async () =>
        expect(
          await db.select({ id: users.id }).from(users).where(eq(users.id, target)),
          'the contact is gone',
        ).toEqual([]),
    };
  },
  async setArchived(c) {
    const target = await contactTarget(c, 'active');
    return {
      call: async () =>
        setArchived(await ctxFor(db, tenantOf[c.home].id, c.actor), { contactId: target, archived: true }),
      audit: { action: 'contact.archived', targetId: target },
    };
  },
  async listDeadlines(c) {
    const number = deadlineContract[readTarget(c)]!;
    return {
      call: async () =>
        listDeadlines(await ctxFor(db, tenantOf[c.home].id, c.actor), { window: '90', limit: 500 }).catch(
          forbiddenAsNull,
        ),
      found: (r) =>
        (r as Awaited<ReturnType<typeof listDeadlines>> | null)?.items.some((i) => i.number === number) ?? false,
    };
  },
  async exportDeadlines(c) {
    const number = deadlineContract[readTarget(c)]!;
    return {
      call: async () => {
        const res = await exportDeadlinesCsv(await ctxFor(db, tenantOf[c.home].id, c.actor), { window: '90' });
        return { status: res.status, text: await res.text() };
      },
      found: (r) => {
        const { status, text } = r as { status: number; text: string };
        return status === 200 && text.includes(number);
      },
    };
  },
  async portfolioCsv(c) {
    const contactId = readTarget(c);
    const provider = `Matrix Bestand ${next()} AG`;
    await db.insert(contracts).values({
      tenantId: tenantOf[targetTenant(c)].id,
      contactId,
      area: 'finance',
      status: 'aktiv',
      product: 'Bausparvertrag',
      provider,
      frequency: 'jährlich',
      premiumCents: 1200,
    });
    return {
      call: async () =>
        portfolioCsv(await ctxFor(db, tenantOf[c.home].id, c.actor), { table: 'providers' }).catch(forbiddenOnlyAsNull),
      found: (r) =>
        ((r as Awaited<ReturnType<typeof portfolioCsv>> | null)?.body ?? '')
          .split('\r\n')
          .some((l) => l.startsWith(`${provider};`)),
    };
  },
  async exportContact(c) {
    const target = await contactTarget(c, 'none');
    return {
      // The whole ZIP is read, as the browser does (the export is audited when it starts).
      call: async () => {
        const { stream } = await exportContact(await ctxFor(db, tenantOf[c.home].id, c.actor), { contactId: target });
        return new Response(stream).arrayBuffer();
      },
      audit: { action: 'contact.exported', targetId: target },
    };
  },
  async removeProvider(c) {
    const k = targetTenant(c);
    const [p] = await db
      .insert(providers)
      .values({ tenantId: tenantOf[k].id, kind: 'other', name: `Matrix Eigen ${next()}` })
      .returning({ id: providers.id });
    return {
      call: async () => removeProvider(await ctxFor(db, tenantOf[c.home].id, c.actor), { id: p!.id }),
      audit: { action: 'provider.removed', targetId: p!.id },
      verify: async () => expect(await db.select().from(providers).where(eq(providers.id, p!.id))).toEqual([]),
    };
  },
  async createFollowUp(c) {
    const target = await contactTarget(c, 'none');
    const input = { contactId: target, contractId: null, assigneeId: c.actor.id, dueOn: '2030-01-15', note: 'Matrix' };
    return {
      call: async () => createFollowUp(await ctxFor(db, tenantOf[c.home].id, c.actor), input),
      audit: { action: 'followUp.created', targetId: target },
    };
  },
  async setContractReminder(c) {
    const contractId = await advisorContract(targetTenant(c), await contactTarget(c, 'none'));
    return {
      call: async () => setContractReminder(await ctxFor(db, tenantOf[c.home].id, c.actor), { contractId, on: true }),
      audit: { action: 'contract.reminder.on', targetId: contractId },
    };
  },
  async listProtocol(c) {
    const contactId = readTarget(c);
    const [row] = await db
      .insert(auditLog)
      .values({
        tenantId: tenantOf[targetTenant(c)].id,
        actorType: 'system',
        action: 'matrix.probe',
        targetType: 'contact',
        targetId: contactId,
      })
      .returning({ id: auditLog.id });
    return {
      call: async () =>
        listProtocol(await ctxFor(db, tenantOf[c.home].id, c.actor), { contact: contactId }).catch(forbiddenAsNull),
      found: (r) =>
        (r as Awaited<ReturnType<typeof listProtocol>> | null)?.items.some((i) => i.id === row!.id) ?? false,
    };
  },
};

/* ------------------------------------------------------------------ the run */

let ran = 0;
let passed = 0;

async function maxAuditId(): Promise<number> {
  const [r] = await db.select({ n: dsql<number>`coalesce(max(${auditLog.id}), 0)::bigint` }).from(auditLog);
  return Number(r!.n);
}

async function runCell(cell: Cell): Promise<void> {
  ran++;
  const home = homeOf(cell.actor);
  const actor = await sessionUser(ids[cell.actor]);
  const ctx: Ctx = {
    actor,
    actorKey: cell.actor,
    home,
    away: otherOf(home),
    owner: cell.owner,
    isClient: actor.kind === 'client',
  };
  const p = await prepare[cell.op](ctx);
  const auditFrom = await maxAuditId();
  const before = await fingerprint();
  let result: unknown;
  let error: unknown;
  try {
    result = await p.call();
  } catch (e) {
    error = e;
  }
  const after = await fingerprint();
  const isRead = p.found !== undefined;

  // Whatever the answer: the other tenant never changes.
  expect(after[ctx.away], `nothing changed in tenant ${ctx.away}`).toEqual(before[ctx.away]);

  if (cell.expected === 'allow') {
    expect(error, `expected ${cell.op} to be allowed, got ${String(error)}`).toBeUndefined();
    if (isRead) {
      expect(p.found!(result), 'the target is in the answer').toBe(true);
      expect(after).toEqual(before);
    } else {
      expect(after[home], `tenant ${home} changed`).not.toEqual(before[home]);
      expect(p.audit ?? p.verify, 'an allowed mutation is checked by its audit row or by verify').toBeDefined();
      if (p.audit) {
        const targetId = p.audit.targetId ?? (result as { id: string }).id;
        const rows = await db
          .select({ id: auditLog.id })
          .from(auditLog)
          .where(
            and(
              gt(auditLog.id, auditFrom),
              eq(auditLog.tenantId, tenantOf[home].id),
              eq(auditLog.action, p.audit.action),
              eq(auditLog.targetId, targetId),
              eq(auditLog.actorId, actor.id),
            ),
          );
        expect(rows.length, `audit '${p.audit.action}' for the target`).toBeGreaterThan(0);
      }
    }
    await p.verify?.(result);
  } else {
    if (isRead) {
      expect(error, `a refused read answers empty, it does not throw: ${String(error)}`).toBeUndefined();
      expect(p.found!(result), 'the target is NOT in the answer').toBe(false);
    } else {
      expect(error, `expected ${cell.op} to be refused, but it succeeded`).toBeInstanceOf(DomainError);
      expect(
        ['forbidden', 'not_found', ...(p.alsoRefusedAs ?? [])],
        `refusal code (message: ${(error as Error).message})`,
      ).toContain((error as DomainError).code);
    }
    expect(after, 'nothing changed at all').toEqual(before);
  }
  passed++;
}

describe('authorization matrix', () => {
  for (const op of ops) {
    describe(op, () => {
      for (const cell of cells.filter((c) => c.op === op)) {
        it(`${cell.actor} × ${cell.owner} → ${cell.expected}`, () => runCell(cell));
      }
    });
  }

  it('ran every cell of the table', () => {
    const allow = cells.filter((c) => c.expected === 'allow').length;
    console.log(
      `authorization matrix: ${ran} cases run (${allow} allow, ${cells.length - allow} deny), ${passed} passed, ${ran - passed} failed`,
    );
    expect(cells.length).toBeGreaterThan(1120);
    expect(ran).toBe(cells.length);
  });
});

describe('WIEDERVORLAGEN: the assignee must be an employee of this tenant who may see the contact', () => {
  const create = async (actor: string, contactId: string, assigneeId: string) =>
    createFollowUp(await ctxFor(db, tenantOf.A.id, actor), {
      contactId,
      contractId: null,
      assigneeId,
      dueOn: '2030-02-01',
      note: 'Zuweisung',
    });

  it('allows a colleague who sees the contact', async () => {
    await expect(create(ids.adminA, ids.clientA1, ids.ownA)).resolves.toMatchObject({ id: expect.any(String) });
  });

  it('refuses a scoped colleague out of scope, one without rights, another tenant’s employee and a client', async () => {
    const before = await fingerprint();
    for (const assignee of [ids.ownA, ids.noRightsA, ids.adminB, ids.clientA2]) {
      await expect(create(ids.adminA, ids.clientA2, assignee)).rejects.toMatchObject({
        code: 'invalid',
        field: 'assigneeId',
      });
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('hides a follow-up on an out-of-scope contact from a scoped employee (done → not_found)', async () => {
    const { id } = await create(ids.adminA, ids.clientA2, ids.writerA);
    const { setFollowUpDone } = await import('../../lib/follow-ups/done');
    await expect(setFollowUpDone(await ctxFor(db, tenantOf.A.id, ids.ownA), { id, done: true })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      setFollowUpDone(await ctxFor(db, tenantOf.B.id, ids.adminB), { id, done: true }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      setFollowUpDone(await ctxFor(db, tenantOf.A.id, ids.writerA), { id, done: true }),
    ).resolves.toMatchObject({ done: true });
  });
});

/* ------------------------------------------------ IMPORTIEREN (issue 14) */

/**
 * IMPORTIEREN: admins; employees only with the right "Import" (off by default, and 'write' to create
 * contacts); clients never; a job is seen by admins of its tenant and by its creator; nothing reaches
 * another tenant.
 */
describe('authorization matrix: IMPORTIEREN', () => {
  const importCells: [ActorKey | 'importerA', 'presign' | 'openAdminJob', 'allow' | 'deny'][] = [
    ['adminA', 'presign', 'allow'],
    ['adminA', 'openAdminJob', 'allow'],
    ['importerA', 'presign', 'allow'],
    ['importerA', 'openAdminJob', 'deny'],
    ['writerA', 'presign', 'deny'],
    ['writerA', 'openAdminJob', 'deny'],
    ['readerA', 'presign', 'deny'],
    ['noRightsA', 'presign', 'deny'],
    ['ownA', 'presign', 'deny'],
    ['clientA1', 'presign', 'deny'],
    ['clientA1', 'openAdminJob', 'deny'],
    ['adminB', 'openAdminJob', 'deny'],
    ['adminB', 'presign', 'allow'], // in their own tenant
  ];
  let adminJob: string;
  let importer: string;

  beforeAll(async () => {
    const u = await createAccount(db, {
      tenantId: tenantOf.A.id,
      kind: 'employee',
      role: 'employee',
      email: 'importer@matrix.example',
      firstName: 'Ina',
      lastName: 'Importer',
      status: 'active',
      rights: { ...rights('write'), import: true },
      scope: 'all',
    });
    importer = u.id;
    const [job] = await db
      .insert(importJobs)
      .values({ tenantId: tenantOf.A.id, createdBy: ids.adminA, kind: 'contacts', fileKeys: [], fileName: 'a.csv' })
      .returning({ id: importJobs.id });
    adminJob = job!.id;
  });

  for (const [actor, op, expected] of importCells) {
    it(`${actor} × ${op} → ${expected}`, async () => {
      const id = actor === 'importerA' ? importer : ids[actor];
      const ctx = await ctxFor(db, actor === 'importerA' ? tenantOf.A : tenantOf[homeOf(actor)], id);
      const run = () =>
        op === 'presign'
          ? presignImport(ctx, { filename: 'k.csv', contentType: 'text/csv', size: 100 })
          : importJob(ctx, adminJob);
      if (expected === 'allow') await expect(run()).resolves.toBeTruthy();
      else await expect(run()).rejects.toSatisfy((e) => ['forbidden', 'not_found'].includes((e as DomainError).code));
    });
  }
});

/* ------------------------------------------------ PASSKEYS and FACTOR RESET (issue 16) */

/**
 * Passkeys: only the account itself renames or removes its passkeys (removal after its password); nobody
 * else – no admin, no colleague, no other client, nothing of the other tenant ('not_found').
 * Factor reset: an employee's second factor is reset by admins of the tenant (not for themselves); a client's
 * by whoever may change the client's login data (admins) and sees the contact, with the PIN; never across
 * tenants, never by clients.
 */
describe('authorization matrix: passkeys and factor reset', () => {
  type PkActor = ActorKey | 'owner';
  const passkeyCells: [PkActor, 'rename' | 'remove', 'allow' | 'deny'][] = [
    ['owner', 'rename', 'allow'],
    ['owner', 'remove', 'allow'],
    ['adminA', 'rename', 'deny'],
    ['adminA', 'remove', 'deny'],
    ['writerA', 'rename', 'deny'],
    ['ownA', 'remove', 'deny'],
    ['clientA1', 'rename', 'deny'],
    ['clientA1', 'remove', 'deny'],
    ['adminB', 'rename', 'deny'],
    ['adminB', 'remove', 'deny'],
    ['clientB1', 'remove', 'deny'],
  ];
  const resetCells: [ActorKey, 'employee' | 'client' | 'self', 'allow' | 'deny'][] = [
    ['adminA', 'employee', 'allow'],
    ['adminA', 'client', 'allow'],
    ['adminA', 'self', 'deny'],
    ['writerA', 'employee', 'deny'],
    ['writerA', 'client', 'deny'],
    ['readerA', 'employee', 'deny'],
    ['noRightsA', 'client', 'deny'],
    ['ownA', 'client', 'deny'],
    ['clientA1', 'employee', 'deny'],
    ['clientA1', 'client', 'deny'],
    ['adminB', 'employee', 'deny'],
    ['adminB', 'client', 'deny'],
  ];
  let owner: string;

  beforeAll(async () => {
    const { hashPassword } = await import('../../lib/auth/password');
    const u = await createAccount(db, {
      tenantId: tenantOf.A.id,
      kind: 'client',
      email: 'passkey-owner@matrix.example',
      firstName: 'Pia',
      lastName: 'Passkey',
      passwordHash: await hashPassword('Richtig-Langes-Passwort-1'),
      status: 'active',
    });
    owner = u.id;
  });

  const freshPasskey = async () => {
    const [row] = await db
      .insert(passkeys)
      .values({
        tenantId: tenantOf.A.id,
        userId: owner,
        credentialId: randomUUID(),
        publicKey: 'AA',
        name: 'Matrix',
      })
      .returning({ id: passkeys.id });
    return row!.id;
  };
  const refused = (e: unknown) => ['forbidden', 'not_found'].includes((e as DomainError).code);

  for (const [actor, op, expected] of passkeyCells) {
    it(`${actor} × passkey ${op} → ${expected}`, async () => {
      const id = await freshPasskey();
      const ctx =
        actor === 'owner' ? await ctxFor(db, tenantOf.A, owner) : await ctxFor(db, tenantOf[homeOf(actor)], ids[actor]);
      const run = () =>
        op === 'rename'
          ? renamePasskey(ctx, { id, name: 'Neu' })
          : removePasskey(ctx, { id, password: 'Richtig-Langes-Passwort-1' });
      if (expected === 'allow') await expect(run()).resolves.toBeUndefined();
      else await expect(run()).rejects.toSatisfy(refused);
      const [row] = await db.select().from(passkeys).where(eq(passkeys.id, id));
      if (expected === 'deny') expect(row, 'the passkey is untouched').toMatchObject({ name: 'Matrix' });
      else if (op === 'remove') expect(row).toBeUndefined();
      else expect(row!.name).toBe('Neu');
    });
  }

  for (const [actor, target, expected] of resetCells) {
    it(`${actor} × reset ${target} factor → ${expected}`, async () => {
      const ctx = await ctxFor(db, tenantOf[homeOf(actor)], ids[actor]);
      const run = async () => {
        if (target === 'self') return resetEmployeeFactor(ctx, { userId: ids[actor] });
        if (target === 'employee') return resetEmployeeFactor(ctx, { userId: await freshEmployee('A', 'active') });
        return resetClientFactor(ctx, { contactId: await freshContact('A', ids.ownA, 'active'), pin: '05051975' });
      };
      if (expected === 'allow') await expect(run()).resolves.toMatchObject({ hadFactor: false });
      else await expect(run()).rejects.toSatisfy(refused);
    });
  }
});
