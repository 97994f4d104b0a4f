import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { canEditContacts, canSeeContact, type EmployeeLike } from '../access/employee';
import { assertActorInTenant } from '../access/guard';
import { clientModules, emptyGrants, moduleNames, type ClientModule, type Grants, type Switches } from '../access/freigaben';
import { DomainError } from '../actions/domain-error';
import { audit } from '../audit';
import type { Db, Tx } from '../db/client';
import { auditLog, clientGrants, contactProfiles, users } from '../db/schema';

/** The contact's FREIGABEN as stored; modules without a row have nothing granted. */
export async function loadGrants(tx: Tx, tenantId: string, userId: string): Promise<Grants> {
  const rows = await tx
    .select({ module: clientGrants.module, activation: clientGrants.activation, dataRelease: clientGrants.dataRelease, readOnly: clientGrants.readOnly })
    .from(clientGrants)
    .where(and(eq(clientGrants.tenantId, tenantId), eq(clientGrants.userId, userId)));
  const grants = emptyGrants();
  for (const r of rows) grants[r.module] = { activation: r.activation, dataRelease: r.dataRelease, readOnly: r.readOnly };
  return grants;
}

const switchNames = ['activation', 'dataRelease', 'readOnly'] as const;

/** Form fields "<module>.<switch>" = "on" → Grants (unchecked boxes are simply absent). */
export const grantsFormSchema = z
  .record(z.string(), z.string())
  .transform((values, ctx) => {
    const grants = emptyGrants();
    for (const [key, value] of Object.entries(values)) {
      if (key === 'id') continue;
      const [mod, name] = key.split('.') as [ClientModule, (typeof switchNames)[number]];
      if (!clientModules.includes(mod) || !switchNames.includes(name) || value !== 'on') {
        ctx.addIssue({ code: 'custom', message: 'Unbekannte Freigabe.' });
        return z.NEVER;
      }
      grants[mod][name] = true;
    }
    return grants;
  });

/**
 * FREIGABEN ERTEILEN: replaces the contact's switches. Audited switch by switch (who, which, from → to);
 * the client's next request sees the new state (nothing is cached).
 */
export async function saveGrants(database: Db, tenantId: string, actor: EmployeeLike, contactId: string, next: Grants): Promise<{ changed: number }> {
  if (!canEditContacts(actor)) throw new DomainError('forbidden', 'Sie haben keine Berechtigung, FREIGABEN zu ändern.');
  return database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenantId, actor);
    const [contact] = await tx
      .select({ id: users.id, status: users.status, advisorId: contactProfiles.advisorId })
      .from(users)
      .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
      .where(and(eq(users.tenantId, tenantId), eq(users.kind, 'client'), eq(users.id, contactId)))
      .for('update', { of: users });
    if (!contact || !canSeeContact(actor, { advisorId: contact.advisorId ?? null })) {
      throw new DomainError('not_found', 'Diesen Kontakt gibt es nicht (mehr) oder Sie haben keinen Zugriff darauf.');
    }
    const before = await loadGrants(tx, tenantId, contactId);
    let changed = 0;
    for (const mod of clientModules) {
      const from: Switches = before[mod];
      const to: Switches = next[mod];
      const diffs = switchNames.filter((s) => from[s] !== to[s]);
      if (diffs.length === 0) continue;
      changed += diffs.length;
      await tx
        .insert(clientGrants)
        .values({ tenantId, userId: contactId, module: mod, ...to, updatedBy: actor.id })
        .onConflictDoUpdate({
          target: [clientGrants.tenantId, clientGrants.userId, clientGrants.module],
          set: { ...to, updatedBy: actor.id, updatedAt: sql`now()` },
        });
      for (const name of diffs) {
        await audit(tx, { tenantId, actorType: 'user', actorId: actor.id, action: 'grants.changed', targetType: 'contact', targetId: contactId, meta: { module: mod, switch: name, from: from[name], to: to[name] } });
      }
    }
    return { changed };
  });
}

const activityLabels: Record<string, string> = {
  'contact.created': 'Kontakt angelegt',
  'contact.updated': 'Stammdaten geändert',
  'contact.account.created': 'Benutzerkonto erstellt',
  'contact.registration.sent': 'REGISTRIERUNGSMAIL verschickt',
  'grants.changed': 'FREIGABEN geändert',
  'contact.profile.changed_by_client': 'Profil durch den Kunden geändert',
  'auth.account.activated': 'Passwort vergeben',
  'auth.password.reset': 'Passwort zurückgesetzt',
  'lead.created': 'Anfrage über das Kontaktformular',
  'lead.accepted': 'Als Kunde übernommen',
  'contract.created': 'Vertrag angelegt',
  'contract.updated': 'Vertrag geändert',
  'contract.deleted': 'Vertrag gelöscht',
  'document.added': 'Dokument hinzugefügt',
  'document.deleted': 'Dokument gelöscht',
  'ticket.created': 'Nachricht an das Team geschrieben',
};

/** "Kfz-Versicherung · CONDOR …" or the document title, for activity lines about contracts and documents. */
export function folderDetail(action: string, meta: Record<string, unknown>): string | null {
  const area = typeof meta.area === 'string' ? (moduleNames[meta.area as ClientModule] ?? null) : null;
  const where = meta.area === 'profile' ? 'Allgemeine Dokumente' : area;
  if (action.startsWith('contract.')) {
    const what = [meta.product, meta.provider ?? meta.title].filter((x) => typeof x === 'string' && x).join(' · ');
    const fields = action === 'contract.updated' && Array.isArray(meta.fields) ? ` (${(meta.fields as string[]).map((f) => contractFieldNames[f] ?? f).join(', ')})` : '';
    return [where, what].filter(Boolean).join(': ') + fields;
  }
  if (action.startsWith('document.')) return [where, typeof meta.title === 'string' ? `„${meta.title}“` : null].filter(Boolean).join(': ');
  return null;
}

const contractFieldNames: Record<string, string> = {
  status: 'Status',
  product: 'Produkt',
  title: 'Titel',
  provider: 'Anbieter',
  number: 'Nummer',
  paymentMethod: 'Zahlart',
  frequency: 'Zahlweise',
  premiumCents: 'Beitrag',
  startDate: 'Beginn',
  endDate: 'Ablauf',
  noticePeriod: 'Kündigungsfrist',
  note: 'Notiz',
};

export const activityActionNames = activityLabels;

export interface ActivityItem {
  at: Date;
  label: string;
  byClient: boolean;
  actorName: string | null;
  detail: string | null;
}

/** Activity on the contact page: what advisors and the client changed, newest first. */
export async function contactActivity(database: Db, tenantId: string, contactId: string, limit = 20): Promise<ActivityItem[]> {
  const actor = users;
  const rows = await database
    .select({ at: auditLog.createdAt, action: auditLog.action, actorId: auditLog.actorId, meta: auditLog.meta, first: actor.firstName, last: actor.lastName })
    .from(auditLog)
    .leftJoin(actor, and(eq(actor.tenantId, auditLog.tenantId), eq(actor.id, auditLog.actorId)))
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.targetId, contactId), inArray(auditLog.action, Object.keys(activityLabels))))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => {
    const meta = (r.meta ?? {}) as Record<string, unknown>;
    let detail: string | null = null;
    if (r.action === 'grants.changed') {
      const switchLabel = { activation: 'FREISCHALTUNG', dataRelease: 'DATENFREIGABE', readOnly: 'NUR LESEN' }[String(meta.switch)] ?? String(meta.switch);
      detail = `${moduleNames[meta.module as ClientModule] ?? String(meta.module)}: ${switchLabel} ${meta.to ? 'an' : 'aus'}`;
    }
    if (r.action === 'contact.profile.changed_by_client' && Array.isArray(meta.fields)) detail = (meta.fields as string[]).join(', ');
    if (r.action.startsWith('contract.') || r.action.startsWith('document.')) detail = folderDetail(r.action, meta);
    return {
      at: r.at,
      label: activityLabels[r.action] ?? r.action,
      byClient: r.actorId === contactId,
      actorName: r.first ? `${r.first} ${r.last}` : null,
      detail,
    };
  });
}
