import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { HomeIcon, UserIcon } from '@/components/ui/icons';
import { requireClient } from '@/lib/auth/current';

export default async function ClientLayout({ children }: { children: ReactNode }) {
  const { tenant, user } = await requireClient();
  const t = await getTranslations('portal');
  const tc = await getTranslations('common');
  return (
    <AppShell
      tenantName={tenant.name}
      areaName={t('areaName')}
      userName={`${user.firstName} ${user.lastName}`}
      nav={[
        { href: '/portal', label: 'Start', icon: <HomeIcon /> },
        { href: '/portal/account', label: 'Mein Zugang', icon: <UserIcon /> },
      ]}
      logoutLabel={tc('logout')}
      skipLabel={tc('skipToContent')}
    >
      {children}
    </AppShell>
  );
}
