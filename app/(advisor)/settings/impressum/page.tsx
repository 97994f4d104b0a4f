import type { Metadata } from 'next';
import { RichTextSettings } from '@/components/settings/rich-text-settings';

export const metadata: Metadata = { title: 'IMPRESSUM' };

export default function Page() {
  return <RichTextSettings kind="impressum" />;
}
