import { asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/client';
import { insertMany, insertManyReturning } from '../../lib/db/bulk';
import { auditLog, contracts, importJobs, importRows } from '../../lib/db/schema';
import { testDb } from './db';
import { makeTenant } from './fixtures';

/** lib/db/bulk.ts (issue 14, memory): the JSON-recordset INSERT writes exactly what drizzle's insert writes. */
let db: Db;
let T: Awaited<ReturnType<typeof makeTenant>>;
let jobId: string;

beforeAll(async () => {
  ({ db } = await testDb());
  T = await makeTenant(db, 'bulkx');
  const [job] = await db
    .insert(importJobs)
    .values({ tenantId: T.tenant.id, createdBy: T.admin.id, kind: 'gdv', fileKeys: [], fileName: 'a.gdv' })
    .returning();
  jobId = job!.id;
});

const row = (line: number, extra: Partial<typeof importRows.$inferInsert> = {}) => ({
  tenantId: T.tenant.id,
  jobId,
  fileName: 'x',
  line,
  kind: 'contract' as const,
  status: 'new' as const,
  matchKey: `k${line}`,
  targetId: null,
  candidates: null,
  before: null,
  after: { name: `Zeile ${line} „Ä“ 😀 \\ " '`, n: line, flag: true, none: null },
  reasonKey: null,
  reasonValues: null,
  reasonField: null,
  groupKey: 'g',
  dependsOn: { kind: 'person' as const, matchKey: `p${line}` },
  ...extra,
});

const strip = (r: typeof importRows.$inferSelect) => {
  const { id: _id, ...rest } = r;
  return rest;
};

describe('insertMany', () => {
  it('writes the same rows as drizzle: SQL NULL for null (also jsonb), jsonb objects, defaults, unicode', async () => {
    await db.insert(importRows).values([row(1), row(2, { before: { a: 'x' }, candidates: [{ id: 'i', label: 'L' }] })]);
    await insertMany(db, importRows, [
      row(1, { fileName: 'y' }),
      row(2, { fileName: 'y', before: { a: 'x' }, candidates: [{ id: 'i', label: 'L' }] }),
    ]);
    const all = await db.select().from(importRows).where(eq(importRows.jobId, jobId)).orderBy(asc(importRows.line));
    const x = all.filter((r) => r.fileName === 'x').map(strip);
    const y = all.filter((r) => r.fileName === 'y').map((r) => ({ ...strip(r), fileName: 'x' }));
    expect(y).toEqual(x);
    expect(x[0]!.excluded).toBe(false); // database default
    const nulls = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM import_rows WHERE job_id = ${jobId} AND before IS NULL AND candidates IS NULL`,
    );
    expect(nulls[0]!.n).toBe(2); // JSON null became SQL NULL, not the jsonb value null
  });

  it('skips conflicts with onConflictDoNothing and returns only what it wrote, mapped like a select', async () => {
    const before = await db.$count(importRows, eq(importRows.jobId, jobId));
    const written = await insertManyReturning(db, importRows, [row(1, { fileName: 'y' }), row(3, { fileName: 'y' })], {
      onConflictDoNothing: true,
    });
    expect(written.map((r) => r.line)).toEqual([3]);
    const [stored] = await db.select().from(importRows).where(eq(importRows.id, written[0]!.id));
    expect(written[0]).toEqual(stored);
    expect(await db.$count(importRows, eq(importRows.jobId, jobId))).toBe(before + 1);
    await expect(insertMany(db, importRows, [row(3, { fileName: 'y' })])).rejects.toThrow();
  });

  it('returns timestamps as Date and keeps timestamps handed in', async () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    const [a] = await insertManyReturning(db, auditLog, [
      { tenantId: T.tenant.id, actorType: 'system', action: 'test.bulk', meta: { x: 1 }, createdAt: at },
    ]);
    expect(a!.createdAt).toEqual(at);
    const [b] = await insertManyReturning(db, auditLog, [
      { tenantId: T.tenant.id, actorType: 'system', action: 'test.bulk' },
    ]);
    expect(b!.createdAt).toBeInstanceOf(Date);
    expect(b!.meta).toBeNull();
  });

  it('falls back to drizzle when a defaulted column is set in some rows only (DEFAULT per row)', async () => {
    const rows = await insertManyReturning(db, importRows, [
      row(10, { fileName: 'z', excluded: true }),
      row(11, { fileName: 'z' }),
    ]);
    expect(rows.map((r) => r.excluded)).toEqual([true, false]);
  });

  it('writes contracts (dates, numbers, enums) like drizzle', async () => {
    const base = {
      tenantId: T.tenant.id,
      contactId: T.client.id,
      area: 'insurance' as const,
      product: 'Hausrat',
      createdBy: T.admin.id,
      updatedBy: T.admin.id,
    };
    const [d] = await db
      .insert(contracts)
      .values({ ...base, gdvKey: 'd1' })
      .returning();
    const [m] = await insertManyReturning(db, contracts, [{ ...base, gdvKey: 'm1' }]);
    const { id: _a, gdvKey: _b, createdAt: _c, updatedAt: _d, ...dr } = d!;
    const { id: _e, gdvKey: _f, createdAt: _g, updatedAt: _h, ...mr } = m!;
    expect(mr).toEqual(dr);
  });
});
