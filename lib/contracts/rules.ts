import { and, eq, sql } from 'drizzle-orm';
import { maySee, type ContactFacts, type Viewer } from '../access/folder';
import type { Ctx } from '../ctx';
import { contracts, type Contract } from '../db/schema';
import { DomainError } from '../errors';
import { normaliseNumber } from './areas';
import { annualTotal, type PaymentFrequency } from './premium';
import type { ContractInput } from './schemas';

/** Shared pieces of the contract verbs (one file per verb beside this one). */
export const missing = () => new DomainError('not_found', 'contracts.errors.notFound');
export const forbidden = () => new DomainError('forbidden', 'errors.forbidden');

/** The stored columns a contract form sets. */
export function contractValues(input: ContractInput) {
  return {
    status: input.status,
    product: input.product,
    title: input.title,
    provider: input.provider,
    number: input.number,
    paymentMethod: input.paymentMethod,
    frequency: input.frequency,
    premiumCents: input.premiumCents,
    startDate: input.startDate,
    endDate: input.endDate,
    noticePeriod: input.noticePeriod,
    mainDueDate: input.mainDueDate,
    noticeMonths: input.noticeMonths,
    autoRenewal: input.autoRenewal,
    premiumIncreaseReceivedOn: input.premiumIncreaseReceivedOn,
    claimSettledOn: input.claimSettledOn,
    acquiredOn: input.acquiredOn,
    partialDates: input.partialDates,
    note: input.note,
  };
}
export type ContractValues = ReturnType<typeof contractValues>;
export const comparable = Object.keys(contractValues({} as ContractInput)) as (keyof ContractValues)[];

/** A stored or typed value as the change check compares it ('' = empty; objects by their sorted entries). */
export function comparableValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return entries.length ? JSON.stringify(entries) : '';
  }
  return String(v);
}

/** Same provider + number in the same area of this contact, among the contracts the viewer may see (nothing hidden leaks). */
export async function duplicateOf(
  ctx: Ctx,
  viewer: Viewer,
  contact: ContactFacts,
  input: ContractInput,
  exceptId?: string,
): Promise<Contract | null> {
  if (!input.provider || !input.number) return null;
  const rows = await ctx.db
    .select()
    .from(contracts)
    .where(
      and(
        eq(contracts.tenantId, ctx.tenant.id),
        eq(contracts.contactId, contact.id),
        eq(contracts.area, input.area),
        sql`lower(${contracts.provider}) = lower(${input.provider})`,
      ),
    );
  const number = normaliseNumber(input.number);
  return (
    rows.find(
      (r) =>
        r.id !== exceptId &&
        r.number &&
        normaliseNumber(r.number) === number &&
        maySee(viewer, contact, { area: r.area, createdByClient: r.createdByClient }),
    ) ?? null
  );
}

export function duplicateError(input: ContractInput): DomainError {
  return new DomainError('duplicate', 'contracts.errors.duplicate', {
    field: 'number',
    values: { provider: input.provider ?? '' },
  });
}

/** What the audit row says about a contract. */
export function summary(c: Pick<Contract, 'id' | 'area' | 'product' | 'provider' | 'title'>) {
  return { contractId: c.id, area: c.area, product: c.product, provider: c.provider, title: c.title };
}

export async function lockedContract(ctx: Ctx, id: string): Promise<Contract> {
  const [row] = await ctx.db
    .select()
    .from(contracts)
    .where(and(eq(contracts.tenantId, ctx.tenant.id), eq(contracts.id, id)))
    .for('update');
  if (!row) throw missing();
  return row;
}

export function annualOf(
  rows: { premiumCents: number | null; frequency: string | null; status: string | null }[],
): number {
  return annualTotal(
    rows.map((r) => ({
      premiumCents: r.premiumCents,
      frequency: r.frequency as PaymentFrequency | null,
      status: r.status ?? '',
    })),
  );
}
