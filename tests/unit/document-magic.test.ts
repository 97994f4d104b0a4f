/**
 * The server accepts an upload by its real bytes: `fileTypeFromBuffer` (file-type) on the first 4100 bytes,
 * then the mime must be in documentUpload.types (lib/storage/files.ts verifyUpload). This table feeds it
 * real file headers, built by hand or with sharp.
 */
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentUpload } from '../../lib/documents/rules';

/** What verifyUpload does with the bytes it reads (Range: bytes=0-4099). */
async function accepted(bytes: Uint8Array): Promise<string | null> {
  const type = await fileTypeFromBuffer(bytes.subarray(0, 4100));
  return type && documentUpload.types.includes(type.mime) ? type.mime : null;
}

const ascii = (s: string) => Buffer.from(s, 'latin1');
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
/** An ISO-BMFF `ftyp` box: size, 'ftyp', major brand, minor version, compatible brands. */
const ftyp = (major: string, compatible: string[]) => {
  const body = Buffer.concat([ascii(major), u32(0), ...compatible.map(ascii)]);
  return Buffer.concat([u32(8 + body.length), ascii('ftyp'), body]);
};
/** A ZIP with one stored, empty file: local file header, central directory, end record. */
const zip = (name: string) => {
  const n = ascii(name);
  const local = Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0x21, 0]),
    Buffer.alloc(12),
    Buffer.from([n.length, 0, 0, 0]),
    n,
  ]);
  const central = Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x01, 0x02, 20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0x21, 0]),
    Buffer.alloc(12),
    Buffer.from([n.length, 0]),
    Buffer.alloc(12),
    Buffer.alloc(4),
    n,
  ]);
  const end = Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0]),
    Buffer.from([central.length, 0, 0, 0]),
    Buffer.from([local.length, 0, 0, 0]),
    Buffer.from([0, 0]),
  ]);
  return Buffer.concat([local, central, end]);
};

const pdf = ascii(
  '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

const images: Record<'jpeg' | 'png' | 'webp', Buffer> = {
  jpeg: Buffer.alloc(0),
  png: Buffer.alloc(0),
  webp: Buffer.alloc(0),
};

beforeAll(async () => {
  const base = sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 60 } } });
  images.jpeg = await base.clone().jpeg().toBuffer();
  images.png = await base.clone().png().toBuffer();
  images.webp = await base.clone().webp().toBuffer();
});

describe('magic bytes → accepted types', () => {
  it.each([
    ['PDF', 'application/pdf', () => pdf],
    ['PDF 1.4 header only', 'application/pdf', () => ascii('%PDF-1.4\n')],
    ['JPEG (sharp)', 'image/jpeg', () => images.jpeg],
    [
      'JPEG/JFIF header',
      'image/jpeg',
      () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
    ],
    [
      'JPEG/Exif header',
      'image/jpeg',
      () => Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00]),
    ],
    ['PNG (sharp)', 'image/png', () => images.png],
    ['WebP (sharp)', 'image/webp', () => images.webp],
    ['HEIC (ftyp heic)', 'image/heic', () => ftyp('heic', ['mif1', 'heic'])],
    ['HEIC (ftyp heix)', 'image/heic', () => ftyp('heix', ['mif1', 'heix'])],
    ['HEIF (ftyp mif1)', 'image/heif', () => ftyp('mif1', ['mif1', 'heic'])],
  ])('%s → %s', async (_name, mime, bytes) => {
    expect(await accepted(bytes())).toBe(mime);
  });

  it('the sharp images are real images (sanity)', async () => {
    for (const b of Object.values(images)) expect((await sharp(b).metadata()).width).toBe(64);
    expect(images.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(images.webp.subarray(8, 12).toString('latin1')).toBe('WEBP');
  });

  it('detects large images from their first 4100 bytes, as the server reads them', async () => {
    const width = 256;
    const height = 256;
    const noise = Buffer.alloc(width * height * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24; // deterministic noise, compresses badly
    const raw = () => sharp(noise, { raw: { width, height, channels: 3 } });
    for (const [mime, big] of [
      ['image/jpeg', await raw().jpeg({ quality: 95 }).toBuffer()],
      ['image/png', await raw().png().toBuffer()],
      ['image/webp', await raw().webp({ quality: 95 }).toBuffer()],
    ] as const) {
      expect(big.length, mime).toBeGreaterThan(4100);
      expect(await accepted(big)).toBe(mime);
    }
  });
});

describe('magic bytes → refused', () => {
  const text = (s: string) => Buffer.from(s, 'utf8');
  it.each([
    [
      'EXE (MZ)',
      'application/x-msdownload',
      () => Buffer.concat([ascii('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff'), Buffer.alloc(64)]),
    ],
    [
      'SVG text',
      undefined,
      () => text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'),
    ],
    [
      'SVG without XML declaration',
      undefined,
      () => text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
    ['HTML text', undefined, () => text('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>')],
    ['ZIP', 'application/zip', () => zip('a.txt')],
    ['GIF89a', 'image/gif', () => Buffer.concat([ascii('GIF89a'), Buffer.from([1, 0, 1, 0, 0x80, 0, 0])])],
    ['GIF87a', 'image/gif', () => Buffer.concat([ascii('GIF87a'), Buffer.from([1, 0, 1, 0, 0, 0, 0])])],
    ['empty buffer', undefined, () => Buffer.alloc(0)],
    ['text file renamed .pdf', undefined, () => text('Sehr geehrte Damen und Herren,\nanbei die Unterlagen.\n')],
    ['PDF signature not at the start', undefined, () => text(' %PDF-1.7\n')],
    ['HEIF image sequence (ftyp msf1)', 'image/heif-sequence', () => ftyp('msf1', ['msf1', 'mif1'])],
    ['HEIC sequence (ftyp hevc)', 'image/heic-sequence', () => ftyp('hevc', ['msf1', 'hevc'])],
    ['AVIF (ftyp avif)', 'image/avif', () => ftyp('avif', ['mif1', 'avif'])],
    ['MP4 (ftyp isom)', 'video/mp4', () => ftyp('isom', ['isom', 'mp41'])],
    ['TIFF', undefined, () => Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00])],
  ])('%s → %s, not allowed', async (_name, detected, bytes) => {
    const b = bytes();
    const type = await fileTypeFromBuffer(b);
    if (detected === undefined) expect(type?.mime).not.toBeOneOf([...documentUpload.types]);
    else expect(type?.mime).toBe(detected);
    expect(await accepted(b)).toBeNull();
  });

  it('GIF made by sharp is refused too', async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect((await fileTypeFromBuffer(gif))?.mime).toBe('image/gif');
    expect(await accepted(gif)).toBeNull();
  });

  it('a file name does not matter, only the bytes do (an EXE named .pdf, a PDF named .exe)', async () => {
    // fileTypeFromBuffer never sees the name; this documents that the check cannot be fooled by it.
    expect(await accepted(Buffer.concat([ascii('MZ'), Buffer.alloc(100)]))).toBeNull();
    expect(await accepted(pdf)).toBe('application/pdf');
  });
});
