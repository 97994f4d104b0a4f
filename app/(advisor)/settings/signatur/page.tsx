import type { Metadata } from 'next';
import { RichTextSettings } from '@/components/settings/rich-text-settings';

export const metadata: Metadata = { title: 'E-MAIL-SIGNATUR' };

export default function Page() {
  return <RichTextSettings kind="signature" />;
}
