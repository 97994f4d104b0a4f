/** CSV for the FRISTEN export: semicolons and a BOM (German spreadsheets), quoted, formula-safe. */

/** A cell: quoted; a leading = + - @ (or tab/CR) gets an apostrophe so spreadsheets do not run it. */
export function csvCell(value: string | number | null | undefined): string {
  let v = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return `"${v.replace(/"/g, '""')}"`;
}

export const csvLine = (cells: (string | number | null | undefined)[]) => `${cells.map(csvCell).join(';')}\r\n`;

export const bom = '\uFEFF';
