import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { logoUrl } from '@/lib/tenant/branding';
import { AppShell } from '@/components/shell/app-shell';
import { ChatIcon, ContactsIcon, HelpIcon, HomeIcon, SettingsIcon, UserIcon, UsersIcon } from '@/components/ui/icons';
import { canViewContacts, rightOf } from '@/lib/access/employee';
import { unreadFor } from '@/lib/tickets/read';
import { requireAdvisor } from '@/lib/auth/current';

export default async function AdvisorLayout({ children }: { children: ReactNode }) {
  const actor = await requireAdvisor();
  const { tenant, user } = actor;
  const communication = rightOf(user, 'communication') !== 'none';
  const unread = communication ? await unreadFor(actor) : 0;
  const t = await getTranslations('advisor');
  const tc = await getTranslations('common');
  const isAdmin = user.role === 'admin';
  const nav = [
    { href: '/dashboard', label: t('nav.start'), icon: <HomeIcon /> },
    ...(canViewContacts(user) || isAdmin ? [{ href: '/contacts', label: t('nav.contacts'), icon: <ContactsIcon /> }] : []),
    ...(communication ? [{ href: '/tickets', label: t('nav.communication'), icon: <ChatIcon />, badge: unread, badgeLabel: 'Tickets mit ungelesenen Einträgen', live: true }] : []),
    ...(isAdmin
      ? [
          { href: '/users', label: t('nav.users'), icon: <UsersIcon /> },
          { href: '/settings', label: t('nav.settings'), icon: <SettingsIcon /> },
        ]
      : []),
    { href: '/help', label: t('nav.help'), icon: <HelpIcon /> },
    { href: '/account', label: t('nav.account'), icon: <UserIcon /> },
  ];
  return (
    <AppShell
      tenantName={tenant.name}
      logoUrl={logoUrl(tenant)}
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
