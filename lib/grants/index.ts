import { and, desc, eq, inArray } from 'drizzle-orm';
import { moduleNames, type ClientModule } from '../access/freigaben';
import { canViewContacts } from '../access/employee';
import { requireRight } from '../access/require';
import type { Ctx } from '../ctx';
import { auditLog, users } from '../db/schema';

export { loadGrants } from './load';
export { saveGrants } from './save';
export { grantsOf } from './load';


const activityLabels: Record<string, string> = {
  'contact.created': 'Kontakt angelegt',
  'contact.updated': 'Stammdaten geändert',
  'contact.account.created': 'Benutzerkonto erstellt',
  'contact.registration.sent': 'REGISTRIERUNGSMAIL verschickt',
  'grants.changed': 'FREIGABEN geändert',
  'contact.profile.changed_by_client': 'Profil durch den Kunden geändert',
  'auth.account.activated': 'Passwort vergeben',
  'auth.password.reset': 'Passwort zurückgesetzt',
  'auth.link.burned': 'Link gesperrt: PIN 5-mal falsch eingegeben',
  'auth.pin.account_locked': 'Passwortvergabe für 24 Stunden gesperrt: PIN zu oft falsch eingegeben',
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
export async function contactActivity(ctx: Ctx, contactId: string, limit = 20): Promise<ActivityItem[]> {
  requireRight(canViewContacts(ctx.actor));
  const tenantId = ctx.tenant.id;
  const actor = users;
  const rows = await ctx.db
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
