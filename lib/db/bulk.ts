/**
 * Multi-row INSERT for the bulk writers (the import: 500 rows a statement). Drizzle's `insert().values(rows)`
 * builds one SQL object per value and a $n parameter each (8,000 for 500 import rows); for the 50,000-contract
 * GDV bench that was 62 % of everything the review allocated and most of the app server's memory rise (issue
 * 14). Here the rows travel as one JSON parameter and PostgreSQL unpacks them with `jsonb_to_recordset`:
 * one string per statement, the same columns, defaults and conversions as drizzle's insert.
 *
 * Rules kept from drizzle: a column no row sets gets its database default (or its `$defaultFn`); values go
 * through the column's `mapToDriverValue` (jsonb stays an object inside the JSON); RETURNING rows come back
 * with the table's property names and `mapFromDriverValue`. When a column with a default is set in some rows
 * and left out in others, the call falls back to drizzle's insert (which writes DEFAULT per row).
 */
import {
  getTableColumns,
  getTableName,
  is,
  sql,
  SQL,
  type Column,
  type InferInsertModel,
  type InferSelectModel,
} from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './client';

interface BulkOptions {
  /** ON CONFLICT DO NOTHING (rows a unique index already holds are skipped, and not returned). */
  onConflictDoNothing?: boolean;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A row's value for the JSON: the driver value (jsonb as the object itself), undefined for "not set". */
function driverValue(column: Column, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (column.getSQLType() === 'jsonb' || column.getSQLType() === 'json') return value;
  return column.mapToDriverValue(value);
}

type Prepared = { columns: Column[]; json: string } | null;

/**
 * The rows as one JSON array of objects keyed by column name, written as a string row by row (no object per
 * row in between: that was most of what this module allocated).
 */
function prepare<T extends PgTable>(table: T, rows: InferInsertModel<T>[]): Prepared {
  const all = getTableColumns(table) as Record<string, Column>;
  const used = new Set<string>();
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    for (const k in r) if (r[k] !== undefined && k in all) used.add(k);
  }
  // JS-side defaults of columns no row sets (drizzle calls them per row too).
  const generated = Object.keys(all).filter(
    (k) => !used.has(k) && (all[k]!.defaultFn || (!all[k]!.default && all[k]!.onUpdateFn)),
  );
  const keys = [...used, ...generated];
  const columns = keys.map((k) => all[k]!);
  const names = columns.map((c) => `${JSON.stringify(c.name)}:`);
  const parts: string[] = [];
  for (const row of rows) {
    let line = '{';
    for (let i = 0; i < keys.length; i++) {
      const column = columns[i]!;
      let value = (row as Record<string, unknown>)[keys[i]!];
      if (value === undefined) {
        const fn = column.defaultFn ?? (!column.default ? column.onUpdateFn : undefined);
        if (fn) value = fn();
        else if (column.hasDefault)
          return null; // DEFAULT in some rows only: drizzle's insert does that
        else value = null;
        if (is(value, SQL)) return null;
      }
      line += (i ? ',' : '') + names[i] + (JSON.stringify(driverValue(column, value)) ?? 'null');
    }
    parts.push(line + '}');
  }
  return { columns, json: `[${parts.join(',')}]` };
}

function statement(table: PgTable, p: NonNullable<Prepared>, options: BulkOptions, returning: Column[] | null): SQL {
  const cols = p.columns.map((c) => ident(c.name)).join(', ');
  const defs = p.columns.map((c) => `${ident(c.name)} ${c.getSQLType()}`).join(', ');
  return sql.join(
    [
      sql.raw(`INSERT INTO ${ident(getTableName(table))} (${cols}) SELECT ${cols} FROM jsonb_to_recordset(`),
      sql`${p.json}::jsonb`,
      sql.raw(`) AS r(${defs})`),
      sql.raw(options.onConflictDoNothing ? ' ON CONFLICT DO NOTHING' : ''),
      sql.raw(returning ? ` RETURNING ${returning.map((c) => ident(c.name)).join(', ')}` : ''),
    ],
    sql.raw(''),
  );
}

function fromDriver(columns: [string, Column][], raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, column] of columns) {
    const v = raw[column.name];
    out[k] = v === null || v === undefined ? null : column.mapFromDriverValue(v);
  }
  return out;
}

/** INSERT of many rows in one statement (see above); nothing is returned. */
export async function insertMany<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: InferInsertModel<T>[],
  options: BulkOptions = {},
): Promise<void> {
  if (rows.length === 0) return;
  const p = prepare(table, rows);
  if (!p) {
    const q = tx.insert(table).values(rows as never);
    await (options.onConflictDoNothing ? q.onConflictDoNothing() : q);
    return;
  }
  await tx.execute(statement(table, p, options, null));
}

/**
 * The same with RETURNING: the rows written (skipped conflicts are missing), as drizzle's select model, or only
 * the properties named in `pick` (less to read back for the bulk writers).
 */
export async function insertManyReturning<T extends PgTable, K extends keyof InferSelectModel<T> & string>(
  tx: Tx,
  table: T,
  rows: InferInsertModel<T>[],
  options: BulkOptions & { pick?: K[] } = {},
): Promise<Pick<InferSelectModel<T>, K>[]> {
  if (rows.length === 0) return [];
  const all = getTableColumns(table) as Record<string, Column>;
  const picked = Object.entries(all).filter(([k]) => !options.pick || (options.pick as string[]).includes(k));
  const p = prepare(table, rows);
  if (!p) {
    const q = tx.insert(table).values(rows as never);
    const fields = Object.fromEntries(picked) as never;
    return (await (options.onConflictDoNothing ? q.onConflictDoNothing() : q).returning(fields)) as Pick<
      InferSelectModel<T>,
      K
    >[];
  }
  const result = await tx.execute(
    statement(
      table,
      p,
      options,
      picked.map(([, c]) => c),
    ),
  );
  return (result as unknown as Record<string, unknown>[]).map(
    (r) => fromDriver(picked, r) as Pick<InferSelectModel<T>, K>,
  );
}
