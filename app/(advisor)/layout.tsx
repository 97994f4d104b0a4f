import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { ChatIcon, ContactsIcon, HomeIcon, SettingsIcon, UsersIcon } from '@/components/ui/icons';
import { requireAdvisor } from '@/lib/auth/current';

export default async function AdvisorLayout({ children }: { children: ReactNode }) {
  const { tenant, user } = await requireAdvisor();
  const t = await getTranslations('advisor');
  const tc = await getTranslations('common');
  const isAdmin = user.role === 'admin';
  const soon = t('soon');
  const nav = [
    { href: '/dashboard', label: t('nav.start'), icon: <HomeIcon /> },
    { href: '/contacts', label: t('nav.contacts'), icon: <ContactsIcon />, disabledHint: soon },
    { href: '/tickets', label: t('nav.communication'), icon: <ChatIcon />, disabledHint: soon },
    ...(isAdmin
      ? [
          { href: '/users', label: t('nav.users'), icon: <UsersIcon />, disabledHint: soon },
          { href: '/settings', label: t('nav.settings'), icon: <SettingsIcon />, disabledHint: soon },
        ]
      : []),
  ];
  return (
    <AppShell
      tenantName={tenant.name}
      areaName={t('areaName')}
      userName={`${user.firstName} ${user.lastName}`}
      userRole={isAdmin ? t('roleAdmin') : t('roleEmployee')}
      nav={nav}
      logoutLabel={tc('logout')}
      skipLabel={tc('skipToContent')}
    >
      {children}
    </AppShell>
  );
}
