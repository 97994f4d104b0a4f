import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { canViewContacts } from '../access/employee';
import { contactScopeJoined } from '../access/scope';
import type { Ctx } from '../ctx';
import { decodeCursor, encodeCursor, isUuid } from '../db/cursor';
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
  /** "Angaben fehlen": no e-mail or no birth date yet (imported contacts): no account until both are there. */
  incomplete: boolean;
  company: string | null;
}

export interface ContactListOptions {
  q?: string;
  sort?: 'name' | 'created';
  after?: string;
  limit?: number;
  leadsOnly?: boolean;
  incompleteOnly?: boolean;
  /** Only this contact (still within the employee's scope): the just created one, pinned above the first page. */
  only?: string;
}

/** Keyset cursors: by name (lower last name, lower first name, id) or by creation (timestamp, id). */
const cursorShapes = { n: ['text', 'text', 'uuid'], c: ['timestamp', 'uuid'] } as const;

const advisor = alias(users, 'advisor');

/**
 * KONTAKTÜBERSICHT: the tenant's contacts the employee may see (the scope rule of lib/access/scope.ts),
 * searched by name and e-mail and paged with a keyset on (sort key, id) – no OFFSET, no count.
 */
export async function listContacts(
  ctx: Ctx,
  options: ContactListOptions = {},
): Promise<{ items: ContactListItem[]; next: string | null }> {
  const { actor } = ctx;
  // Deny by default: no right to contacts (or not an employee) → nothing, whoever calls this.
  if (!canViewContacts(actor)) return { items: [], next: null };
  const limit = options.limit ?? PAGE_SIZE;
  const sort = options.sort ?? 'name';
  const where: SQL[] = [eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'client'), contactScopeJoined(actor)];
  if (options.only !== undefined) {
    if (!isUuid(options.only)) return { items: [], next: null };
    where.push(eq(users.id, options.only));
  }
  if (options.leadsOnly) where.push(eq(contactProfiles.lead, true));
  if (options.incompleteOnly) where.push(sql`(${users.email} = '' OR ${users.birthDate} IS NULL)`);
  const q = (options.q ?? '').trim();
  if (q.length > 0) {
    // Lower-cased by PostgreSQL on both sides (JavaScript and PostgreSQL disagree on e.g. İ and Σ).
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`lower(${users.firstName} || ' ' || ${users.lastName} || ' ' || ${users.email}) LIKE lower(${pattern})`,
    );
  }
  // A broken, forged or foreign cursor simply starts at the first page.
  const cursor = decodeCursor(options.after, cursorShapes);
  if (sort === 'name' && cursor?.tag === 'n') {
    const [lastKey, firstKey, id] = cursor.values;
    where.push(
      sql`(lower(${users.lastName}), lower(${users.firstName}), ${users.id}) > (${lastKey}, ${firstKey}, ${id}::uuid)`,
    );
  }
  if (sort === 'created' && cursor?.tag === 'c') {
    const [at, id] = cursor.values;
    where.push(sql`(${users.createdAt}, ${users.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const order =
    sort === 'name'
      ? [asc(sql`lower(${users.lastName})`), asc(sql`lower(${users.firstName})`), asc(users.id)]
      : [desc(users.createdAt), desc(users.id)];
  const rows = await ctx.db
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
      company: contactProfiles.company,
      incomplete: sql<boolean>`(${users.email} = '' OR ${users.birthDate} IS NULL)`,
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
      ? sort === 'name'
        ? encodeCursor('n', [last.lastLower, last.firstLower, last.id])
        : encodeCursor('c', [last.createdAtText, last.id])
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
      incomplete: r.incomplete,
      company: r.company ?? null,
      advisorName: r.advisorFirst ? `${r.advisorFirst} ${r.advisorLast}` : null,
    })),
    next,
  };
}
