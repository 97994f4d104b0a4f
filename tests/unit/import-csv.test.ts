import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectField, detectMapping, parseImportDate, parseSalutation } from '../../lib/import/contacts/columns';
import { looksUtf8 } from '../../lib/import/contacts/decode';
import { csvRows, excelSerialToIso, xlsxRows } from '../../lib/import/contacts/table';
import { validateContact } from '../../lib/import/contacts/validate';
import { csvCell } from '../../lib/import/csv-cell';

async function rows(input: Buffer | string, chunk = 7) {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input);
  // Small chunks: a multi-byte character or a quoted field may be cut anywhere.
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  const info = {};
  const out: string[][] = [];
  for await (const r of csvRows(Readable.from(parts), info)) out.push(r.cells);
  return { out, info: info as { encoding?: string } };
}

describe('CSV dialects and encodings', () => {
  it.each([
    [';', 'Vorname;Nachname\r\nJörg;Müller\r\n'],
    [',', 'Vorname,Nachname\nJörg,Müller\n'],
    ['tab', 'Vorname\tNachname\nJörg\tMüller'],
  ])('detects the delimiter %s', async (_name, text) => {
    expect((await rows(text)).out).toEqual([
      ['Vorname', 'Nachname'],
      ['Jörg', 'Müller'],
    ]);
  });

  it('reads quoted fields with delimiters, quotes and line breaks inside', async () => {
    const { out } = await rows('Name;Notiz\n"Müller; Jörg";"sagt ""hallo""\nzweite Zeile"\n');
    expect(out[1]).toEqual(['Müller; Jörg', 'sagt "hallo"\nzweite Zeile']);
  });

  it('UTF-8 with BOM, without BOM and Windows-1252 are told apart', async () => {
    const text = 'Nachname;Ort\nMüller;Köln\n';
    const bom = await rows(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(bom.out[0]).toEqual(['Nachname', 'Ort']);
    expect(bom.info.encoding).toBe('utf-8');
    expect((await rows(text)).out[1]).toEqual(['Müller', 'Köln']);
    const latin = await rows(iconv.encode('Nachname;Ort\nMüller;Köln – Süd €\n', 'win1252'));
    expect(latin.info.encoding).toBe('windows-1252');
    expect(latin.out[1]).toEqual(['Müller', 'Köln – Süd €']);
  });

  it('looksUtf8 accepts a sequence cut at the end and refuses Latin-1', () => {
    expect(looksUtf8(Buffer.from('Mü').subarray(0, 2))).toBe(true);
    expect(looksUtf8(Buffer.from([0x4d, 0xfc, 0x6c]))).toBe(false);
  });
});

describe('header detection', () => {
  it('maps German and English headers, each field once', () => {
    expect(detectField('E-Mail')).toBe('email');
    expect(detectField('Straße')).toBe('street');
    expect(detectField('Date of birth')).toBe('birthDate');
    expect(detectField('PLZ')).toBe('zip');
    expect(detectField('Kd.-Nr.')).toBe('customerNumber');
    expect(detectMapping(['Vorname', 'Name', 'Nachname', 'Foo', 'Mobile'])).toEqual({
      '0': 'firstName',
      '1': 'lastName',
      '2': '',
      '3': '',
      '4': 'mobile',
    });
  });

  it('prefers the remembered mapping by header', () => {
    expect(detectMapping(['Name', 'Info'], { name: 'company', info: 'note' })).toEqual({ '0': 'company', '1': 'note' });
  });
});

describe('dates and values', () => {
  it('reads TT.MM.JJJJ, JJJJ-MM-TT and Excel serials; refuses impossible dates', () => {
    expect(parseImportDate('01.02.1980')).toBe('1980-02-01');
    expect(parseImportDate('1.2.1980')).toBe('1980-02-01');
    expect(parseImportDate('1980-02-01')).toBe('1980-02-01');
    expect(parseImportDate('29221')).toBe('1980-01-01');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(parseImportDate('31.02.1990')).toBeNull();
    expect(parseImportDate('01.02.80')).toBeNull();
    expect(parseImportDate('morgen')).toBeNull();
  });

  it('salutations and firms', () => {
    expect(parseSalutation('Hr.')).toBe('Herr');
    expect(parseSalutation('Mrs')).toBe('Frau');
    expect(parseSalutation('Firma')).toBe('firm');
    expect(parseSalutation('Exzellenz')).toBeUndefined();
    const firm = validateContact({ salutation: 'Firma', company: 'Ärger GmbH' });
    expect(firm).toMatchObject({ ok: true, contact: { company: 'Ärger GmbH', lastName: 'Ärger GmbH' } });
  });

  it('the rules of KONTAKT ERSTELLEN with their keys and fields', () => {
    expect(validateContact({ firstName: 'A', lastName: 'B', email: 'nope' })).toMatchObject({
      ok: false,
      reason: { key: 'forms.emailInvalid', field: 'email' },
    });
    expect(validateContact({ firstName: 'A', lastName: 'B', zip: '123' })).toMatchObject({
      ok: false,
      reason: { key: 'forms.zipInvalid', field: 'zip' },
    });
    expect(validateContact({ firstName: 'A' })).toMatchObject({ ok: false, reason: { field: 'lastName' } });
    expect(validateContact({ firstName: 'A', lastName: 'B', email: 'A@B.example' })).toMatchObject({
      ok: true,
      contact: { email: 'a@b.example', birthDate: null },
    });
  });

  it('CSV cells of the refused-rows file are quoted and defused', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(null)).toBe('');
  });
});

describe('XLSX', () => {
  it('reads the first sheet streaming, dates as ISO', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Kontakte');
    sheet.addRow(['Vorname', 'Nachname', 'Geburtsdatum', 'PLZ']);
    sheet.addRow(['Jörg', 'Müller', new Date(Date.UTC(1980, 1, 1)), 10115]);
    wb.addWorksheet('Zweites').addRow(['nicht', 'lesen']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const out: string[][] = [];
    for await (const r of xlsxRows(Readable.from([buffer]))) out.push(r.cells);
    expect(out).toEqual([
      ['Vorname', 'Nachname', 'Geburtsdatum', 'PLZ'],
      ['Jörg', 'Müller', '1980-02-01', '10115'],
    ]);
  });
});
