/**
 * The import framework's contract (issue 14). A *source* turns the bytes of one uploaded file (streamed from
 * S3, ZIP entries already expanded) into proposed changes; the job stores them as `import_rows`; the review
 * shows them; an *applier* writes the accepted ones and can undo them. CSV/XLSX contacts
 * (lib/import/contacts/) and GDV VUVM contracts (lib/import/gdv/) are two sources of the same job.
 */
import type { Readable } from 'node:stream';
import type { Ctx } from '../ctx';
import type { Tx } from '../db/client';
import type { MessageKey } from '../i18n';

/** What the user chose to import (one job = one kind). */
export type ImportKind = 'contacts' | 'gdv';
/** What a proposed row changes. */
export type RowKind = 'contact' | 'contract' | 'person' | 'provider';
/**
 * The order rows are applied in (undo: reversed): a GDV insurer (provider) and the persons before the
 * contracts that need them. 'person' is a GDV 0100 person (a contact matched or created by lib/import/gdv).
 */
export const rowKindOrder: readonly RowKind[] = ['provider', 'contact', 'person', 'contract'];
/** neu / geändert / unverändert / Fehler (stored in English; the review labels them). */
export type RowStatus = 'new' | 'changed' | 'unchanged' | 'error';

/** A German (and English) reason from the catalogs, e.g. `import.reasons.emailTwice`, with where it happened. */
export interface RowReason {
  key: MessageKey;
  values?: Record<string, string | number>;
  /** The field / column the reason is about (shown next to the line). */
  field?: string;
}

/** Flat field values: strings, numbers, booleans, null; jsonb-safe. Dates as 'YYYY-MM-DD'. */
export type FieldValues = Record<string, string | number | boolean | null>;

/** One proposed change, as a source yields it. */
export interface ProposedRow {
  /** 1-based line (CSV/XLSX row, GDV record number) inside the file. */
  line: number;
  kind: RowKind;
  /** The key the row is matched by: lower(e-mail) for contacts, `vu|sparte|vsnr|folge` for contracts. */
  matchKey: string | null;
  /** The matched existing row (users.id / contracts.id); null = new. */
  targetId: string | null;
  /** More than one possible target: the user decides in the review (`decision`), status stays as proposed. */
  candidates?: { id: string; label: string }[];
  /** The target's current values of the fields in `after` (null for new rows). */
  before: FieldValues | null;
  /** The values the applier writes (for a new row: all of them). */
  after: FieldValues;
  status: RowStatus;
  /** Required when status is 'error'; optional hint otherwise (e.g. `import.reasons.missingData`). */
  reason?: RowReason;
  /**
   * Rows of one group (a GDV Datenpaket) stand or fall together: a source that finds the group broken
   * yields its rows as 'error' itself. Also lets an applier find a sibling (person of a contract).
   */
  group?: string;
  /** Another row of the same job this one needs applied first (e.g. the contract's person), by kind+matchKey. */
  dependsOn?: { kind: RowKind; matchKey: string };
  /**
   * The group turned out broken after some of its rows were yielded (a GDV Datenpaket refused at its end):
   * the job marks every stored row of `group` as 'error' with this row's reason, then stores this row.
   */
  failsGroup?: boolean;
}

/** What a source sees while checking (read only: a check never writes domain tables). */
export interface SourceContext {
  db: Tx;
  tenantId: string;
  jobId: string;
  /** The job's options (e.g. the contacts' column mapping) as stored on the job. */
  options: Record<string, unknown>;
  /** Name of the file (inside the ZIP when from an archive). */
  fileName: string;
}

/** Counted by the source, shown in the review (e.g. `{ skippedRecords: 3 }` for unknown Satzarten). */
export type SourceStats = Record<string, number>;

export interface ImportSource {
  kind: ImportKind;
  /** Whether this source reads a file of this name (ZIP entries are filtered by it). */
  accepts(fileName: string): boolean;
  /**
   * Streams the file and yields its proposed rows in file order. MUST be deterministic for the same bytes and
   * database state: a resumed check re-reads the file from the start and the job skips rows it has already
   * stored (unique job+file+line+kind), so a source may keep in-memory state (e.g. e-mails seen so far).
   * Never buffer the whole file. `stats` may be filled while iterating.
   */
  check(stream: Readable, ctx: SourceContext, stats: SourceStats): AsyncIterable<ProposedRow>;
}

/** A stored row as the applier gets it (the review may have changed `targetId` by a decision). */
export interface StoredRow {
  id: string;
  jobId: string;
  line: number;
  fileName: string;
  kind: RowKind;
  status: RowStatus;
  matchKey: string | null;
  /** The target after the user's decision (decision wins over the proposal). */
  targetId: string | null;
  before: FieldValues | null;
  after: FieldValues;
  dependsOn: { kind: RowKind; matchKey: string } | null;
}

/** What an applier stores for the undo: the target's values right before the write and its updated_at after. */
export interface Applied {
  targetId: string;
  created: boolean;
  /** Values before the write (null when created). */
  previous: FieldValues | null;
  /** The target's updated_at (ISO) right after the write: undo leaves the target when it moved since. */
  stamp: string | null;
}

export type UndoOutcome = 'undone' | 'left';

/** A row an applier refused (catalog key, stored as the row's apply error; the chunk goes on). */
export interface Refused {
  refused: string;
}

/** The applied (or matched) target ids of `dependsOn` rows of the same job, by `${kind}|${matchKey}`. */
export type ResolveMany = (refs: { kind: RowKind; matchKey: string }[]) => Promise<Map<string, string>>;

export interface ImportApplier {
  kind: RowKind;
  /**
   * Writes one accepted row inside the batch's transaction (`ctx.db` is the tx; the job writes the row's
   * applied state in the same tx, so a restart never writes a row twice). Audit rows here; never mail,
   * never an account. `resolve` gives the applied target id of a `dependsOn` row of the same job.
   */
  apply(
    ctx: Ctx,
    row: StoredRow,
    resolve: (kind: RowKind, matchKey: string) => Promise<string | null>,
  ): Promise<Applied>;
  /**
   * Optional bulk form of `apply` for one chunk of rows of this kind (a few hundred): the same semantics with
   * set-based SQL (preloaded lookups, multi-row INSERT, bulk audit rows) inside the chunk's transaction.
   * Returns each row's Applied or Refused by row id. If it throws, the job redoes the chunk row by row.
   */
  applyMany?(ctx: Ctx, rows: StoredRow[], resolve: ResolveMany): Promise<Map<string, Applied | Refused>>;
  /** Removes what `apply` created / restores `previous`, unless someone touched the target since (→ 'left'). */
  undo(ctx: Ctx, row: StoredRow, applied: Applied): Promise<UndoOutcome>;
}
export type { ImportRow, ImportJob } from '../db/schema';
