import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DomainError } from '../../errors';
import { decodeText, type TextEncoding } from './decode';

/** One row of a table file: its 1-based line and the cells as text (dates as 'YYYY-MM-DD', numbers as text). */
export interface TableRow {
  line: number;
  cells: string[];
}

export interface TableInfo {
  encoding?: TextEncoding;
  delimiter?: string;
}

/** CSV (`;`, `,` or tab, quoted fields) streaming through papaparse; empty lines skipped. */
export async function* csvRows(input: Readable, info: TableInfo = {}): AsyncGenerator<TableRow> {
  const text = decodeText(input, (e) => (info.encoding = e));
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: 'greedy',
  }) as unknown as import('node:stream').Duplex;
  let line = 0;
  text.on('error', (e) => parser.destroy(e));
  text.pipe(parser);
  for await (const raw of parser) {
    line++;
    const cells = (raw as string[]).map((c) => (c ?? '').trim());
    yield { line, cells };
  }
  info.delimiter ??= undefined;
}

/** An Excel date serial (days since 1899-12-30, the 1900 leap bug included) as 'YYYY-MM-DD'. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const ms = Math.round((Math.floor(serial) - 25569) * 86400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v).trim();
}

/** XLSX, first sheet only, streaming through exceljs's WorkbookReader (dates as 'YYYY-MM-DD'). */
export async function* xlsxRows(input: Readable): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = Array.from(values, (v) => cellText(v as ExcelJS.CellValue));
        if (cells.every((c) => c === '')) continue;
        yield { line: row.number, cells };
      }
      break; // the first sheet only
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('invalid', 'import.errors.unreadable');
  }
}

/** The table rows of a file by its name. */
export function tableRows(input: Readable, fileName: string, info: TableInfo = {}): AsyncGenerator<TableRow> {
  return /\.xlsx$/i.test(fileName) ? xlsxRows(input) : csvRows(input, info);
}
