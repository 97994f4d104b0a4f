import { getObjectBytes } from '@/lib/storage';
import { currentTenant } from '@/lib/tenant/request';
import { readableOn } from '@/lib/tenant/theme';

/** The tenant's FAVICON: the uploaded one, else its initial on its main colour. */
export async function GET(request: Request) {
  const tenant = await currentTenant();
  if (!tenant) return new Response('Nicht gefunden', { status: 404 });
  const versioned = new URL(request.url).searchParams.get('v') === String(tenant.brandingVersion);
  const cache = versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300';
  if (tenant.faviconKey) {
    const bytes = await getObjectBytes(tenant.id, tenant.faviconKey);
    return new Response(Buffer.from(bytes), {
      headers: { 'content-type': tenant.faviconType ?? 'image/png', 'cache-control': cache, 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'" },
    });
  }
  const letter = (tenant.name.match(/[A-Za-zÄÖÜäöü0-9]/)?.[0] ?? 'M').toUpperCase();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${tenant.primaryColor}"/><text x="32" y="44" font-family="Arial,Helvetica,sans-serif" font-size="36" font-weight="700" text-anchor="middle" fill="${readableOn(tenant.primaryColor)}">${letter.replace(/[<>&"']/g, '')}</text></svg>`;
  return new Response(svg, {
    headers: { 'content-type': 'image/svg+xml', 'cache-control': cache, 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" },
  });
}
