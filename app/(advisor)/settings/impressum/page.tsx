import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { RichTextSettings } from '@/components/settings/rich-text-settings';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings.richText.impressum'))('title') };
}

export default function Page() {
  return <RichTextSettings kind="impressum" />;
}
