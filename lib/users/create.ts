import { and, eq, like, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { users, type User } from '../db/schema';
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
  status?: 'invited' | 'active' | 'locked';
}

/** Creates an account with a generated, tenant-unique BENUTZERNAME. */
export async function createAccount(tx: Tx, input: NewAccount): Promise<User> {
  let username = input.username;
  if (!username) {
    const base = usernameBase(input.firstName, input.lastName);
    const rows = await tx
      .select({ username: users.username })
      .from(users)
      .where(and(eq(users.tenantId, input.tenantId), like(sql`lower(${users.username})`, `${base}%`)));
    username = nextFreeUsername(base, new Set(rows.map((r) => r.username.toLowerCase())));
  }
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
    })
    .returning();
  return row!;
}
