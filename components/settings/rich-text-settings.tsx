import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card, PageHeader } from '@/components/ui/card';
import { canManageSettings } from '@/lib/access/employee';
import { advisorCtx } from '@/lib/request/ctx';
import { settingsTexts } from '@/lib/settings';
import { RichTextEditor } from './rich-text-editor';
import { ClientMessages } from '../i18n/client-messages';

/** The settings page of one rich text (admins only). */
export async function RichTextSettings({ kind }: { kind: 'impressum' | 'signature' }) {
  const ctx = await advisorCtx();
  if (!canManageSettings(ctx.actor)) notFound();
  const stored = await settingsTexts(ctx);
  const t = await getTranslations('settings');
  const title = t(`richText.${kind}.title`);
  return (
    <ClientMessages pick={['errors', 'forms', 'settings']}>
      <>
        <Link href="/settings" className="text-sm font-medium text-primary hover:underline">
          {t('backToSettings')}
        </Link>
        <PageHeader title={title} subtitle={t(`richText.${kind}.subtitle`)} />
        <Card>
          <RichTextEditor
            kind={kind}
            initial={kind === 'impressum' ? stored.impressumJson : stored.signatureJson}
            label={title}
            placeholder={t(`richText.${kind}.placeholder`)}
          />
        </Card>
      </>
    </ClientMessages>
  );
}
