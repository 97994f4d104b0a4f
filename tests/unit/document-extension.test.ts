/**
 * withExtension is pure but lives in lib/documents/index.ts, which also imports the DB and S3 modules.
 * Both connect lazily (db()/s3() on first use), so importing them here opens no connection.
 */
import { describe, expect, it } from 'vitest';
import { withExtension } from '../../lib/documents';
import { documentUpload } from '../../lib/documents/rules';

describe('withExtension: the stored name ends in the extension of the real type', () => {
  it.each([
    ['rechnung.pdf', 'application/pdf', 'rechnung.pdf'],
    ['rechnung.PDF', 'application/pdf', 'rechnung.PDF'],
    ['rechnung.exe', 'application/pdf', 'rechnung.exe.pdf'],
    ['rechnung', 'application/pdf', 'rechnung.pdf'],
    ['dokument', 'image/png', 'dokument.png'],
    ['foto.jpg', 'image/jpeg', 'foto.jpg'],
    ['foto.JPG', 'image/jpeg', 'foto.JPG'],
    ['foto.jpeg', 'image/jpeg', 'foto.jpeg'],
    ['foto.Jpeg', 'image/jpeg', 'foto.Jpeg'],
    ['foto.png', 'image/jpeg', 'foto.png.jpg'],
    ['scan.pdf', 'image/png', 'scan.pdf.png'],
    ['bild.webp', 'image/webp', 'bild.webp'],
    ['bild.png', 'image/webp', 'bild.png.webp'],
    ['IMG_0001.HEIC', 'image/heic', 'IMG_0001.HEIC'],
    ['IMG_0001.heif', 'image/heif', 'IMG_0001.heif'],
    ['IMG_0001.jpg', 'image/heic', 'IMG_0001.jpg.heic'],
    ['archiv.pdf.zip', 'application/pdf', 'archiv.pdf.zip.pdf'],
    ['nur-pdf', 'application/pdf', 'nur-pdf.pdf'],
    ['endet-auf-pdf', 'application/pdf', 'endet-auf-pdf.pdf'],
  ])('%j as %s → %j', (name, mime, out) => {
    expect(withExtension(name, mime)).toBe(out);
  });

  it.each(['image/gif', 'application/zip', 'text/html', ''])(
    'leaves the name alone for a type it does not know (%j)',
    (mime) => {
      expect(withExtension('datei.bin', mime)).toBe('datei.bin');
    },
  );

  it('knows an extension for every allowed upload type', () => {
    for (const mime of documentUpload.types) expect(withExtension('x', mime), mime).toMatch(/^x\.[a-z]+$/);
  });

  it('is idempotent', () => {
    for (const mime of documentUpload.types)
      expect(withExtension(withExtension('brief.exe', mime), mime)).toBe(withExtension('brief.exe', mime));
  });
});
