import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { canManageUsers, type EmployeeLike } from '../access/employee';
import { assertActorInTenant } from '../access/guard';
import { DomainError } from '../actions/domain-error';
import { audit } from '../audit';
import type { Db } from '../db/client';
import { tenants } from '../db/schema';
import { deleteObject, getObjectBytes, keyBelongsTo, objectKey, presignUpload, putObject, verifyUpload } from '../storage';
import { forgetTenantCache } from '../tenant/lookup';

export type BrandingKind = 'logo' | 'favicon';

/** LOGO: PNG, JPEG, WebP; FAVICON: PNG or ICO, square. Never SVG (script risk). At most 2 MB. */
export const brandingRules = {
  maxBytes: 2 * 1024 * 1024,
  types: {
    logo: ['image/png', 'image/jpeg', 'image/webp'],
    favicon: ['image/png', 'image/x-icon'],
  },
} as const;

function requireAdmin(actor: EmployeeLike): void {
  if (!canManageUsers(actor)) throw new DomainError('forbidden', 'Nur Admins dürfen das WHITELABEL ändern.');
}

const typeMessage = { logo: 'Bitte laden Sie ein Bild als PNG, JPEG oder WebP hoch (kein SVG).', favicon: 'Bitte laden Sie das Favicon als PNG oder ICO hoch.' };

/** Step 1: a presigned POST straight to S3 (the bytes never pass through the app). */
export async function requestBrandingUpload(tenantId: string, actor: EmployeeLike, kind: BrandingKind, contentType: string, size: number) {
  requireAdmin(actor);
  const normalised = contentType === 'image/vnd.microsoft.icon' ? 'image/x-icon' : contentType;
  if (!(brandingRules.types[kind] as readonly string[]).includes(normalised)) throw new DomainError('type', typeMessage[kind], 'file');
  if (size > brandingRules.maxBytes) throw new DomainError('size', 'Die Datei ist zu groß (höchstens 2 MB).', 'file');
  const key = objectKey(tenantId, 'uploads');
  const post = await presignUpload({ tenantId, key, contentType: contentType, maxBytes: brandingRules.maxBytes });
  return { key, url: post.url, fields: post.fields };
}

/** Step 2: check the bytes, re-encode on the server, store under branding/, replace the old file. */
export async function finalizeBrandingUpload(database: Db, tenantId: string, actor: EmployeeLike, kind: BrandingKind, key: string): Promise<{ version: number }> {
  requireAdmin(actor);
  if (!keyBelongsTo(key, tenantId) || !key.startsWith(`tenants/${tenantId}/uploads/`)) throw new DomainError('invalid', 'Ungültiger Upload.', 'file');
  const checked = await verifyUpload({ tenantId, key, maxBytes: brandingRules.maxBytes, allowed: brandingRules.types[kind] });
  if (!checked.ok) {
    const message = checked.reason === 'too-large' ? 'Die Datei ist zu groß (höchstens 2 MB).' : checked.reason === 'missing' ? 'Der Upload ist nicht angekommen. Bitte versuchen Sie es erneut.' : typeMessage[kind];
    throw new DomainError(checked.reason, message, 'file');
  }
  const original = await getObjectBytes(tenantId, key);
  await deleteObject(tenantId, key);
  let body: Uint8Array;
  let contentType = 'image/png';
  let width: number | null = null;
  let height: number | null = null;
  try {
    if (checked.mime === 'image/x-icon') {
      body = original; // ICO cannot carry scripts; it is served as image/x-icon with nosniff.
      contentType = 'image/x-icon';
    } else {
      const image = sharp(original, { limitInputPixels: 50_000_000, failOn: 'error' });
      const meta = await image.metadata();
      if (!meta.width || !meta.height) throw new DomainError('type', typeMessage[kind], 'file');
      if (kind === 'favicon' && Math.abs(meta.width - meta.height) > Math.max(1, meta.width * 0.02)) {
        throw new DomainError('square', 'Das Favicon muss quadratisch sein (z. B. 512 × 512 Pixel).', 'file');
      }
      const out =
        kind === 'logo'
          ? await image.rotate().resize({ width: 800, height: 240, fit: 'inside', withoutEnlargement: true }).png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true })
          : await image.resize({ width: 512, height: 512, fit: 'cover' }).png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true });
      body = out.data;
      width = out.info.width;
      height = out.info.height;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('type', 'Die Datei konnte nicht als Bild gelesen werden.', 'file');
  }
  const finalKey = objectKey(tenantId, 'branding', randomUUID());
  await putObject({ tenantId, key: finalKey, body, contentType, cacheControl: 'public, max-age=31536000, immutable' });
  const { version, previous } = await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenantId, actor);
    const [before] = await tx.select({ logoKey: tenants.logoKey, faviconKey: tenants.faviconKey }).from(tenants).where(eq(tenants.id, tenantId)).for('update');
    const set =
      kind === 'logo'
        ? { logoKey: finalKey, logoWidth: width, logoHeight: height, brandingVersion: sql`${tenants.brandingVersion} + 1` }
        : { faviconKey: finalKey, faviconType: contentType, brandingVersion: sql`${tenants.brandingVersion} + 1` };
    const [row] = await tx.update(tenants).set(set).where(eq(tenants.id, tenantId)).returning({ version: tenants.brandingVersion });
    await audit(tx, { tenantId, actorType: 'user', actorId: actor.id, action: `settings.${kind}.uploaded`, targetType: 'tenant', targetId: tenantId, meta: { bytes: body.length, width, height } });
    return { version: row!.version, previous: kind === 'logo' ? before?.logoKey : before?.faviconKey };
  });
  if (previous) await deleteObject(tenantId, previous).catch(() => {});
  forgetTenantCache();
  return { version };
}

/** Removes the logo or favicon (the tenant's initials / generated icon return). */
export async function removeBranding(database: Db, tenantId: string, actor: EmployeeLike, kind: BrandingKind): Promise<void> {
  requireAdmin(actor);
  const previous = await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenantId, actor);
    const [before] = await tx.select({ logoKey: tenants.logoKey, faviconKey: tenants.faviconKey }).from(tenants).where(eq(tenants.id, tenantId)).for('update');
    const set = kind === 'logo' ? { logoKey: null, logoWidth: null, logoHeight: null } : { faviconKey: null, faviconType: null };
    await tx.update(tenants).set({ ...set, brandingVersion: sql`${tenants.brandingVersion} + 1` }).where(eq(tenants.id, tenantId));
    await audit(tx, { tenantId, actorType: 'user', actorId: actor.id, action: `settings.${kind}.removed`, targetType: 'tenant', targetId: tenantId });
    return kind === 'logo' ? before?.logoKey : before?.faviconKey;
  });
  if (previous) await deleteObject(tenantId, previous).catch(() => {});
  forgetTenantCache();
}
