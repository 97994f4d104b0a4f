import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { ZipArchive } from 'archiver';
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { canSeeContact, type EmployeeLike } from '../access/employee';
import { mayErase, mayExport } from './rules';

export { mayErase, mayExport };
import { assertActorInTenant } from '../access/guard';
import { clientModules, moduleNames, rightsOf } from '../access/freigaben';
import { DomainError } from '../actions/domain-error';
import { audit } from '../audit';
import type { Db, Tx } from '../db/client';
import {
  auditLog,
  authThrottle,
  contactProfiles,
  contracts,
  deletionJobs,
  documentFiles,
  documents,
  outbox,
  sessions,
  ticketEvents,
  ticketFiles,
  ticketMessages,
  tickets,
  uploads,
  users,
  type Tenant,
} from '../db/schema';
import { loadGrants } from '../grants';
import { deleteObject, objectNodeStream } from '../storage';
import { accountKey, pinAccountKey } from '../auth/throttle';

/**
 * Where each table that can hold a client's data is covered: what the DATENEXPORT contains and what the
 * deletion does. tests/integration/privacy.test.ts compares this with the real schema, so a new table
 * must be classified here (or in `notClientData`) before the suite passes.
 */
export const clientDataCoverage: Record<string, { export: string; erase: string }> = {
  users: { export: 'kontakt (without password hash)', erase: 'row deleted' },
  contact_profiles: { export: 'kontakt', erase: 'cascade with users' },
  client_grants: { export: 'freigaben', erase: 'cascade with users' },
  sessions: { export: 'anmeldungen (time, IP, browser)', erase: 'cascade with users' },
  account_tokens: { export: 'omitted: only hashes of one-time links', erase: 'cascade with users' },
  auth_throttle: { export: 'omitted: failed-login counters', erase: 'account key deleted' },
  contracts: { export: 'vertraege', erase: 'cascade with users' },
  documents: { export: 'dokumente + files in the ZIP', erase: 'cascade with users' },
  document_files: { export: 'files in the ZIP', erase: 'cascade; objects deleted from S3 by the job' },
  uploads: { export: 'omitted: unfinished uploads', erase: 'rows deleted; objects deleted by the job' },
  tickets: { export: 'kommunikation', erase: 'cascade with users' },
  ticket_messages: { export: 'kommunikation.nachrichten', erase: 'cascade with tickets' },
  ticket_files: { export: 'files in the ZIP', erase: 'cascade; objects deleted from S3 by the job' },
  ticket_events: { export: 'kommunikation.historie', erase: 'cascade with tickets' },
  ticket_reads: { export: 'omitted: read markers', erase: 'cascade with tickets' },
  audit_log: { export: 'protokoll (entries about the contact)', erase: 'pseudonymised (controlled exception to append-only)' },
  outbox: { export: 'emails (date, subject, status)', erase: 'mails to the address and mails naming the contact deleted' },
};

/** Tables without client data, with the reason. */
export const notClientData: Record<string, string> = {
  tenants: 'the broker firm',
  tenant_domains: 'the broker firm',
  tenant_settings: 'IMPRESSUM, signature, colours of the firm',
  providers: 'catalogue of companies',
  product_lines: 'catalogue of product names',
  support_requests: 'employees to the platform operator',
  deletion_jobs: 'pseudonym and object keys only',
};

const notFound = () => new DomainError('not_found', 'Diesen Kontakt gibt es nicht (mehr) oder Sie haben keinen Zugriff darauf.');


async function lockedContact(tx: Tx, tenantId: string, actor: EmployeeLike, contactId: string) {
  const [row] = await tx
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, email: users.email, username: users.username, status: users.status, advisorId: contactProfiles.advisorId })
    .from(users)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
    .where(and(eq(users.tenantId, tenantId), eq(users.kind, 'client'), eq(users.id, contactId)))
    .for('update', { of: users });
  if (!row || !canSeeContact(actor, { advisorId: row.advisorId ?? null })) throw notFound();
  return row;
}

export function pseudonymFor(contactId: string): string {
  return `Gelöschter Kontakt ${createHash('sha256').update(contactId).digest('hex').slice(0, 8)}`;
}

/**
 * Deletes a client completely: account, sessions, FREIGABEN, contracts, documents, tickets, pending and
 * past mails to them, throttle counters; audit rows about them are pseudonymised (who deleted and when
 * stays). Rows go in one transaction; the stored objects are listed in a deletion job and removed after
 * the commit – a storage failure leaves the job pending for a safe retry.
 */
export async function deleteContact(database: Db, tenant: Tenant, actor: EmployeeLike, contactId: string, confirmName: string): Promise<{ jobId: string; pseudonym: string }> {
  if (!mayErase(actor)) throw new DomainError('forbidden', 'Kontakte löschen können Admins und Mitarbeiter mit Schreibrecht in allen Modulen.');
  const job = await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenant.id, actor);
    const contact = await lockedContact(tx, tenant.id, actor, contactId);
    const expected = `${contact.firstName} ${contact.lastName}`.trim().toLocaleLowerCase('de');
    if (confirmName.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de') !== expected) {
      throw new DomainError('invalid', `Bitte geben Sie zur Bestätigung genau „${contact.firstName} ${contact.lastName}“ ein.`, 'confirmName');
    }
    const pseudonym = pseudonymFor(contactId);
    const docKeys = await tx
      .select({ key: documentFiles.objectKey })
      .from(documentFiles)
      .innerJoin(documents, and(eq(documents.tenantId, documentFiles.tenantId), eq(documents.id, documentFiles.documentId)))
      .where(and(eq(documents.tenantId, tenant.id), eq(documents.contactId, contactId)));
    const ticketKeys = await tx
      .select({ key: ticketFiles.objectKey })
      .from(ticketFiles)
      .innerJoin(ticketMessages, and(eq(ticketMessages.tenantId, ticketFiles.tenantId), eq(ticketMessages.id, ticketFiles.messageId)))
      .innerJoin(tickets, and(eq(tickets.tenantId, ticketMessages.tenantId), eq(tickets.id, ticketMessages.ticketId)))
      .where(and(eq(tickets.tenantId, tenant.id), eq(tickets.contactId, contactId)));
    const uploadRows = await tx.delete(uploads).where(and(eq(uploads.tenantId, tenant.id), eq(uploads.userId, contactId))).returning({ key: uploads.objectKey });
    const keys = [...docKeys, ...ticketKeys, ...uploadRows].map((k) => k.key);

    const fullName = `${contact.firstName} ${contact.lastName}`;
    await tx
      .delete(outbox)
      .where(
        and(
          eq(outbox.tenantId, tenant.id),
          // Mails to them, and staff notifications naming them (sent or still pending – they must not go out).
          or(sql`lower(${outbox.toAddress}) = lower(${contact.email})`, sql`(${outbox.text} || ${outbox.subject}) ILIKE ${`%${fullName.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`),
        ),
      );
    await tx.delete(authThrottle).where(inArray(authThrottle.key, [accountKey(tenant.id, contact.username), accountKey(tenant.id, contact.email), pinAccountKey(tenant.id, contactId)]));
    // Tickets reference the client via FK (cascade); the users row takes profile, grants, sessions, tokens,
    // contracts → documents → files and tickets → messages → files/events/reads with it.
    await tx.delete(users).where(and(eq(users.tenantId, tenant.id), eq(users.id, contactId)));

    await tx.execute(sql`SET LOCAL mappe.audit_redaction = 'on'`);
    await tx
      .update(auditLog)
      .set({
        targetId: sql`CASE WHEN ${auditLog.targetId} = ${contactId} THEN ${pseudonym} ELSE ${auditLog.targetId} END`,
        actorId: sql`CASE WHEN ${auditLog.actorId} = ${contactId}::uuid THEN NULL ELSE ${auditLog.actorId} END`,
        // Their own or anonymous requests about them (failed logins, PIN, reset) carry their IP.
        ip: sql`CASE WHEN ${auditLog.actorId} = ${contactId}::uuid OR ${auditLog.actorType} = 'anonymous' THEN NULL ELSE ${auditLog.ip} END`,
        meta: sql`jsonb_build_object('pseudonymisiert', true)`,
      })
      .where(and(eq(auditLog.tenantId, tenant.id), or(eq(auditLog.targetId, contactId), eq(auditLog.actorId, contactId))));
    await tx.execute(sql`SET LOCAL mappe.audit_redaction = 'off'`);

    const [row] = await tx.insert(deletionJobs).values({ tenantId: tenant.id, pseudonym, requestedBy: actor.id, objectKeys: keys }).returning({ id: deletionJobs.id });
    await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: 'contact.deleted', targetType: 'contact', targetId: pseudonym, meta: { files: keys.length, job: row!.id } });
    return { jobId: row!.id, pseudonym };
  });
  await runDeletionJob(database, job.jobId);
  return job;
}

/**
 * Removes the stored objects of a deletion job; safe to run again (S3 DeleteObject is idempotent). Keys
 * already gone are dropped from the job as it goes, so a retry continues where the last run stopped.
 */
export async function runDeletionJob(database: Db, jobId: string, remove: (tenantId: string, key: string) => Promise<void> = deleteObject): Promise<'done' | 'pending'> {
  const [job] = await database.select().from(deletionJobs).where(eq(deletionJobs.id, jobId));
  if (!job || job.status === 'done') return 'done';
  const left = [...job.objectKeys];
  try {
    while (left.length) {
      await remove(job.tenantId, left[0]!);
      left.shift();
    }
    await database.update(deletionJobs).set({ objectKeys: [], status: 'done', doneAt: sql`now()`, attempts: sql`${deletionJobs.attempts} + 1`, lastError: null }).where(eq(deletionJobs.id, jobId));
    return 'done';
  } catch (error) {
    await database
      .update(deletionJobs)
      .set({ objectKeys: left, attempts: sql`${deletionJobs.attempts} + 1`, lastError: error instanceof Error ? error.name : 'unknown' })
      .where(eq(deletionJobs.id, jobId));
    console.error(`[deletion] job ${jobId}: ${left.length} object(s) left, will retry`);
    return 'pending';
  }
}

/** The sweeper retries pending deletion jobs (hourly, every instance; a job is idempotent). */
export async function retryDeletionJobs(database: Db): Promise<number> {
  const pending = await database.select({ id: deletionJobs.id }).from(deletionJobs).where(eq(deletionJobs.status, 'pending')).orderBy(asc(deletionJobs.createdAt)).limit(100);
  let done = 0;
  for (const j of pending) if ((await runDeletionJob(database, j.id)) === 'done') done++;
  return done;
}

/**
 * ARCHIVIEREN (retention periods): the login is switched off and every session ends; the data stays.
 * Reactivating clears the mark (the client then uses „Passwort vergessen?“ or a new REGISTRIERUNGSMAIL).
 */
export async function setArchived(database: Db, tenant: Tenant, actor: EmployeeLike, contactId: string, archived: boolean): Promise<void> {
  if (!mayErase(actor)) throw new DomainError('forbidden', 'Kontakte archivieren können Admins und Mitarbeiter mit Schreibrecht in allen Modulen.');
  await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenant.id, actor);
    const contact = await lockedContact(tx, tenant.id, actor, contactId);
    await tx.update(contactProfiles).set({ archivedAt: archived ? sql`now()` : null }).where(and(eq(contactProfiles.tenantId, tenant.id), eq(contactProfiles.userId, contactId)));
    if (archived) {
      if (contact.status === 'active' || contact.status === 'invited' || contact.status === 'created') await tx.update(users).set({ status: 'locked', updatedAt: sql`now()` }).where(and(eq(users.tenantId, tenant.id), eq(users.id, contactId)));
      await tx.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.tenantId, tenant.id), eq(sessions.userId, contactId), isNull(sessions.revokedAt)));
    } else if (contact.status === 'locked') {
      await tx.update(users).set({ status: 'created', updatedAt: sql`now()` }).where(and(eq(users.tenantId, tenant.id), eq(users.id, contactId)));
    }
    await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: archived ? 'contact.archived' : 'contact.unarchived', targetType: 'contact', targetId: contactId });
  });
}

type ExportActor = EmployeeLike;

const areaFolder: Record<string, string> = {
  insurance: 'Versicherungen',
  finance: 'Finanzen',
  other: 'Sonstige Verträge',
  emergency: 'Notfall-Ordner',
  profile: 'Allgemeine Dokumente',
};

function safeName(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 80) || 'ohne Titel';
}

/**
 * DATENEXPORT (GDPR Art. 15/20): one JSON file with all the contact's data and their files in folders,
 * streamed as a ZIP (files come one after another from S3; nothing is held whole in memory).
 * Employees need mayExport; a client exports themselves while PROFIL is visible.
 */
export async function exportContact(database: Db, tenant: Tenant, actor: ExportActor, contactId: string): Promise<{ filename: string; stream: ReadableStream }> {
  await assertActorInTenant(database, tenant.id, actor);
  if (actor.kind === 'client') {
    if (actor.id !== contactId || !rightsOf(await loadGrants(database, tenant.id, actor.id), 'profile').visible) throw notFound();
  } else if (!mayExport(actor)) {
    throw new DomainError('forbidden', 'Den DATENEXPORT können Admins und Mitarbeiter mit Rechten in allen Modulen herunterladen.');
  }
  const staff = actor.kind === 'employee';
  const [row] = await database
    .select({ user: users, profile: contactProfiles })
    .from(users)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
    .where(and(eq(users.tenantId, tenant.id), eq(users.kind, 'client'), eq(users.id, contactId)));
  if (!row || (staff && !canSeeContact(actor, { advisorId: row.profile?.advisorId ?? null }))) throw notFound();
  const { passwordHash: _p, ...user } = row.user;
  const grants = await loadGrants(database, tenant.id, contactId);
  const contractRows = await database.select().from(contracts).where(and(eq(contracts.tenantId, tenant.id), eq(contracts.contactId, contactId))).orderBy(asc(contracts.area), asc(contracts.createdAt));
  const docRows = await database.select().from(documents).where(and(eq(documents.tenantId, tenant.id), eq(documents.contactId, contactId))).orderBy(asc(documents.createdAt));
  const fileRows = docRows.length
    ? await database.select().from(documentFiles).where(and(eq(documentFiles.tenantId, tenant.id), inArray(documentFiles.documentId, docRows.map((d) => d.id)))).orderBy(asc(documentFiles.position))
    : [];
  const ticketRows = await database.select().from(tickets).where(and(eq(tickets.tenantId, tenant.id), eq(tickets.contactId, contactId))).orderBy(asc(tickets.createdAt));
  const ticketIds = ticketRows.map((t) => t.id);
  const messageRows = ticketIds.length ? await database.select().from(ticketMessages).where(and(eq(ticketMessages.tenantId, tenant.id), inArray(ticketMessages.ticketId, ticketIds))).orderBy(asc(ticketMessages.createdAt)) : [];
  const eventRows = ticketIds.length ? await database.select().from(ticketEvents).where(and(eq(ticketEvents.tenantId, tenant.id), inArray(ticketEvents.ticketId, ticketIds))).orderBy(asc(ticketEvents.id)) : [];
  const attachmentRows = messageRows.length ? await database.select().from(ticketFiles).where(and(eq(ticketFiles.tenantId, tenant.id), inArray(ticketFiles.messageId, messageRows.map((m) => m.id)))) : [];
  const sessionRows = await database.select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, ip: sessions.ip, userAgent: sessions.userAgent, revokedAt: sessions.revokedAt }).from(sessions).where(and(eq(sessions.tenantId, tenant.id), eq(sessions.userId, contactId))).orderBy(desc(sessions.createdAt));
  const mailRows = await database.select({ createdAt: outbox.createdAt, subject: outbox.subject, status: outbox.status, sentAt: outbox.sentAt }).from(outbox).where(and(eq(outbox.tenantId, tenant.id), sql`lower(${outbox.toAddress}) = lower(${user.email})`)).orderBy(asc(outbox.createdAt));
  const auditRows = await database.select({ at: auditLog.createdAt, action: auditLog.action, actorType: auditLog.actorType, actorId: auditLog.actorId, meta: auditLog.meta }).from(auditLog).where(and(eq(auditLog.tenantId, tenant.id), or(eq(auditLog.targetId, contactId), eq(auditLog.actorId, contactId)))).orderBy(asc(auditLog.createdAt));
  const people = new Map<string, string>();
  const ids = [...new Set([...messageRows.map((m) => m.authorId), ...eventRows.flatMap((e) => [e.actorId, e.meta?.fromId, e.meta?.toId]), ...auditRows.map((a) => a.actorId), ...contractRows.flatMap((c) => [c.createdBy, c.updatedBy])].filter((x): x is string => Boolean(x)))];
  if (ids.length) for (const p of await database.select({ id: users.id, first: users.firstName, last: users.lastName }).from(users).where(and(eq(users.tenantId, tenant.id), inArray(users.id, ids)))) people.set(p.id, `${p.first} ${p.last}`);
  const who = (id: string | null | undefined) => (id ? (people.get(id) ?? 'ehemaliger Benutzer') : null);

  const entries: { name: string; key: string }[] = [];
  const usedNames = new Set<string>();
  const unique = (name: string) => {
    let candidate = name;
    for (let i = 2; usedNames.has(candidate); i++) candidate = name.replace(/(\.[^./]+)?$/, ` (${i})$1`);
    usedNames.add(candidate);
    return candidate;
  };
  const documentsOut = docRows.map((d) => {
    const contract = contractRows.find((c) => c.id === d.contractId);
    const folder = `Dokumente/${areaFolder[d.area] ?? d.area}/${contract ? `${safeName(contract.product)} – ${safeName(contract.provider ?? contract.title ?? '')}/` : ''}${safeName(d.title)}`;
    const files = fileRows.filter((f) => f.documentId === d.id).map((f) => {
      const path = unique(`${folder}/${safeName(f.filename)}`);
      entries.push({ name: path, key: f.objectKey });
      return { datei: path, typ: f.mime, groesse: f.size };
    });
    return { titel: d.title, art: d.type, datum: d.documentDate, notiz: d.note, bereich: d.area === 'profile' ? 'Allgemeine Dokumente' : moduleNames[d.area], vertrag: contract ? `${contract.product} · ${contract.provider ?? contract.title ?? ''}` : null, angelegtVomKunden: d.createdByClient, angelegtAm: d.createdAt, dateien: files };
  });
  const ticketsOut = ticketRows.map((t) => ({
    betreff: t.subject,
    status: t.status === 'open' ? 'offen' : 'abgeschlossen',
    eroeffnetAm: t.createdAt,
    nachrichten: messageRows
      .filter((m) => m.ticketId === t.id)
      .map((m) => ({
        von: who(m.authorId),
        am: m.createdAt,
        text: m.body,
        anhaenge: attachmentRows.filter((a) => a.messageId === m.id).map((a) => {
          const path = unique(`Nachrichten/${safeName(t.subject)}/${safeName(a.filename)}`);
          entries.push({ name: path, key: a.objectKey });
          return path;
        }),
      })),
    historie: eventRows.filter((e) => e.ticketId === t.id).map((e) => ({ ereignis: e.type, von: who(e.actorId), am: e.createdAt, ...(e.meta?.fromId ? { vorher: who(e.meta.fromId) } : {}), ...(e.meta?.toId ? { an: who(e.meta.toId) } : {}), ...(staff && e.meta?.internalNote ? { interneNotiz: e.meta.internalNote } : {}) })),
  }));
  const data = {
    hinweis: 'DATENEXPORT nach Art. 15 und 20 DSGVO: alle zu dieser Person gespeicherten Daten.',
    exportiertAm: new Date().toISOString(),
    verantwortlicher: tenant.name,
    kontakt: { ...user, profil: row.profile },
    freigaben: Object.fromEntries(clientModules.map((m) => [moduleNames[m], grants[m]])),
    vertraege: contractRows.map((c) => ({ ...c, angelegtVon: c.createdByClient ? 'Kunde' : who(c.createdBy), geaendertVon: who(c.updatedBy) })),
    dokumente: documentsOut,
    kommunikation: ticketsOut,
    anmeldungen: sessionRows,
    emails: mailRows,
    protokoll: auditRows.map((a) => ({ am: a.at, aktion: a.action, durch: a.actorId === contactId ? 'Kunde' : (who(a.actorId) ?? a.actorType), details: a.meta })),
  };

  const archive = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  archive.on('warning', () => undefined);
  archive.on('error', (error) => out.destroy(error));
  archive.pipe(out);
  void (async () => {
    try {
      archive.append(JSON.stringify(data, null, 2), { name: 'daten.json' });
      for (const e of entries) {
        const body = await objectNodeStream(tenant.id, e.key);
        archive.append(body, { name: e.name });
        await once(archive, 'entry');
      }
      await archive.finalize();
    } catch (error) {
      out.destroy(error instanceof Error ? error : new Error('export failed'));
    }
  })();
  await audit(database, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: 'contact.exported', targetType: 'contact', targetId: contactId, meta: { files: entries.length, byClient: !staff } });
  const date = new Date().toISOString().slice(0, 10);
  const filename = `Datenexport ${safeName(`${user.firstName} ${user.lastName}`)} ${date}.zip`;
  return { filename, stream: Readable.toWeb(out) as ReadableStream };
}
