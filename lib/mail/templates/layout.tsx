import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { defaultLocale, type Locale } from '../../i18n';
import { readableTheme } from '../../tenant/readable';
import { defaultTheme, type ThemeColors } from '../../tenant/theme';
import { mailWords } from './words';

export interface Brand {
  name: string;
  colors: ThemeColors;
  /** Sanitised HTML of the tenant's E-MAIL-SIGNATUR (EINSTELLUNGEN), once one exists. */
  signatureHtml?: string | null;
}

export const platformBrand: Brand = { name: 'Mappe', colors: defaultTheme };

/** Every mail: the tenant's name in its main colour, the content, the signature, a short footer. */
export function BrandedMail({
  brand,
  preview,
  title,
  locale = defaultLocale,
  children,
}: {
  brand: Brand;
  preview: string;
  title: string;
  locale?: Locale;
  children: ReactNode;
}) {
  const t = mailWords(locale);
  const readable = readableTheme(brand.colors);
  const onPrimary = readable.onPrimary;
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{ backgroundColor: '#f3f4f6', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' }}
      >
        <Container style={{ backgroundColor: '#ffffff', borderRadius: 8, maxWidth: 560, overflow: 'hidden' }}>
          <Section style={{ backgroundColor: brand.colors.primary, padding: '20px 28px' }}>
            <Text style={{ color: onPrimary, fontSize: 18, fontWeight: 700, margin: 0 }}>{brand.name}</Text>
          </Section>
          <Section style={{ padding: '24px 28px', color: readable.font }}>
            <Heading as="h1" style={{ fontSize: 20, margin: '0 0 16px' }}>
              {title}
            </Heading>
            {children}
            {brand.signatureHtml ? (
              <div
                style={{
                  borderTop: '1px solid #e5e7eb',
                  marginTop: 24,
                  paddingTop: 16,
                  fontSize: 14,
                  lineHeight: '1.6',
                }}
                dangerouslySetInnerHTML={{ __html: brand.signatureHtml }}
              />
            ) : null}
          </Section>
          <Hr style={{ borderColor: '#e5e7eb', margin: 0 }} />
          <Text style={{ color: '#6b7280', fontSize: 12, padding: '12px 28px', margin: 0 }}>
            {t('layout.footer', { tenant: brand.name })}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function MailButton({ brand, href, children }: { brand: Brand; href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: '24px 0' }}>
      <a
        href={href}
        style={{
          backgroundColor: brand.colors.primary,
          color: readableTheme(brand.colors).onPrimary,
          borderRadius: 6,
          padding: '12px 20px',
          textDecoration: 'none',
          fontWeight: 600,
          display: 'inline-block',
        }}
      >
        {children}
      </a>
    </Section>
  );
}
