import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../ctx';
import { auditLog, sessions } from '../db/schema';
import { coarseIp, deviceOf, type DeviceInfo } from '../auth/device';
import { hashSessionId, sessionPolicy } from '../auth/sessions';

/** One live session of the reader's own account, as "Mein Zugang" lists it. */
export interface SessionItem {
  /** Opaque handle for "Abmelden" (only ever matched against the reader's own sessions). */
  handle: string;
  current: boolean;
  device: DeviceInfo;
  ip: string | null;
  signedInAt: Date;
  lastSeenAt: Date;
}

/** The live sessions of the signed-in account (not revoked, not idle, not expired), the current one first. */
export async function listMySessions(ctx: Ctx): Promise<SessionItem[]> {
  const rows = await ctx.db
    .select({
      idHash: sessions.idHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.tenantId, ctx.tenant.id),
        eq(sessions.userId, ctx.actor.id),
        isNull(sessions.revokedAt),
        sql`${sessions.expiresAt} > now()`,
        sql`${sessions.lastSeenAt} > now() - make_interval(secs => ${sessionPolicy.idleSeconds})`,
      ),
    )
    .orderBy(desc(sessions.lastSeenAt))
    .limit(50);
  const mine = ctx.sessionId ? hashSessionId(ctx.sessionId) : null;
  return rows
    .map((r) => ({
      handle: r.idHash,
      current: r.idHash === mine,
      device: deviceOf(r.userAgent),
      ip: coarseIp(r.ip),
      signedInAt: r.createdAt,
      lastSeenAt: r.lastSeenAt,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

export interface SignInItem {
  at: Date;
  ok: boolean;
  ip: string | null;
}

/** The account's own recent sign-ins and failed attempts (clients see nothing else of the audit log). */
export async function mySignIns(ctx: Ctx, limit = 10): Promise<SignInItem[]> {
  const rows = await ctx.db
    .select({ at: auditLog.createdAt, action: auditLog.action, ip: auditLog.ip })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, ctx.tenant.id),
        eq(auditLog.targetId, ctx.actor.id),
        inArray(auditLog.action, ['auth.login.succeeded', 'auth.login.failed']),
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ at: r.at, ok: r.action === 'auth.login.succeeded', ip: coarseIp(r.ip) }));
}
