import { and, asc, eq, sql } from 'drizzle-orm';
import { canManageUsers } from '../access/employee';
import { latestLinkState } from '../auth/tokens';
import type { Ctx } from '../ctx';
import { users, type EmployeeRights } from '../db/schema';

export interface EmployeeRow {
  id: string;
  salutation: string | null;
  firstName: string;
  lastName: string;
  email: string;
  username: string;
  birthDate: string | null;
  employeeType: string | null;
  role: 'admin' | 'employee' | null;
  scope: 'all' | 'own' | null;
  rights: EmployeeRights | null;
  status: string;
}

const employeeColumns = {
  id: users.id,
  salutation: users.salutation,
  firstName: users.firstName,
  lastName: users.lastName,
  email: users.email,
  username: users.username,
  birthDate: users.birthDate,
  employeeType: users.employeeType,
  role: users.role,
  scope: users.scope,
  rights: users.rights,
  status: users.status,
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** BENUTZER: the tenant's employees, for admins (anybody else: an empty list). */
export async function listEmployees(ctx: Ctx): Promise<EmployeeRow[]> {
  if (!canManageUsers(ctx.actor)) return [];
  return ctx.db
    .select(employeeColumns)
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'employee')))
    .orderBy(asc(sql`lower(${users.lastName})`), asc(sql`lower(${users.firstName})`), asc(users.id));
}

export type EmployeeDetail = EmployeeRow & { link: Awaited<ReturnType<typeof latestLinkState>> };

/** One employee for the edit page; null when missing, of another tenant, or the reader is no admin. */
export async function getEmployee(ctx: Ctx, id: string): Promise<EmployeeDetail | null> {
  if (!canManageUsers(ctx.actor) || !uuid.test(id)) return null;
  const [row] = await ctx.db
    .select(employeeColumns)
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'employee'), eq(users.id, id)));
  if (!row) return null;
  return { ...row, link: await latestLinkState(ctx.db, ctx.tenant.id, id) };
}

/** Number of employees and clients of the tenant (the start page of the advisor area; employees only). */
export async function accountCounts(ctx: Ctx): Promise<{ employees: number; clients: number }> {
  if (ctx.actor.kind !== 'employee') return { employees: 0, clients: 0 };
  const rows = await ctx.db
    .select({ kind: users.kind, n: sql<number>`count(*)::int` })
    .from(users)
    .where(eq(users.tenantId, ctx.tenant.id))
    .groupBy(users.kind);
  return {
    employees: rows.find((r) => r.kind === 'employee')?.n ?? 0,
    clients: rows.find((r) => r.kind === 'client')?.n ?? 0,
  };
}
