import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { ZipArchive } from 'archiver';
import { objectNodeStream } from '../storage';
import type { ZipEntry } from './export-data';

/**
 * The export as a streamed ZIP: daten.json first, then the files one after another from S3 (nothing is
 * held whole in memory). A storage failure midway ends the download with an error, never a short ZIP
 * that looks complete.
 */
export function zipStream(tenantId: string, json: string, entries: ZipEntry[]): ReadableStream {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  archive.on('warning', () => undefined);
  archive.on('error', (error) => out.destroy(error));
  archive.pipe(out);
  void (async () => {
    try {
      archive.append(json, { name: 'daten.json' });
      for (const e of entries) {
        const body = await objectNodeStream(tenantId, e.key);
        archive.append(body, { name: e.name });
        await once(archive, 'entry');
      }
      await archive.finalize();
    } catch (error) {
      out.destroy(error instanceof Error ? error : new Error('export failed'));
    }
  })();
  return Readable.toWeb(out) as ReadableStream;
}
