import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { requireSettingsRight } from '../access/require';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { tenants } from '../db/schema';
import { DomainError } from '../errors';
import { deleteObject, getObjectBytes, putObject } from '../storage';
import { forgetTenantCache } from '../tenant/lookup';
import { discardUpload } from '../uploads/check';
import { claimUploads, consumeUploads, dropUploadObjects, releaseClaimed, type ClaimedFile } from '../uploads/claim';
import { uploadPurposes } from '../uploads/purposes';
import { startUpload, type PresignedUpload } from '../uploads/start';

export type BrandingKind = 'logo' | 'favicon';

/** LOGO: PNG, JPEG, WebP; FAVICON: PNG or ICO, square. Never SVG (script risk). At most 2 MB. */
export const brandingRules = {
  maxBytes: uploadPurposes.logo.maxBytes,
  types: { logo: uploadPurposes.logo.types, favicon: uploadPurposes.favicon.types },
} as const;

const requireBrandingRight = (ctx: Ctx) => requireSettingsRight(ctx.actor, 'uploads.branding.adminOnly');
const rejected = (reason: 'square' | 'unreadable') =>
  new DomainError('file_rejected', reason === 'square' ? 'uploads.branding.square' : 'uploads.branding.unreadable', {
    field: 'file',
    detail: { reason },
  });

/** Step 1: a presigned POST through the one upload pipeline (the bytes never pass through the app). */
export async function presignBrandingUpload(
  ctx: Ctx,
  input: { kind: BrandingKind; filename?: string; contentType: string; size: number },
): Promise<PresignedUpload> {
  requireBrandingRight(ctx);
  return startUpload(ctx, {
    purpose: input.kind,
    filename: input.filename ?? input.kind,
    contentType: input.contentType,
    size: input.size,
  });
}

/** The published image: logos fit 800 × 240, favicons become 512 × 512 PNGs; ICO stays as it is. */
async function encode(kind: BrandingKind, file: ClaimedFile, original: Uint8Array) {
  if (file.mime === 'image/x-icon') return { body: original, contentType: 'image/x-icon', width: null, height: null }; // ICO cannot carry scripts; served as image/x-icon with nosniff.
  try {
    const image = sharp(original, { limitInputPixels: 50_000_000, failOn: 'error' });
    const meta = await image.metadata();
    if (!meta.width || !meta.height) throw rejected('unreadable');
    if (kind === 'favicon' && Math.abs(meta.width - meta.height) > Math.max(1, meta.width * 0.02))
      throw rejected('square');
    const out =
      kind === 'logo'
        ? await image
            .rotate()
            .resize({ width: 800, height: 240, fit: 'inside', withoutEnlargement: true })
            .png({ compressionLevel: 9 })
            .toBuffer({ resolveWithObject: true })
        : await image
            .resize({ width: 512, height: 512, fit: 'cover' })
            .png({ compressionLevel: 9 })
            .toBuffer({ resolveWithObject: true });
    return {
      body: new Uint8Array(out.data),
      contentType: 'image/png',
      width: out.info.width as number | null,
      height: out.info.height as number | null,
    };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw rejected('unreadable');
  }
}

/**
 * Step 2: the admin's own upload is claimed (copied to a branding/ key chosen here, the copy's bytes
 * checked), re-encoded on the server into that same key, and published in one transaction that also
 * consumes the upload; the previous file goes after the commit.
 */
export async function finalizeBrandingUpload(
  ctx: Ctx,
  { kind, uploadId }: { kind: BrandingKind; uploadId: string },
): Promise<{ version: number }> {
  requireBrandingRight(ctx);
  const { tenant, actor } = ctx;
  const [file] = await claimUploads(ctx, [uploadId], kind, { field: 'file' });
  try {
    const image = await encode(kind, file!, await getObjectBytes(tenant.id, file!.key));
    await putObject({
      tenantId: tenant.id,
      key: file!.key,
      body: image.body,
      contentType: image.contentType,
      cacheControl: 'public, max-age=31536000, immutable',
    });
    const { version, previous } = await withTransaction(ctx, async (tx) => {
      await consumeUploads(tx, [file!]);
      const [before] = await tx.db
        .select({ logoKey: tenants.logoKey, faviconKey: tenants.faviconKey })
        .from(tenants)
        .where(eq(tenants.id, tenant.id))
        .for('update');
      const set =
        kind === 'logo'
          ? {
              logoKey: file!.key,
              logoWidth: image.width,
              logoHeight: image.height,
              brandingVersion: sql`${tenants.brandingVersion} + 1`,
            }
          : {
              faviconKey: file!.key,
              faviconType: image.contentType,
              brandingVersion: sql`${tenants.brandingVersion} + 1`,
            };
      const [row] = await tx.db
        .update(tenants)
        .set(set)
        .where(eq(tenants.id, tenant.id))
        .returning({ version: tenants.brandingVersion });
      await audit(tx.db, {
        tenantId: tenant.id,
        actorType: 'user',
        actorId: actor.id,
        action: `settings.${kind}.uploaded`,
        targetType: 'tenant',
        targetId: tenant.id,
        meta: { bytes: image.body.length, width: image.width, height: image.height },
      });
      return { version: row!.version, previous: kind === 'logo' ? before?.logoKey : before?.faviconKey };
    });
    await dropUploadObjects(ctx, [file!]);
    if (previous) await deleteObject(tenant.id, previous).catch(() => {});
    forgetTenantCache();
    return { version };
  } catch (error) {
    await releaseClaimed(ctx, [file!]);
    // Refused by its shape (not square, unreadable): gone like any refused file, the admin picks another one.
    if (error instanceof DomainError && error.code === 'file_rejected') await discardUpload(ctx, { id: uploadId });
    throw error;
  }
}

/** Removes the logo or favicon (the tenant's initials / generated icon return). */
export async function removeBranding(ctx: Ctx, { kind }: { kind: BrandingKind }): Promise<void> {
  requireBrandingRight(ctx);
  const { tenant, actor } = ctx;
  const previous = await withTransaction(ctx, async ({ db: tx }) => {
    const [before] = await tx
      .select({ logoKey: tenants.logoKey, faviconKey: tenants.faviconKey })
      .from(tenants)
      .where(eq(tenants.id, tenant.id))
      .for('update');
    const set =
      kind === 'logo' ? { logoKey: null, logoWidth: null, logoHeight: null } : { faviconKey: null, faviconType: null };
    await tx
      .update(tenants)
      .set({ ...set, brandingVersion: sql`${tenants.brandingVersion} + 1` })
      .where(eq(tenants.id, tenant.id));
    await audit(tx, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: `settings.${kind}.removed`,
      targetType: 'tenant',
      targetId: tenant.id,
    });
    return kind === 'logo' ? before?.logoKey : before?.faviconKey;
  });
  if (previous) await deleteObject(tenant.id, previous).catch(() => {});
  forgetTenantCache();
}
