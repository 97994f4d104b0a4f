import type { Readable } from 'node:stream';
import unzipper from 'unzipper';
import { objectNodeStream } from '../storage';

export interface JobFile {
  name: string;
  stream: Readable;
}

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Peeks the first bytes of a stream without consuming them. */
async function peek(stream: Readable, n: number): Promise<Buffer> {
  for (;;) {
    const chunk = stream.read() as Buffer | null;
    if (chunk) {
      stream.unshift(chunk);
      return chunk.subarray(0, n);
    }
    if (stream.readableEnded) return Buffer.alloc(0);
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        stream.off('readable', done);
        stream.off('end', done);
        stream.off('error', fail);
        resolve();
      };
      const fail = (e: Error) => reject(e);
      stream.once('readable', done);
      stream.once('end', done);
      stream.once('error', fail);
    });
  }
}

/**
 * The files of one stored object, one after the other and streaming: the object itself, or – for a ZIP –
 * each entry the source accepts (read by unzipper's streaming parser; nothing is kept in memory). The caller
 * must consume (or resume) each stream before the next is produced.
 */
export async function* filesOf(
  open: () => Promise<Readable>,
  name: string,
  accepts: (fileName: string) => boolean,
): AsyncGenerator<JobFile> {
  const stream = await open();
  const head = await peek(stream, 4);
  if (!head.equals(zipMagic) || /\.xlsx$/i.test(name)) {
    yield { name, stream };
    return;
  }
  const entries = stream.pipe(unzipper.Parse({ forceStream: true }));
  for await (const raw of entries) {
    const entry = raw as unzipper.Entry;
    const entryName = entry.path.split('/').pop() ?? entry.path;
    if (entry.type !== 'File' || entryName.startsWith('.') || !accepts(entryName)) {
      entry.autodrain();
      continue;
    }
    yield { name: entryName, stream: entry };
  }
}

/** The files of a job's stored object(s) in S3. */
export async function* jobFiles(
  tenantId: string,
  keys: readonly string[],
  fileName: string,
  accepts: (fileName: string) => boolean,
): AsyncGenerator<JobFile> {
  for (const key of keys) yield* filesOf(() => objectNodeStream(tenantId, key), fileName, accepts);
}
