/**
 * Splits a GDV byte stream into its 256-character records. Records end with LF, CRLF or nothing at all (the
 * first record decides); the bytes are ISO-8859-1, one byte per character, so each record is decoded on its
 * own (the same result as decoding the whole file once). Memory: one chunk plus one record.
 */
export const RECORD_LENGTH = 256;

export type Separator = 'lf' | 'crlf' | 'none';

export interface RawRecord {
  /** 1-based line (record) number in the file. */
  line: number;
  text: string;
  /** Set when the record is not 256 characters long (the text is what came). */
  length: number;
}

const LF = 0x0a;
const CR = 0x0d;
const EOF_MARK = 0x1a;

function isBlank(buf: Buffer): boolean {
  for (const b of buf) if (b !== 0x20 && b !== CR && b !== LF && b !== EOF_MARK) return false;
  return true;
}

/** Yields every record with its line number; short or long records come with their real length. */
export async function* gdvRecords(source: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<RawRecord> {
  let carry: Buffer = Buffer.alloc(0);
  let separator: Separator | null = null;
  let line = 0;

  for await (const piece of source) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece, 'latin1') : Buffer.from(piece);
    let buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let pos = 0;
    for (;;) {
      if (separator === 'none') {
        if (buf.length - pos < RECORD_LENGTH) break;
        line++;
        yield { line, text: buf.toString('latin1', pos, pos + RECORD_LENGTH), length: RECORD_LENGTH };
        pos += RECORD_LENGTH;
        continue;
      }
      const lf = buf.indexOf(LF, pos);
      if (lf < 0) {
        // No line end yet: a record without separators once more than one record's bytes are here.
        if (separator === null && buf.length - pos > RECORD_LENGTH + 1) {
          separator = 'none';
          continue;
        }
        if (buf.length - pos > 64 * 1024) {
          // A line end that never comes in LF mode: hand the bytes out as one long record.
          line++;
          yield { line, text: buf.toString('latin1', pos, pos + RECORD_LENGTH), length: buf.length - pos };
          pos = buf.length;
        }
        break;
      }
      let end = lf;
      if (end > pos && buf[end - 1] === CR) end--;
      if (separator === null) {
        if (end - pos > RECORD_LENGTH && lf - pos > RECORD_LENGTH + 1) {
          separator = 'none';
          continue;
        }
        separator = end < lf ? 'crlf' : 'lf';
      }
      const slice = buf.subarray(pos, end);
      pos = lf + 1;
      if (slice.length === 0 || isBlank(slice)) continue; // empty lines (e.g. at the end) carry nothing
      line++;
      yield { line, text: slice.toString('latin1', 0, Math.min(slice.length, RECORD_LENGTH)), length: slice.length };
    }
    carry = pos < buf.length ? Buffer.from(buf.subarray(pos)) : Buffer.alloc(0);
    buf = Buffer.alloc(0);
  }
  if (carry.length && !isBlank(carry)) {
    let end = carry.length;
    while (end > 0 && (carry[end - 1] === CR || carry[end - 1] === EOF_MARK)) end--;
    line++;
    yield { line, text: carry.toString('latin1', 0, Math.min(end, RECORD_LENGTH)), length: end };
  }
}
