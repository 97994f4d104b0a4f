import { GeistSans } from 'geist/font/sans';
import type { Metadata, Viewport } from 'next';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { currentTenant } from '@/lib/tenant/request';
import { defaultTheme, themeToCssVars } from '@/lib/tenant/theme';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const tenant = await currentTenant();
  const name = tenant?.name ?? 'Mappe';
  return {
    title: { default: name, template: `%s · ${name}` },
    description: tenant ? `Digitaler Ordner von ${name}` : 'Mappe – die digitale Kundenakte für Versicherungsmakler',
    icons: tenant ? { icon: [{ url: `/api/tenant/icon?v=${tenant.brandingVersion}`, type: tenant.faviconType ?? 'image/svg+xml' }] } : undefined,
    manifest: tenant ? '/api/tenant/manifest' : undefined,
    robots: { index: false, follow: false },
  };
}

export async function generateViewport(): Promise<Viewport> {
  const tenant = await currentTenant();
  return { themeColor: tenant?.primaryColor ?? defaultTheme.primary, width: 'device-width', initialScale: 1 };
}

/** The tenant's colours are part of the server-rendered <html>, so the first paint is already branded. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const tenant = await currentTenant();
  const theme = tenant ? { primary: tenant.primaryColor, secondary: tenant.secondaryColor, font: tenant.fontColor } : defaultTheme;
  const locale = await getLocale();
  return (
    <html lang={locale} className={GeistSans.variable} style={themeToCssVars(theme)}>
      <body className="font-sans antialiased">{children}</body>
    </html>
  );
}
