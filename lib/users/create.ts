import { and, eq, like, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { users, type EmployeeRights, type User } from '../db/schema';
import { nextFreeUsername, usernameBase } from './username';

export interface NewAccount {
  tenantId: string;
  kind: 'employee' | 'client';
  role?: 'admin' | 'employee' | null;
  email: string;
  firstName: string;
  lastName: string;
  salutation?: string | null;
  username?: string;
  passwordHash?: string | null;
  status?: 'none' | 'created' | 'invited' | 'active' | 'locked';
  birthDate?: string | null;
  title?: string | null;
  employeeType?: 'mitarbeiter' | 'netzwerkpartner' | 'experte' | null;
  rights?: EmployeeRights | null;
  scope?: 'all' | 'own' | null;
}

function isUsernameClash(error: unknown): boolean {
  const c =
    (error as { cause?: { code?: string; constraint_name?: string } })?.cause ??
    (error as { code?: string; constraint_name?: string });
  return c?.code === '23505' && c?.constraint_name === 'users_tenant_username_key';
}

/**
 * Creates an account with a generated, tenant-unique BENUTZERNAME. Two concurrent creations of the same
 * name cannot both take "max.mueller": the loser retries with the next number (inside a savepoint).
 */
export async function createAccount(tx: Tx, input: NewAccount): Promise<User> {
  for (let attempt = 0; ; attempt++) {
    let username = input.username;
    if (!username) {
      const base = usernameBase(input.firstName, input.lastName);
      const rows = await tx
        .select({ username: users.username })
        .from(users)
        .where(
          and(
            eq(users.tenantId, input.tenantId),
            like(sql`lower(${users.username})`, `${base.replace(/[%_\\]/g, (c) => `\\${c}`)}%`),
          ),
        );
      username = nextFreeUsername(base, new Set(rows.map((r) => r.username.toLowerCase())));
    }
    try {
      return await tx.transaction((sp) => insertAccount(sp, input, username));
    } catch (error) {
      if (!input.username && attempt < 5 && isUsernameClash(error)) continue;
      throw error;
    }
  }
}

async function insertAccount(tx: Tx, input: NewAccount, username: string): Promise<User> {
  const [row] = await tx
    .insert(users)
    .values({
      tenantId: input.tenantId,
      kind: input.kind,
      role: input.kind === 'employee' ? (input.role ?? 'employee') : null,
      email: input.email.trim(),
      username,
      firstName: input.firstName.trim(),
      lastName: input.lastName.trim(),
      salutation: input.salutation ?? null,
      passwordHash: input.passwordHash ?? null,
      status: input.status ?? 'invited',
      passwordChangedAt: input.passwordHash ? sql`now()` : null,
      birthDate: input.birthDate ?? null,
      title: input.title ?? null,
      employeeType: input.kind === 'employee' ? (input.employeeType ?? 'mitarbeiter') : null,
      rights: input.kind === 'employee' ? (input.rights ?? null) : null,
      scope: input.kind === 'employee' ? (input.scope ?? 'all') : null,
    })
    .returning();
  return row!;
}
