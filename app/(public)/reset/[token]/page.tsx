import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LinkPage } from '@/components/auth/link-page';
import { inspectLink } from '@/lib/auth/tokens';
import { publicCtx } from '@/lib/request/ctx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.link'))('metaReset'), referrer: 'no-referrer' };
}

export default async function ResetLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const ctx = await publicCtx();
  const { token } = await params;
  return <LinkPage tenant={ctx.tenant} token={token} info={await inspectLink(ctx, token)} purpose="reset" />;
}
