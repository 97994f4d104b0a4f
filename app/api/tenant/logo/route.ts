import { getObjectBytes } from '@/lib/storage';
import { currentTenant } from '@/lib/tenant/request';

/** The tenant's LOGO (re-encoded PNG from S3), else the default of public/. Versioned URLs are cached for a year. */
export async function GET(request: Request) {
  const tenant = await currentTenant();
  if (!tenant) return new Response(null, { status: 404 });
  // No LOGO yet: the default one in public/ (the pages show the initials instead; this serves other readers).
  if (!tenant.logoKey)
    return new Response(null, {
      status: 307,
      headers: { location: '/logo.png', 'cache-control': 'public, max-age=300' },
    });
  const bytes = await getObjectBytes(tenant.id, tenant.logoKey);
  const versioned = new URL(request.url).searchParams.get('v') === String(tenant.brandingVersion);
  return new Response(Buffer.from(bytes), {
    headers: {
      'content-type': 'image/png',
      'cache-control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
    },
  });
}
