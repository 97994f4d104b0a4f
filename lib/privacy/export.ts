import { mayExport, mayExportOwn, exportScope } from '../access/privacy';
import { requireRight } from '../access/require';
import { viewerOf } from '../access/viewer';
import { audit } from '../audit';
import type { Ctx } from '../ctx';
import { contactFacts } from '../contacts/facts';
import { translate } from '../i18n';
import { contactNotFound } from './contact';
import { exportData, safeName } from './export-data';
import { loadExportRows } from './export-load';
import type { ExportContactInput } from './schemas';
import { zipStream } from './zip';

/**
 * DATENEXPORT (GDPR Art. 15/20): one JSON file with the contact's data and their files in folders, streamed
 * as a ZIP. Employees need mayExport and the contact in their scope, and get everything; a client exports
 * themselves while PROFIL is visible, and gets what they may see (lib/access/privacy.ts, exportScope).
 */
export async function exportContact(
  ctx: Ctx,
  { contactId }: ExportContactInput,
): Promise<{ filename: string; stream: ReadableStream }> {
  const { actor, tenant } = ctx;
  const viewer = await viewerOf(ctx);
  if (viewer.kind === 'client') {
    if (viewer.clientId !== contactId || !mayExportOwn(viewer.grants)) throw contactNotFound();
  } else {
    requireRight(mayExport(actor), 'privacy.errors.exportForbidden');
  }
  const facts = await contactFacts(ctx, contactId);
  const rows = await loadExportRows(ctx, contactId);
  if (!rows) throw contactNotFound();
  const { data, entries } = exportData(rows, exportScope(viewer, facts), tenant, ctx.locale);
  const stream = zipStream(tenant.id, JSON.stringify(data, null, 2), entries);
  await audit(ctx.db, {
    tenantId: tenant.id,
    actorType: 'user',
    actorId: actor.id,
    action: 'contact.exported',
    targetType: 'contact',
    targetId: contactId,
    meta: { files: entries.length, byClient: viewer.kind === 'client' },
  });
  const date = new Date().toISOString().slice(0, 10);
  const name = safeName(
    `${rows.user.firstName} ${rows.user.lastName}`,
    translate(ctx.locale, 'privacy.export.untitled'),
  );
  return { filename: translate(ctx.locale, 'privacy.export.filename', { name, date }), stream };
}
