import { sans } from '@/components/ui/font';
import type { Metadata, Viewport } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import type { ReactNode } from 'react';
import { currentTenant } from '@/lib/tenant/request';
import { defaultTheme, themeToCssVars } from '@/lib/tenant/theme';
import './globals.css';

/**
 * The tenant's uploaded FAVICON (versioned URL), else the defaults of public/ (favicon.ico, icon.png). The
 * home-screen icon is the uploaded PNG (512 × 512) or public/apple-touch-icon.png.
 */
function icons(tenant: Awaited<ReturnType<typeof currentTenant>>): Metadata['icons'] {
  const apple =
    tenant?.faviconKey && tenant.faviconType === 'image/png'
      ? `/api/tenant/icon?v=${tenant.brandingVersion}`
      : '/apple-touch-icon.png';
  if (!tenant?.faviconKey) {
    return {
      icon: [
        { url: '/favicon.ico', sizes: 'any' },
        { url: '/icon.png', type: 'image/png', sizes: '512x512' },
      ],
      apple: [{ url: apple }],
    };
  }
  return {
    icon: [{ url: `/api/tenant/icon?v=${tenant.brandingVersion}`, type: tenant.faviconType ?? 'image/png' }],
    apple: [{ url: apple }],
  };
}

export async function generateMetadata(): Promise<Metadata> {
  const tenant = await currentTenant();
  const t = await getTranslations('common.meta');
  const name = tenant?.name ?? 'Mappe';
  return {
    title: { default: name, template: `%s · ${name}` },
    description: tenant ? t('tenantDescription', { tenant: name }) : t('productDescription'),
    icons: icons(tenant),
    manifest: tenant ? '/api/tenant/manifest' : undefined,
    robots: { index: false, follow: false },
  };
}

export async function generateViewport(): Promise<Viewport> {
  const tenant = await currentTenant();
  return { themeColor: tenant?.primaryColor ?? defaultTheme.primary, width: 'device-width', initialScale: 1 };
}

/**
 * The tenant's colours are part of the server-rendered <html>, so the first paint is already branded.
 * The root provider hands client components only the shared words; pages add what their own client
 * components use with <ClientMessages pick={…}> (components/i18n/client-messages.tsx).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const tenant = await currentTenant();
  const theme = tenant
    ? { primary: tenant.primaryColor, secondary: tenant.secondaryColor, font: tenant.fontColor }
    : defaultTheme;
  const locale = await getLocale();
  return (
    <html lang={locale} className={sans.variable} style={themeToCssVars(theme)}>
      <body className="font-sans antialiased">
        <ClientMessages pick={[]}>{children}</ClientMessages>
      </body>
    </html>
  );
}
