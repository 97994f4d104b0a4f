import { getObjectBytes } from '@/lib/storage';
import { currentTenant } from '@/lib/tenant/request';

/** The tenant's FAVICON: the uploaded one, else the default icon of public/. */
export async function GET(request: Request) {
  const tenant = await currentTenant();
  if (!tenant) return new Response('Nicht gefunden', { status: 404 });
  const versioned = new URL(request.url).searchParams.get('v') === String(tenant.brandingVersion);
  const cache = versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300';
  if (tenant.faviconKey) {
    const bytes = await getObjectBytes(tenant.id, tenant.faviconKey);
    return new Response(Buffer.from(bytes), {
      headers: {
        'content-type': tenant.faviconType ?? 'image/png',
        'cache-control': cache,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'",
      },
    });
  }
  // No FAVICON yet: the default one in public/ (served as a static file, cacheable, no tenant lookup).
  return new Response(null, {
    status: 307,
    headers: { location: '/icon.png', 'cache-control': 'public, max-age=300' },
  });
}
