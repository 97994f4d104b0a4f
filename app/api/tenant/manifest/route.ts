import { currentTenant } from '@/lib/tenant/request';

/** The tenant's web-app manifest: clients add the portal to their home screen under the broker's name. */
export async function GET() {
  const tenant = await currentTenant();
  if (!tenant) return new Response('Nicht gefunden', { status: 404 });
  const v = tenant.brandingVersion;
  const icons = tenant.faviconKey
    ? [
        {
          src: `/api/tenant/icon?v=${v}`,
          sizes: tenant.faviconType === 'image/png' ? '512x512' : 'any',
          type: tenant.faviconType ?? 'image/png',
          purpose: 'any',
        },
      ]
    : [
        { src: '/icon.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/apple-touch-icon.png', sizes: '180x180', type: 'image/png', purpose: 'any' },
      ];
  const shortName = tenant.name.replace(/\s+(GmbH|AG|KG|OHG|UG|e\.K\.|mbH)(\s*&\s*Co\.?\s*KG)?$/i, '').slice(0, 24);
  return Response.json(
    {
      name: tenant.name,
      short_name: shortName,
      start_url: '/portal',
      scope: '/',
      display: 'standalone',
      background_color: '#f5f6f8',
      theme_color: tenant.primaryColor,
      lang: 'de',
      icons,
    },
    { headers: { 'content-type': 'application/manifest+json', 'cache-control': 'public, max-age=300' } },
  );
}
