import { eq } from 'drizzle-orm';
import type { Ctx } from '../ctx';
import { importMappings } from '../db/schema';
import { detectMapping, type ColumnMapping } from './contacts/columns';
import { tableRows } from './contacts/table';
import { jobFiles } from './files';
import { importJob } from './jobs';
import { sources } from './registry';

export interface Preview {
  headers: string[];
  samples: string[][];
  mapping: ColumnMapping;
  fileName: string;
}

/**
 * The column mapping step: the header row and a few rows of the file (read streaming; the rest is never
 * fetched) and the proposed mapping (the tenant's last mapping by header, else detected).
 */
export async function previewImport(ctx: Ctx, id: string, sampleRows = 3): Promise<Preview | null> {
  const job = await importJob(ctx, id);
  const source = sources[job.kind];
  if (!source || job.kind !== 'contacts') return null;
  const [remembered] = await ctx.db.select().from(importMappings).where(eq(importMappings.tenantId, ctx.tenant.id));
  for await (const file of jobFiles(ctx.tenant.id, job.fileKeys, job.fileName, (n) => source.accepts(n))) {
    const rows: string[][] = [];
    try {
      for await (const row of tableRows(file.stream, file.name)) {
        rows.push(row.cells);
        if (rows.length > sampleRows) break;
      }
    } finally {
      file.stream.destroy();
    }
    const headers = rows[0] ?? [];
    return {
      headers,
      samples: rows.slice(1),
      mapping: detectMapping(headers, remembered?.contacts ?? {}),
      fileName: file.name,
    };
  }
  return null;
}
