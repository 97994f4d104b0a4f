import { and, eq, sql } from 'drizzle-orm';
import { db } from '../db/client';
import { users } from '../db/schema';

/** Number of employees and clients of one tenant (for the start page). */
export async function accountCounts(tenantId: string): Promise<{ employees: number; clients: number }> {
  const rows = await db()
    .select({ kind: users.kind, n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.tenantId, tenantId)))
    .groupBy(users.kind);
  return {
    employees: rows.find((r) => r.kind === 'employee')?.n ?? 0,
    clients: rows.find((r) => r.kind === 'client')?.n ?? 0,
  };
}
