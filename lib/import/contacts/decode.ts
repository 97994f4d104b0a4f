import { Transform, type Readable } from 'node:stream';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'windows-1252';

/** Whether the bytes are valid UTF-8 (an incomplete sequence at the very end is allowed: the chunk was cut). */
export function looksUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (len === 0) return false;
    if (i + len > n) return true;
    for (let k = 1; k < len; k++) if (bytes[i + k]! >> 6 !== 0b10) return false;
    i += len;
  }
  return true;
}

/**
 * Decodes a text file streaming: UTF-8 with or without BOM, else Windows-1252 (what Excel writes as
 * "CSV (Trennzeichen-getrennt)"). The encoding is decided on the first 64 KiB.
 */
export function decodeText(input: Readable, onEncoding?: (e: TextEncoding) => void): Readable {
  let decoder: ReturnType<typeof iconv.getDecoder> | null = null;
  let head: Buffer[] = [];
  let headBytes = 0;
  const decide = (out: Transform) => {
    const all = Buffer.concat(head);
    head = [];
    const bom = all.length >= 3 && all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf;
    const encoding: TextEncoding = bom || looksUtf8(all) ? 'utf-8' : 'windows-1252';
    onEncoding?.(encoding);
    decoder = iconv.getDecoder(encoding === 'utf-8' ? 'utf8' : 'win1252', { stripBOM: true });
    const text = decoder.write(all);
    if (text) out.push(text);
  };
  const transform = new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      if (decoder) {
        const text = decoder.write(chunk);
        if (text) this.push(text);
        return done();
      }
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes >= 64 * 1024) decide(this);
      done();
    },
    flush(done) {
      if (!decoder) decide(this);
      const rest = decoder!.end();
      if (rest) this.push(rest);
      done();
    },
  });
  transform.setEncoding('utf8');
  input.on('error', (e) => transform.destroy(e));
  return input.pipe(transform);
}
