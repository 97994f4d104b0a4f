import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { canSeeContact, canViewContacts, isAdmin, type EmployeeLike } from '../access/employee';
import { latestLinkState } from '../auth/tokens';
import type { Db } from '../db/client';
import { decodeCursor, encodeCursor } from '../db/cursor';
import { contactProfiles, users } from '../db/schema';

export const PAGE_SIZE = 50;

export interface ContactListItem {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  city: string | null;
  status: string;
  advisorName: string | null;
  createdAt: Date;
  lead: boolean;
}

/** Keyset cursors: by name (lower last name, lower first name, id) or by creation (timestamp, id). */
const cursorShapes = { n: ['text', 'text', 'uuid'], c: ['timestamp', 'uuid'] } as const;

const advisor = alias(users, 'advisor');

/**
 * KONTAKTÜBERSICHT: one tenant's contacts the employee may see (all, or those they are BETREUER of),
 * searched with pg_trgm (name, e-mail) and paged with a keyset on (sort key, id) – no OFFSET, no count.
 */
export async function listContacts(
  database: Db,
  tenantId: string,
  actor: EmployeeLike,
  options: { q?: string; sort?: 'name' | 'created'; after?: string; limit?: number; leadsOnly?: boolean },
): Promise<{ items: ContactListItem[]; next: string | null }> {
  // Deny by default: no right to contacts (or not an employee) → nothing, whoever calls this.
  if (!canViewContacts(actor)) return { items: [], next: null };
  const limit = options.limit ?? PAGE_SIZE;
  const sort = options.sort ?? 'name';
  const where: SQL[] = [eq(users.tenantId, tenantId), eq(users.kind, 'client')];
  if (!isAdmin(actor) && (actor.scope ?? 'all') === 'own') where.push(eq(contactProfiles.advisorId, actor.id));
  if (options.leadsOnly) where.push(eq(contactProfiles.lead, true));
  const q = (options.q ?? '').trim();
  if (q.length > 0) {
    // Lower-cased by PostgreSQL on both sides (JavaScript and PostgreSQL disagree on e.g. İ and Σ).
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`lower(${users.firstName} || ' ' || ${users.lastName} || ' ' || ${users.email}) LIKE lower(${pattern})`);
  }
  // A broken, forged or foreign cursor simply starts at the first page.
  const cursor = decodeCursor(options.after, cursorShapes);
  if (sort === 'name' && cursor?.tag === 'n') {
    const [lastKey, firstKey, id] = cursor.values;
    where.push(sql`(lower(${users.lastName}), lower(${users.firstName}), ${users.id}) > (${lastKey}, ${firstKey}, ${id}::uuid)`);
  }
  if (sort === 'created' && cursor?.tag === 'c') {
    const [at, id] = cursor.values;
    where.push(sql`(${users.createdAt}, ${users.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const order =
    sort === 'name'
      ? [asc(sql`lower(${users.lastName})`), asc(sql`lower(${users.firstName})`), asc(users.id)]
      : [desc(users.createdAt), desc(users.id)];
  const rows = await database
    .select({
      id: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      status: users.status,
      createdAt: users.createdAt,
      createdAtText: sql<string>`to_char(${users.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      lastLower: sql<string>`lower(${users.lastName})`,
      firstLower: sql<string>`lower(${users.firstName})`,
      city: contactProfiles.city,
      lead: contactProfiles.lead,
      advisorFirst: advisor.firstName,
      advisorLast: advisor.lastName,
    })
    .from(users)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
    .leftJoin(advisor, and(eq(advisor.tenantId, contactProfiles.tenantId), eq(advisor.id, contactProfiles.advisorId)))
    .where(and(...where))
    .orderBy(...order)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next =
    rows.length > limit && last
      ? (sort === 'name' ? encodeCursor('n', [last.lastLower, last.firstLower, last.id]) : encodeCursor('c', [last.createdAtText, last.id]))
      : null;
  return {
    items: page.map((r) => ({
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      city: r.city,
      status: r.status,
      createdAt: r.createdAt,
      lead: r.lead ?? false,
      advisorName: r.advisorFirst ? `${r.advisorFirst} ${r.advisorLast}` : null,
    })),
    next,
  };
}

export interface ContactDetail {
  id: string;
  salutation: string | null;
  title: string | null;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  email: string;
  username: string;
  status: string;
  phone: string | null;
  mobile: string | null;
  street: string | null;
  zip: string | null;
  city: string | null;
  advisorId: string | null;
  note: string | null;
  createdAt: Date;
  lead: boolean;
  leadTopic: string | null;
  leadMessage: string | null;
  archivedAt: Date | null;
  link: 'none' | 'open' | 'burned' | 'expired' | 'used';
}

/** One contact, or null when it does not exist in this tenant or the employee may not see it. */
export async function getContact(database: Db, tenantId: string, actor: EmployeeLike, id: string): Promise<ContactDetail | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const [row] = await database
    .select({
      id: users.id,
      salutation: users.salutation,
      title: users.title,
      firstName: users.firstName,
      lastName: users.lastName,
      birthDate: users.birthDate,
      email: users.email,
      username: users.username,
      status: users.status,
      createdAt: users.createdAt,
      phone: contactProfiles.phone,
      mobile: contactProfiles.mobile,
      street: contactProfiles.street,
      zip: contactProfiles.zip,
      city: contactProfiles.city,
      advisorId: contactProfiles.advisorId,
      note: contactProfiles.note,
      lead: contactProfiles.lead,
      leadTopic: contactProfiles.leadTopic,
      leadMessage: contactProfiles.leadMessage,
      archivedAt: contactProfiles.archivedAt,
    })
    .from(users)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
    .where(and(eq(users.tenantId, tenantId), eq(users.kind, 'client'), eq(users.id, id)));
  if (!row || !canSeeContact(actor, { advisorId: row.advisorId })) return null;
  return { ...row, lead: row.lead ?? false, link: await latestLinkState(database, tenantId, id) };
}

/** Employees who can be BETREUER (for the select), active or invited. */
export async function advisorOptions(database: Db, tenantId: string): Promise<{ id: string; name: string }[]> {
  const rows = await database
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.kind, 'employee'), sql`${users.status} <> 'locked'`))
    .orderBy(asc(sql`lower(${users.lastName})`), asc(users.id));
  return rows.map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}` }));
}
