import { and, desc, eq, inArray, notLike, or, sql } from 'drizzle-orm';
import { canViewContacts } from '../access/employee';
import { maySeeArea, type RightsArea } from '../access/folder';
import { requireRight } from '../access/require';
import { viewerOf } from '../access/viewer';
import type { Ctx } from '../ctx';
import { auditLog, users } from '../db/schema';
import { defaultLocale, isMessageKey, translate, type Locale } from '../i18n';
import { contactFacts } from './facts';

/** The audit actions shown in a contact's activity (and, for clients' changes, on the advisor start page). */
export const activityActions = [
  'contact.created',
  'contact.updated',
  'contact.account.created',
  'contact.registration.sent',
  'grants.changed',
  'contact.profile.changed_by_client',
  'auth.account.activated',
  'auth.password.reset',
  'auth.link.burned',
  'auth.pin.account_locked',
  'lead.created',
  'lead.accepted',
  'contract.created',
  'contract.updated',
  'contract.deleted',
  'document.added',
  'document.deleted',
  'ticket.created',
] as const;

/** The line's title in the reader's language ("Vertrag angelegt"); an unknown action shows as it is. */
export function activityLabel(locale: Locale, action: string): string {
  const key = `contacts.activity.actions.${action.replace(/\./g, '_')}`;
  return isMessageKey(key) ? translate(locale, key) : action;
}

const areaAreas = ['profile', 'insurance', 'finance', 'other', 'emergency'] as const;
const word = (locale: Locale, key: string, fallback: string) => {
  const full = `contacts.activity.${key}`;
  return isMessageKey(full) ? translate(locale, full) : fallback;
};

/** A FREIGABEN module by its catalog name (PROFIL, VERSICHERUNGEN, …). */
function moduleName(locale: Locale, module: unknown): string | null {
  const key = `grants.modules.${String(module)}`;
  return isMessageKey(key) ? translate(locale, key) : null;
}

/** A folder area: the modules, and the contact's own documents ('profile': Allgemeine Dokumente). */
function areaName(locale: Locale, area: unknown): string | null {
  if (typeof area !== 'string') return null;
  return area === 'profile' ? translate(locale, 'contacts.activity.generalDocuments') : moduleName(locale, area);
}

/** " – geändert durch Import bestand.gdv" for a contract an import created or changed (issue 14). */
function importNote(locale: Locale, action: string, meta: Record<string, unknown>): string {
  if (typeof meta.importFile !== 'string' || meta.undo) return '';
  const key = action === 'contract.created' ? 'byImportCreated' : 'byImportUpdated';
  return ` – ${translate(locale, `contacts.activity.${key}`, { file: meta.importFile })}`;
}

/** "VERSICHERUNGEN: Kfz-Versicherung · CONDOR …" or the document's title, for lines about contracts and documents. */
export function folderDetail(
  action: string,
  meta: Record<string, unknown>,
  locale: Locale = defaultLocale,
): string | null {
  const where = areaName(locale, meta.area);
  if (action.startsWith('contract.')) {
    const what = [meta.product, meta.provider ?? meta.title].filter((x) => typeof x === 'string' && x).join(' · ');
    const fields =
      action === 'contract.updated' && Array.isArray(meta.fields)
        ? ` (${(meta.fields as string[]).map((f) => word(locale, `contractFields.${f}`, f)).join(', ')})`
        : '';
    return [where, what].filter(Boolean).join(': ') + fields + importNote(locale, action, meta);
  }
  if (action.startsWith('document.')) {
    const title =
      typeof meta.title === 'string'
        ? translate(locale, 'contacts.activity.documentTitle', { title: meta.title })
        : null;
    return [where, title].filter(Boolean).join(': ');
  }
  return null;
}

function detailOf(locale: Locale, action: string, meta: Record<string, unknown>): string | null {
  if (action === 'grants.changed') {
    const name = `grants.switches.${String(meta.switch)}.label`;
    return translate(locale, 'contacts.activity.switchChanged', {
      module: moduleName(locale, meta.module) ?? String(meta.module),
      switch: isMessageKey(name) ? translate(locale, name) : String(meta.switch),
      state: translate(locale, meta.to ? 'contacts.activity.on' : 'contacts.activity.off'),
    });
  }
  // Stored as field names (older rows: the German labels themselves).
  if (action === 'contact.profile.changed_by_client' && Array.isArray(meta.fields)) {
    return (meta.fields as string[]).map((f) => word(locale, `profileFields.${f}`, f)).join(', ');
  }
  if (action.startsWith('contract.') || action.startsWith('document.')) return folderDetail(action, meta, locale);
  return null;
}

export interface ActivityItem {
  at: Date;
  label: string;
  byClient: boolean;
  actorName: string | null;
  detail: string | null;
}

/**
 * Activity on the contact page: what advisors and the client changed, newest first. Lines about contracts
 * and documents name titles and products, so they are shown only for the areas the reader has a right to
 * (as on the start page), and KOMMUNIKATION lines only with the communication right (issue 13, finding 7).
 */
export async function contactActivity(ctx: Ctx, contactId: string, limit = 20): Promise<ActivityItem[]> {
  requireRight(canViewContacts(ctx.actor));
  const contact = await contactFacts(ctx, contactId);
  const viewer = await viewerOf(ctx);
  const may = (area: RightsArea) => maySeeArea(viewer, contact, area);
  const areas: string[] = areaAreas.filter(may);
  const actions = activityActions.filter((a) => a !== 'ticket.created' || may('communication'));
  const actorRow = users;
  const rows = await ctx.db
    .select({
      at: auditLog.createdAt,
      action: auditLog.action,
      actorId: auditLog.actorId,
      meta: auditLog.meta,
      first: actorRow.firstName,
      last: actorRow.lastName,
    })
    .from(auditLog)
    .leftJoin(actorRow, and(eq(actorRow.tenantId, auditLog.tenantId), eq(actorRow.id, auditLog.actorId)))
    .where(
      and(
        eq(auditLog.tenantId, ctx.tenant.id),
        eq(auditLog.targetId, contactId),
        inArray(auditLog.action, actions),
        // Deny by default: a folder line without a known, readable area is not shown.
        or(
          and(notLike(auditLog.action, 'contract.%'), notLike(auditLog.action, 'document.%')),
          areas.length ? inArray(sql`${auditLog.meta}->>'area'`, areas) : sql`false`,
        ),
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({
    at: r.at,
    label: activityLabel(ctx.locale, r.action),
    byClient: r.actorId === contactId,
    actorName: r.first ? `${r.first} ${r.last}` : null,
    detail: detailOf(ctx.locale, r.action, (r.meta ?? {}) as Record<string, unknown>),
  }));
}
