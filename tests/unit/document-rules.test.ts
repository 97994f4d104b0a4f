import { describe, expect, it } from 'vitest';
import { cleanFilename, documentUpload, previewable, uploadMessageKeys } from '../../lib/documents/rules';
import { translate } from '../../lib/i18n';

const uploadMessages = Object.fromEntries(
  Object.entries(uploadMessageKeys).map(([k, key]) => [k, translate('de', key)]),
) as Record<keyof typeof uploadMessageKeys, string>;

describe('previewable', () => {
  it.each([
    ['application/pdf', 'pdf'],
    ['image/jpeg', 'image'],
    ['image/png', 'image'],
    ['image/webp', 'image'],
    // HEIC/HEIF are stored but no browser shows them safely everywhere: download only.
    ['image/heic', null],
    ['image/heif', null],
    ['image/svg+xml', null],
    ['text/html', null],
    ['image/gif', null],
    ['application/octet-stream', null],
    ['', null],
    ['APPLICATION/PDF', null],
    ['application/pdf; charset=binary', null],
  ])('%j → %j', (mime, kind) => {
    expect(previewable(mime)).toBe(kind);
  });

  it('previews only allowed upload types', () => {
    for (const mime of ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'])
      expect(documentUpload.types).toContain(mime);
  });
});

describe('cleanFilename', () => {
  it.each([
    ['rechnung.pdf', 'rechnung.pdf'],
    ['Police 2024 (Kopie).pdf', 'Police 2024 (Kopie).pdf'],
    ['Übersicht_Beiträge.pdf', 'Übersicht_Beiträge.pdf'],
    // paths are cut to the last segment, both separators
    ['/etc/passwd', 'passwd'],
    ['../../geheim.pdf', 'geheim.pdf'],
    ['C:\\Users\\Anna\\Desktop\\scan.jpg', 'scan.jpg'],
    ['a/b\\c/d.png', 'd.png'],
    // control characters, quotes and characters Windows refuses
    ['a\u0000b.pdf', 'a_b.pdf'],
    ['zeile\r\numbruch.pdf', 'zeile__umbruch.pdf'],
    ['tab\there.pdf', 'tab_here.pdf'],
    ['del\u007f.pdf', 'del_.pdf'],
    ['"quoted".pdf', '_quoted_.pdf'],
    ['<script>.pdf', '_script_.pdf'],
    ['a|b*c?d:e.pdf', 'a_b_c_d_e.pdf'],
    // surrounding spaces
    ['  scan.pdf  ', 'scan.pdf'],
  ])('%j → %j', (input, out) => {
    expect(cleanFilename(input)).toBe(out);
  });

  it.each(['', '   ', '/', 'ordner/', 'C:\\temp\\', '\\'])('%j → "dokument"', (input) => {
    expect(cleanFilename(input)).toBe('dokument');
  });

  it('bounds the length to 160 characters', () => {
    const long = `${'a'.repeat(300)}.pdf`;
    expect(cleanFilename(long)).toBe('a'.repeat(160));
    expect(cleanFilename('b'.repeat(160))).toHaveLength(160);
    expect(cleanFilename(`dir/${'c'.repeat(200)}`)).toBe('c'.repeat(160));
  });

  it('never returns a path separator, control character or quote', () => {
    const nasty = ['..\\..\\x"y\u0001z\u001f.pdf', 'a/"b"\n.pdf', '\u0000\u0000', '"/"'];
    for (const name of nasty) {
      const clean = cleanFilename(name);
      expect(clean).not.toMatch(/[\\/\u0000-\u001f\u007f"<>|*?:]/);
      expect(clean.length).toBeGreaterThan(0);
    }
  });

  it('is idempotent', () => {
    for (const name of ['rechnung.pdf', '../x".pdf', 'a'.repeat(200), '', ' a\tb '])
      expect(cleanFilename(cleanFilename(name))).toBe(cleanFilename(name));
  });

  it('does not cut a character in half at the length bound', () => {
    const clean = cleanFilename(`${'a'.repeat(159)}😀.pdf`);
    expect(clean.isWellFormed()).toBe(true);
  });
});

describe('documentUpload settings', () => {
  it('allows PDF, JPEG, PNG, WebP, HEIC and HEIF only', () => {
    expect([...documentUpload.types].sort()).toEqual([
      'application/pdf',
      'image/heic',
      'image/heif',
      'image/jpeg',
      'image/png',
      'image/webp',
    ]);
  });

  it('offers every allowed type in the file chooser, and nothing else', () => {
    const accept = documentUpload.accept.split(',');
    for (const mime of documentUpload.types) expect(accept).toContain(mime);
    for (const ext of ['.pdf', '.jpg', '.jpeg', '.png', '.webp', '.heic', '.heif']) expect(accept).toContain(ext);
    for (const entry of accept) expect(entry.startsWith('.') || documentUpload.types.includes(entry), entry).toBe(true);
    expect(accept).not.toContain('.svg');
    expect(accept).not.toContain('image/*');
  });

  it('has a 20 MB limit and German messages', () => {
    expect(documentUpload.maxBytes).toBe(20 * 1024 * 1024);
    expect(uploadMessages.size).toContain('20 MB');
    for (const message of Object.values(uploadMessages)) expect(message).toMatch(/^Die(se)? /);
  });
});
