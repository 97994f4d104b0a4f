/**
 * The bulk form of the GDV person applier (issue 14 bench): one chunk's new contacts with one multi-row
 * INSERT each for users, profiles, insurer numbers and audit rows; BENUTZERNAMEN for the whole chunk from one
 * lookup. Same rules as apply-person.ts (no e-mail, no account, never mail). A clash with a concurrent
 * creation of the same name makes the chunk fail and the job redo it row by row (apply-person.ts).
 */
import { and, eq, inArray, like, or, sql } from 'drizzle-orm';
import { canEditContacts } from '../../access/employee';
import { requireRight } from '../../access/require';
import { limitedToOwnContacts } from '../../access/scope';
import { auditMany } from '../../audit';
import type { Ctx } from '../../ctx';
import { insertMany, insertManyReturning } from '../../db/bulk';
import { contactInsurerNumbers, contactProfiles, users } from '../../db/schema';
import { nextFreeUsername, usernameBase } from '../../users/username';
import type { Applied, ImportApplier, Refused, StoredRow } from '../types';
import { importFileName } from './apply-contract';
import { gdvPersonApplier } from './apply-person';

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const escape = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

/** Taken BENUTZERNAMEN among the chunk's bases: base…base9 by the unique index, a longer family by LIKE. */
async function takenNames(ctx: Ctx, bases: string[]): Promise<Set<string>> {
  const distinct = [...new Set(bases)];
  const candidates = distinct.flatMap((b) => [b, ...Array.from({ length: 8 }, (_, i) => `${b}${i + 2}`)]);
  const taken = new Set<string>();
  if (candidates.length === 0) return taken;
  const rows = await ctx.db
    .select({ name: sql<string>`lower(${users.username})` })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), inArray(sql`lower(${users.username})`, candidates)));
  for (const r of rows) taken.add(r.name);
  const full = distinct.filter((b) => taken.has(`${b}9`));
  if (full.length) {
    const more = await ctx.db
      .select({ name: sql<string>`lower(${users.username})` })
      .from(users)
      .where(
        and(
          eq(users.tenantId, ctx.tenant.id),
          or(...full.map((b) => like(sql`lower(${users.username})`, `${escape(b)}%`))),
        ),
      );
    for (const r of more) taken.add(r.name);
  }
  return taken;
}

async function applyPersons(ctx: Ctx, rows: StoredRow[]): Promise<Map<string, Applied | Refused>> {
  requireRight(canEditContacts(ctx.actor), 'contacts.errors.createForbidden');
  const out = new Map<string, Applied | Refused>();
  const fresh = rows.filter((r) => !r.targetId);
  const contactOf = new Map<string, string>(rows.filter((r) => r.targetId).map((r) => [r.id, r.targetId!]));
  if (fresh.length) {
    const names = fresh.map((r) => usernameBase(str(r.after.firstName) ?? '', str(r.after.lastName) ?? ''));
    const taken = await takenNames(ctx, names);
    const values = fresh.map((r, i) => {
      const username = nextFreeUsername(names[i]!, taken);
      taken.add(username);
      const a = r.after;
      return {
        tenantId: ctx.tenant.id,
        kind: 'client' as const,
        email: '',
        username,
        firstName: (str(a.firstName) ?? '').trim(),
        lastName: (str(a.lastName) ?? '').trim(),
        salutation: str(a.salutation),
        title: str(a.title),
        birthDate: str(a.birthDate),
        status: 'none' as const,
      };
    });
    const created = await insertManyReturning(ctx.db, users, values, { pick: ['id', 'username', 'updatedAt'] });
    const byName = new Map(created.map((u) => [u.username, u]));
    const advisorId = limitedToOwnContacts(ctx.actor) ? ctx.actor.id : null;
    await insertMany(
      ctx.db,
      contactProfiles,
      fresh.map((r, i) => {
        const u = byName.get(values[i]!.username)!;
        contactOf.set(r.id, u.id);
        out.set(r.id, { targetId: u.id, created: true, previous: null, stamp: u.updatedAt.toISOString() });
        const a = r.after;
        return {
          tenantId: ctx.tenant.id,
          userId: u.id,
          street: str(a.street),
          zip: str(a.zip),
          city: str(a.city),
          company: str(a.company),
          origin: 'import' as const,
          advisorId,
          createdBy: ctx.actor.id,
        };
      }),
    );
  }
  // The insurer's Kundennummer, so the next delivery finds the person by it (matched ones: remembered for undo).
  const numbers = rows.flatMap((r) => {
    const vuNumber = str(r.after.vuNumber);
    const customerNumber = str(r.after.customerNumber);
    return vuNumber && customerNumber
      ? [{ tenantId: ctx.tenant.id, contactId: contactOf.get(r.id)!, vuNumber, customerNumber }]
      : [];
  });
  const linked = new Set(
    numbers.length
      ? (
          await insertManyReturning(ctx.db, contactInsurerNumbers, numbers, {
            onConflictDoNothing: true,
            pick: ['contactId', 'vuNumber', 'customerNumber'],
          })
        ).map((n) => `${n.contactId}|${n.vuNumber}|${n.customerNumber}`)
      : [],
  );
  for (const r of rows) {
    if (!r.targetId) continue;
    const key = `${r.targetId}|${str(r.after.vuNumber)}|${str(r.after.customerNumber)}`;
    out.set(r.id, { targetId: r.targetId, created: false, previous: { linked: linked.has(key) }, stamp: null });
  }
  await auditMany(
    ctx.db,
    await Promise.all(
      fresh.map(async (r) => ({
        tenantId: ctx.tenant.id,
        actorType: 'user' as const,
        actorId: ctx.actor.id,
        action: 'contact.created',
        targetType: 'contact',
        targetId: contactOf.get(r.id)!,
        meta: { importFile: await importFileName(ctx, r), importJob: r.jobId },
      })),
    ),
  );
  return out;
}

export const gdvPersonBulkApplier: ImportApplier = {
  ...gdvPersonApplier,
  applyMany: (ctx, rows) => applyPersons(ctx, rows),
};
