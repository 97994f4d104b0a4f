/**
 * Writes an accepted GDV person: a new contact without e-mail and without account (an import never creates
 * accounts) or, for a matched contact, the insurer's Kundennummer so the next delivery finds them by it.
 */
import { and, count, eq } from 'drizzle-orm';
import { canEditContacts } from '../../access/employee';
import { requireRight } from '../../access/require';
import { limitedToOwnContacts } from '../../access/scope';
import { audit } from '../../audit';
import type { Ctx } from '../../ctx';
import { contactInsurerNumbers, contactProfiles, contracts, documents, users } from '../../db/schema';
import { createAccount } from '../../users/create';
import type { Applied, ImportApplier, StoredRow, UndoOutcome } from '../types';
import { importFileName } from './apply-contract';

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

async function link(ctx: Ctx, contactId: string, row: StoredRow): Promise<boolean> {
  const vuNumber = str(row.after.vuNumber);
  const customerNumber = str(row.after.customerNumber);
  if (!vuNumber || !customerNumber) return false;
  const inserted = await ctx.db
    .insert(contactInsurerNumbers)
    .values({ tenantId: ctx.tenant.id, contactId, vuNumber, customerNumber })
    .onConflictDoNothing()
    .returning();
  return inserted.length > 0;
}

async function apply(ctx: Ctx, row: StoredRow): Promise<Applied> {
  requireRight(canEditContacts(ctx.actor), 'contacts.errors.createForbidden');
  if (row.targetId) {
    const linked = await link(ctx, row.targetId, row);
    return { targetId: row.targetId, created: false, previous: { linked }, stamp: null };
  }
  const a = row.after;
  const user = await createAccount(ctx.db, {
    tenantId: ctx.tenant.id,
    kind: 'client',
    email: '',
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
    street: str(a.street),
    zip: str(a.zip),
    city: str(a.city),
    company: str(a.company),
    origin: 'import',
    advisorId: limitedToOwnContacts(ctx.actor) ? ctx.actor.id : null,
    createdBy: ctx.actor.id,
  });
  await link(ctx, user.id, row);
  await audit(ctx.db, {
    tenantId: ctx.tenant.id,
    actorType: 'user',
    actorId: ctx.actor.id,
    action: 'contact.created',
    targetType: 'contact',
    targetId: user.id,
    meta: { importFile: await importFileName(ctx, row), importJob: row.jobId },
  });
  return { targetId: user.id, created: true, previous: null, stamp: user.updatedAt.toISOString() };
}

async function undo(ctx: Ctx, row: StoredRow, applied: Applied): Promise<UndoOutcome> {
  const vuNumber = str(row.after.vuNumber);
  const customerNumber = str(row.after.customerNumber);
  if (!applied.created) {
    if (applied.previous?.linked && vuNumber && customerNumber) {
      await ctx.db
        .delete(contactInsurerNumbers)
        .where(
          and(
            eq(contactInsurerNumbers.tenantId, ctx.tenant.id),
            eq(contactInsurerNumbers.vuNumber, vuNumber),
            eq(contactInsurerNumbers.customerNumber, customerNumber),
          ),
        );
    }
    return 'undone';
  }
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, applied.targetId)))
    .for('update');
  if (!user || user.updatedAt.toISOString() !== applied.stamp || user.status !== 'none') return 'left';
  // Anything else in the folder (a contract or document not undone) keeps the contact.
  const [c] = await ctx.db
    .select({ n: count() })
    .from(contracts)
    .where(and(eq(contracts.tenantId, ctx.tenant.id), eq(contracts.contactId, user.id)));
  const [d] = await ctx.db
    .select({ n: count() })
    .from(documents)
    .where(and(eq(documents.tenantId, ctx.tenant.id), eq(documents.contactId, user.id)));
  if (c!.n > 0 || d!.n > 0) return 'left';
  await ctx.db.delete(users).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, user.id)));
  await audit(ctx.db, {
    tenantId: ctx.tenant.id,
    actorType: 'user',
    actorId: ctx.actor.id,
    action: 'contact.deleted',
    targetType: 'contact',
    targetId: user.id,
    meta: { importFile: await importFileName(ctx, row), importJob: row.jobId, undo: true },
  });
  return 'undone';
}

export const gdvPersonApplier: ImportApplier = { kind: 'person', apply, undo };
