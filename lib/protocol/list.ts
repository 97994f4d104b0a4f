import { and, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { canSeeProtocol } from '../access/protocol';
import { requireRight } from '../access/require';
import { coarseIp } from '../auth/device';
import type { Ctx } from '../ctx';
import { decodeCursor, encodeCursor, isUuid } from '../db/cursor';
import { auditLog, users } from '../db/schema';
import { timeZone } from '../i18n';
import { detailOf, kindLabel } from './kinds';
import type { ProtocolFilter } from './schemas';

export interface ProtocolItem {
  id: number;
  at: Date;
  kind: string;
  label: string;
  detail: string | null;
  actorType: 'user' | 'system' | 'platform' | 'anonymous';
  actorId: string | null;
  actorName: string | null;
  subjectId: string | null;
  subjectName: string | null;
  subjectKind: 'employee' | 'client' | null;
  targetType: string | null;
  ip: string | null;
}

export interface ProtocolPage {
  items: ProtocolItem[];
  next: string | null;
}

export const protocolPageSize = 50;
const cursorShapes = { p: ['timestamp', 'text'] } as const;
const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Contacts whose name matches (the "Kontakt" filter by name), at most 50; by id: that one id. */
async function contactIds(ctx: Ctx, contact: string): Promise<string[]> {
  if (isUuid(contact)) return [contact.toLowerCase()];
  const pattern = `%${contact.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.tenantId, ctx.tenant.id),
        eq(users.kind, 'client'),
        or(ilike(sql`${users.firstName} || ' ' || ${users.lastName}`, pattern), ilike(users.username, pattern)),
      ),
    )
    .limit(50);
  return rows.map((r) => r.id);
}

/** The person filter: the account did it or it was about them. */
const about = (ids: string[]): SQL => or(inArray(auditLog.actorId, ids), inArray(auditLog.targetId, ids)) as SQL;

/** The WHERE of PROTOKOLL for this tenant and these filters; null when nothing can match. */
async function conditions(ctx: Ctx, filter: ProtocolFilter, kinds?: readonly string[]): Promise<SQL[] | null> {
  const where: SQL[] = [eq(auditLog.tenantId, ctx.tenant.id)];
  if (filter.person) where.push(about([filter.person]));
  if (filter.contact) {
    const ids = await contactIds(ctx, filter.contact);
    if (ids.length === 0) return null;
    where.push(about(ids));
  }
  if (filter.kind) where.push(eq(auditLog.action, filter.kind));
  if (kinds) where.push(inArray(auditLog.action, [...kinds]));
  if (filter.from) where.push(sql`${auditLog.createdAt} >= (${filter.from}::date)::timestamp at time zone ${timeZone}`);
  if (filter.to)
    where.push(sql`${auditLog.createdAt} < ((${filter.to}::date + 1)::timestamp at time zone ${timeZone})`);
  return where;
}

/**
 * PROTOKOLL: the tenant's audited events, newest first, with who, what, when and about whom; keyset pages
 * on (created_at, id). Admins and employees with the right "Protokoll" only.
 */
export async function listProtocol(
  ctx: Ctx,
  filter: ProtocolFilter,
  { limit = protocolPageSize, kinds }: { limit?: number; kinds?: readonly string[] } = {},
): Promise<ProtocolPage> {
  requireRight(canSeeProtocol(ctx.actor));
  const where = await conditions(ctx, filter, kinds);
  if (!where) return { items: [], next: null };
  const cursor = decodeCursor(filter.cursor, cursorShapes);
  if (cursor && /^\d{1,18}$/.test(cursor.values[1]!))
    where.push(
      sql`(${auditLog.createdAt}, ${auditLog.id}) < (${cursor.values[0]}::timestamptz, ${cursor.values[1]}::bigint)`,
    );
  const actor = alias(users, 'actor');
  const subject = alias(users, 'subject');
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.createdAt,
      atText: sql<string>`to_char(${auditLog.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      kind: auditLog.action,
      meta: auditLog.meta,
      actorType: auditLog.actorType,
      actorId: auditLog.actorId,
      actorFirst: actor.firstName,
      actorLast: actor.lastName,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      subjectFirst: subject.firstName,
      subjectLast: subject.lastName,
      subjectKind: subject.kind,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(actor, and(eq(actor.tenantId, auditLog.tenantId), eq(actor.id, auditLog.actorId)))
    .leftJoin(
      subject,
      and(
        eq(subject.tenantId, auditLog.tenantId),
        sql`${subject.id} = (case when ${auditLog.targetId} ~ ${uuidText.source} then ${auditLog.targetId}::uuid end)`,
      ),
    )
    .where(and(...where))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at,
      kind: r.kind,
      label: kindLabel(ctx.locale, r.kind),
      detail: detailOf(ctx.locale, r.kind, r.meta),
      actorType: r.actorType,
      actorId: r.actorId,
      actorName: r.actorFirst ? `${r.actorFirst} ${r.actorLast}` : null,
      subjectId: r.subjectKind ? r.targetId : null,
      subjectName: r.subjectFirst ? `${r.subjectFirst} ${r.subjectLast}` : null,
      subjectKind: r.subjectKind ?? null,
      targetType: r.targetType,
      ip: coarseIp(r.ip),
    })),
    next: rows.length > limit && last ? encodeCursor('p', [rows[limit - 1]!.atText, String(last.id)]) : null,
  };
}
