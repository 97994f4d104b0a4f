import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../../audit';
import type { Ctx } from '../../ctx';
import { contactProfiles, users } from '../../db/schema';
import { DomainError } from '../../errors';
import { isEmailTaken } from '../../forms/fields';
import { createAccount } from '../../users/create';
import type { Applied, FieldValues, ImportApplier, StoredRow } from '../types';
import { byId, currentContacts, profileFields, userFields } from './current';

const str = (v: FieldValues[string] | undefined) => (v === undefined || v === null || v === '' ? null : String(v));

function pick<K extends string>(values: FieldValues, keys: readonly K[]): Partial<Record<K, string | null>> {
  const out: Partial<Record<K, string | null>> = {};
  for (const k of keys) if (k in values) out[k] = str(values[k]);
  return out;
}

async function stampOf(ctx: Ctx, id: string): Promise<string | null> {
  const [c] = await currentContacts(ctx.db, ctx.tenant.id, byId(id));
  return c?.stamp ?? null;
}

async function create(ctx: Ctx, row: StoredRow): Promise<Applied> {
  const a = row.after;
  const user = await createAccount(ctx.db, {
    tenantId: ctx.tenant.id,
    kind: 'client',
    email: str(a.email) ?? '',
    firstName: str(a.firstName) ?? '',
    lastName: str(a.lastName) ?? '',
    salutation: str(a.salutation),
    title: str(a.title),
    birthDate: str(a.birthDate),
    status: 'none',
  });
  await ctx.db.insert(contactProfiles).values({
    tenantId: ctx.tenant.id,
    userId: user.id,
    ...pick(a, profileFields),
    origin: 'import',
    createdBy: ctx.actor.id,
  });
  await audit(ctx.db, {
    tenantId: ctx.tenant.id,
    actorType: 'user',
    actorId: ctx.actor.id,
    action: 'contact.imported',
    targetType: 'contact',
    targetId: user.id,
    meta: { job: row.jobId, line: row.line },
  });
  return { targetId: user.id, created: true, previous: null, stamp: await stampOf(ctx, user.id) };
}

async function update(ctx: Ctx, row: StoredRow, id: string): Promise<Applied> {
  const [current] = await currentContacts(ctx.db, ctx.tenant.id, and(byId(id), eq(users.kind, 'client'))!, true);
  if (!current) throw new DomainError('not_found', 'import.reasons.targetGone');
  const a = row.after;
  const loginChange =
    ('email' in a && String(a.email ?? '').toLowerCase() !== String(current.values.email ?? '').toLowerCase()) ||
    ('birthDate' in a && str(a.birthDate) !== str(current.values.birthDate));
  // The login data of an account holder change only by hand, with their own right (lib/contacts/login-data.ts).
  if (current.status !== 'none' && loginChange) throw new DomainError('forbidden', 'import.reasons.loginData');
  const previous: FieldValues = {};
  for (const k of Object.keys(a)) previous[k] = current.values[k] ?? null;
  await write(ctx, id, a);
  await audit(ctx.db, {
    tenantId: ctx.tenant.id,
    actorType: 'user',
    actorId: ctx.actor.id,
    action: 'contact.updated',
    targetType: 'contact',
    targetId: id,
    meta: { job: row.jobId, line: row.line, fields: Object.keys(a), via: 'import' },
  });
  return { targetId: id, created: false, previous, stamp: await stampOf(ctx, id) };
}

async function write(ctx: Ctx, id: string, values: FieldValues): Promise<void> {
  const u = pick(values, userFields);
  const p = pick(values, profileFields);
  await ctx.db
    .update(users)
    .set({
      ...u,
      firstName: u.firstName ?? undefined,
      lastName: u.lastName ?? undefined,
      email: u.email ?? undefined,
      updatedAt: sql`now()`,
    })
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, id)));
  await ctx.db
    .insert(contactProfiles)
    .values({ tenantId: ctx.tenant.id, userId: id, ...p, createdBy: ctx.actor.id })
    .onConflictDoUpdate({ target: contactProfiles.userId, set: { ...p, updatedAt: sql`now()` } });
}

/** Writes imported contacts: new ones without an account (status 'none'), never a mail. */
export const contactApplier: ImportApplier = {
  kind: 'contact',
  async apply(ctx, row) {
    try {
      return row.targetId ? await update(ctx, row, row.targetId) : await create(ctx, row);
    } catch (error) {
      if (isEmailTaken(error)) throw new DomainError('duplicate', 'forms.emailTaken', { field: 'email' });
      throw error;
    }
  },
  async undo(ctx, row, applied) {
    const [current] = await currentContacts(ctx.db, ctx.tenant.id, byId(applied.targetId), true);
    if (!current) return applied.created ? 'undone' : 'left';
    if (current.stamp !== applied.stamp) return 'left';
    if (applied.created) {
      if (current.status !== 'none') return 'left';
      try {
        await ctx.db.transaction((sp) =>
          sp.delete(users).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, applied.targetId))),
        );
      } catch {
        return 'left'; // something refers to the contact now (a contract, a document …)
      }
    } else {
      if (
        current.status !== 'none' &&
        applied.previous &&
        ('email' in applied.previous || 'birthDate' in applied.previous)
      )
        return 'left';
      await write(ctx, applied.targetId, applied.previous ?? {});
    }
    await audit(ctx.db, {
      tenantId: ctx.tenant.id,
      actorType: 'user',
      actorId: ctx.actor.id,
      action: applied.created ? 'contact.import_removed' : 'contact.import_restored',
      targetType: 'contact',
      targetId: applied.targetId,
      meta: { job: row.jobId, line: row.line },
    });
    return 'undone';
  },
};
