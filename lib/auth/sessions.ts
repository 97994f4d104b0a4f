import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { sessions, users, type User } from '../db/schema';
import { deviceKey } from './device';

/** R-S1: idle 30 minutes, absolute 12 hours, enforced on the server for every request. */
export const sessionPolicy = { idleSeconds: 30 * 60, absoluteSeconds: 12 * 60 * 60, touchEverySeconds: 60 } as const;

export function hashSessionId(raw: string): string {
  return createHash('sha256').update(raw).digest('hex');
}

export async function createSession(
  tx: Tx,
  input: { tenantId: string; userId: string; ip?: string; userAgent?: string | null },
): Promise<string> {
  const raw = randomBytes(32).toString('base64url');
  await tx.insert(sessions).values({
    idHash: hashSessionId(raw),
    tenantId: input.tenantId,
    userId: input.userId,
    expiresAt: sql`now() + make_interval(secs => ${sessionPolicy.absoluteSeconds})`,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    device: deviceKey(input.userAgent),
  });
  return raw;
}

export type SessionUser = Pick<
  User,
  | 'id'
  | 'tenantId'
  | 'kind'
  | 'role'
  | 'email'
  | 'username'
  | 'firstName'
  | 'lastName'
  | 'status'
  | 'rights'
  | 'scope'
  | 'locale'
>;

/** A live session's account, with what the second-factor rule needs (lib/access/factors.ts decides). */
export interface CheckedSession {
  user: SessionUser;
  /** The tenant's "Zwei-Faktor-Anmeldung für Mitarbeiter verpflichtend", read fresh from its row. */
  requireEmployeeMfa: boolean;
  /** A confirmed authenticator app or a passkey (employees only; false for clients). */
  hasSecondFactor: boolean;
}

/**
 * The signed-in user if the session is live for this tenant: not revoked, not idle for 30 min,
 * not older than 12 h, and the account is still active. Refreshes last_seen_at at most once a minute.
 * One statement per request: the tenant's factor requirement and the employee's factors come with it
 * (before, two more round trips on every signed-in page; issue 17).
 */
export async function checkSession(tx: Tx, rawId: string, tenantId: string): Promise<CheckedSession | null> {
  const idHash = hashSessionId(rawId);
  const employee = sql`${users.kind} = 'employee'`;
  const rows = await tx
    .select({
      user: {
        id: users.id,
        tenantId: users.tenantId,
        kind: users.kind,
        role: users.role,
        email: users.email,
        username: users.username,
        firstName: users.firstName,
        lastName: users.lastName,
        status: users.status,
        rights: users.rights,
        scope: users.scope,
        locale: users.locale,
      },
      stale: sql<boolean>`${sessions.lastSeenAt} < now() - make_interval(secs => ${sessionPolicy.touchEverySeconds})`,
      requireEmployeeMfa: sql<boolean>`coalesce((SELECT t.require_employee_mfa FROM tenants t WHERE t.id = ${sessions.tenantId}), false)`,
      hasSecondFactor: sql<boolean>`(${employee} AND (
        EXISTS (SELECT 1 FROM user_totp f WHERE f.tenant_id = ${users.tenantId} AND f.user_id = ${users.id} AND f.confirmed_at IS NOT NULL)
        OR EXISTS (SELECT 1 FROM passkeys p WHERE p.tenant_id = ${users.tenantId} AND p.user_id = ${users.id})))`,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
    .where(
      and(
        eq(sessions.idHash, idHash),
        eq(sessions.tenantId, tenantId),
        isNull(sessions.revokedAt),
        sql`${sessions.expiresAt} > now()`,
        sql`${sessions.lastSeenAt} > now() - make_interval(secs => ${sessionPolicy.idleSeconds})`,
        eq(users.status, 'active'),
      ),
    )
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  if (row.stale) {
    await tx
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(sessions.idHash, idHash));
  }
  return {
    user: row.user,
    requireEmployeeMfa: Boolean(row.requireEmployeeMfa),
    hasSecondFactor: Boolean(row.hasSecondFactor),
  };
}

/** The signed-in user of a live session of this tenant, or null (checkSession without the factor figures). */
export async function validateSession(tx: Tx, rawId: string, tenantId: string): Promise<SessionUser | null> {
  return (await checkSession(tx, rawId, tenantId))?.user ?? null;
}

export async function revokeSession(tx: Tx, rawId: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.idHash, hashSessionId(rawId)), isNull(sessions.revokedAt)));
}

/** After a lock or a password change: every session of the user ends on its next request (R-S2). */
export async function revokeUserSessions(tx: Tx, tenantId: string, userId: string): Promise<number> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ idHash: sessions.idHash });
  return rows.length;
}

/** After a password change: all other sessions of the user end, the current one stays. */
export async function revokeOtherSessions(
  tx: Tx,
  tenantId: string,
  userId: string,
  keepRawId: string,
): Promise<number> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.tenantId, tenantId),
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        sql`${sessions.idHash} <> ${hashSessionId(keepRawId)}`,
      ),
    )
    .returning({ idHash: sessions.idHash });
  return rows.length;
}
