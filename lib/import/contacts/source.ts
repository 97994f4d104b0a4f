import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { contactProfiles, users } from '../../db/schema';
import type { ImportSource, ProposedRow, RowReason, SourceContext } from '../types';
import type { ColumnMapping } from './columns';
import { byEmails, currentContacts, diff, type CurrentContact } from './current';
import { tableRows, type TableRow } from './table';
import { cellsByField, contactValues, validateContact, type ImportedContact } from './validate';

export interface ContactOptions {
  mapping: ColumnMapping;
  /** Set for an employee who only sees their own contacts: new ones are theirs, others' are refused. */
  ownAdvisorId?: string | null;
}

type Raw = Record<string, string>;
type Checked = { line: number; contact: ImportedContact; raw: Raw } | { line: number; reason: RowReason; raw: Raw };

/** BETREUER by e-mail, BENUTZERNAME, "Vorname Nachname" or "Nachname, Vorname" (lower case). */
async function advisorIndex(db: Tx, tenantId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      username: users.username,
      first: users.firstName,
      last: users.lastName,
    })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.kind, 'employee')));
  const index = new Map<string, string>();
  for (const r of rows)
    for (const k of [r.email, r.username, `${r.first} ${r.last}`, `${r.last}, ${r.first}`])
      index.set(k.toLowerCase(), r.id);
  return index;
}

/** A refused row keeps its cells (by field) in `after`: the refused-rows CSV gives them back to fix. */
function errorRow(line: number, reason: RowReason, raw: Raw, matchKey: string | null = null): ProposedRow {
  return { line, kind: 'contact', matchKey, targetId: null, before: null, after: raw, status: 'error', reason };
}

const missing = (c: ImportedContact): RowReason | undefined =>
  !c.email || !c.birthDate ? { key: 'import.reasons.missingData' } : undefined;

/** Contacts without an e-mail: the same KUNDENNUMMER is the contact; the same name and birth date is a question. */
async function matchWithoutEmail(ctx: SourceContext, c: ImportedContact) {
  if (c.customerNumber) {
    const hit = await currentContacts(ctx.db, ctx.tenantId, eq(contactProfiles.customerNumber, c.customerNumber));
    if (hit.length === 1 && hit[0]!.kind === 'client') return { target: hit[0]!, candidates: [] };
  }
  if (!c.birthDate || !c.lastName) return { target: null, candidates: [] };
  const hits = await currentContacts(
    ctx.db,
    ctx.tenantId,
    and(
      eq(users.kind, 'client'),
      eq(sql`lower(${users.lastName})`, c.lastName.toLowerCase()),
      eq(sql`lower(${users.firstName})`, (c.firstName ?? '').toLowerCase()),
      eq(users.birthDate, c.birthDate),
    )!,
  );
  return { target: null, candidates: hits };
}

async function* propose(ctx: SourceContext, batch: Checked[], advisors: Map<string, string>, options: ContactOptions) {
  const emails = batch.flatMap((b) => ('contact' in b && b.contact.email ? [b.contact.email] : []));
  const existing = new Map(
    (emails.length ? await currentContacts(ctx.db, ctx.tenantId, byEmails(emails)) : []).map((c) => [
      String(c.values.email).toLowerCase(),
      c,
    ]),
  );
  for (const b of batch) {
    if (!('contact' in b)) {
      yield errorRow(b.line, b.reason, b.raw);
      continue;
    }
    const c = b.contact;
    const key = c.email;
    let advisorId: string | null = null;
    if (options.ownAdvisorId) advisorId = options.ownAdvisorId;
    else if (c.advisor) {
      advisorId = advisors.get(c.advisor.toLowerCase()) ?? null;
      if (!advisorId) {
        yield errorRow(
          b.line,
          { key: 'import.reasons.advisorUnknown', values: { name: c.advisor }, field: 'advisor' },
          b.raw,
          key,
        );
        continue;
      }
    }
    const values = contactValues(c, advisorId);
    let target: CurrentContact | undefined = key ? existing.get(key) : undefined;
    let candidates: CurrentContact[] = [];
    if (!key) {
      const m = await matchWithoutEmail(ctx, c);
      target = m.target ?? undefined;
      candidates = m.candidates;
    }
    if (target && target.kind !== 'client') {
      yield errorRow(b.line, { key: 'import.reasons.emailEmployee', field: 'email' }, b.raw, key);
      continue;
    }
    if (target && options.ownAdvisorId && target.values.advisorId !== options.ownAdvisorId) {
      yield errorRow(b.line, { key: 'import.reasons.outOfScope', field: 'email' }, b.raw, key);
      continue;
    }
    if (!target) {
      yield {
        line: b.line,
        kind: 'contact',
        matchKey: key ?? `line:${b.line}`,
        targetId: null,
        candidates: candidates.length
          ? candidates.map((x) => ({ id: x.id, label: `${x.values.firstName} ${x.values.lastName}`.trim() }))
          : undefined,
        before: null,
        after: values,
        status: 'new',
        reason: missing(c),
      } satisfies ProposedRow;
      continue;
    }
    if (!options.ownAdvisorId && !c.advisor) delete values.advisorId;
    const d = diff(target.values, values);
    yield {
      line: b.line,
      kind: 'contact',
      matchKey: key ?? `line:${b.line}`,
      targetId: target.id,
      before: d.before,
      after: d.after,
      status: d.changed.length ? 'changed' : 'unchanged',
      reason: missing(c),
    } satisfies ProposedRow;
  }
}

/** KONTAKTE from CSV/XLSX: the first row names the columns, `options.mapping` says which is which. */
export const contactSource: ImportSource = {
  kind: 'contacts',
  accepts: (name) => /\.(csv|txt|tsv|xlsx)$/i.test(name),
  async *check(stream, ctx, stats) {
    const options = ctx.options as unknown as ContactOptions;
    const advisors = await advisorIndex(ctx.db, ctx.tenantId);
    const seen = new Map<string, number>();
    let header = true;
    let batch: Checked[] = [];
    for await (const row of tableRows(stream, ctx.fileName) as AsyncIterable<TableRow>) {
      if (header) {
        header = false;
        continue;
      }
      const raw = cellsByField(row.cells, options.mapping ?? {}) as Raw;
      const v = validateContact(raw);
      if (v.ok && v.contact.email) {
        const first = seen.get(v.contact.email);
        if (first !== undefined) {
          batch.push({
            line: row.line,
            reason: { key: 'import.reasons.emailTwice', values: { line: first }, field: 'email' },
            raw,
          });
          continue;
        }
        seen.set(v.contact.email, row.line);
      }
      batch.push(v.ok ? { line: row.line, contact: v.contact, raw } : { line: row.line, reason: v.reason, raw });
      if (batch.length >= 500) {
        yield* propose(ctx, batch, advisors, options);
        batch = [];
      }
    }
    if (batch.length) yield* propose(ctx, batch, advisors, options);
    stats.rows = seen.size;
  },
};
