import { and, eq, sql } from 'drizzle-orm';
import { db } from '../db/client';
import { users } from '../db/schema';
import { getEmployee as getEmployeeImpl, listEmployees as listEmployeesImpl } from './employees';

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

/** The tenant's employees for the BENUTZER list. */
export function listEmployeesOf(tenantId: string) {
  return listEmployeesImpl(db(), tenantId);
}

/** One employee for the edit page (admins only; the page checks). */
export function getEmployeeOf(tenantId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return Promise.resolve(null);
  return getEmployeeImpl(db(), tenantId, id);
}
