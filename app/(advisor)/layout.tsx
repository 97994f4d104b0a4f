import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ChartIcon } from '@/components/bestand/chart-icon';
import { AppShell, type NavItem } from '@/components/shell/app-shell';
import {
  CalendarIcon,
  ChatIcon,
  ContactsIcon,
  HelpIcon,
  HomeIcon,
  SettingsIcon,
  UserIcon,
  UsersIcon,
} from '@/components/ui/icons';
import { canViewPortfolio } from '@/lib/access/bestand';
import {
  canManageSettings,
  canManageUsers,
  canSeeDeadlines,
  canViewContacts,
  isAdmin,
  rightOf,
} from '@/lib/access/employee';
import { canSeeProtocol } from '@/lib/access/protocol';
import { advisorCtx } from '@/lib/request/ctx';
import { logoUrl } from '@/lib/tenant/branding';
import { unreadCount } from '@/lib/tickets/list';

export default async function AdvisorLayout({ children }: { children: ReactNode }) {
  const ctx = await advisorCtx();
  const { tenant, actor: user } = ctx;
  const communication = rightOf(user, 'communication') !== 'none';
  const [t, ts, tc, tp, unread, tf] = await Promise.all([
    getTranslations('advisor'),
    getTranslations('shell'),
    getTranslations('common'),
    getTranslations('protocol'),
    communication ? unreadCount(ctx) : 0,
    getTranslations('followUps'),
  ]);
  const nav: NavItem[] = [
    { href: '/dashboard', label: t('nav.start'), icon: <HomeIcon /> },
    ...(canViewContacts(user) ? [{ href: '/contacts', label: t('nav.contacts'), icon: <ContactsIcon /> }] : []),
    // KOMMUNIKATION right after KONTAKTE: the phone's bottom bar shows the first four entries and "Mehr".
    ...(communication
      ? [
          {
            href: '/tickets',
            label: t('nav.communication'),
            icon: <ChatIcon />,
            badge: unread,
            badgeLabel: ts('unreadTickets'),
            live: true,
          },
        ]
      : []),
    ...(canSeeDeadlines(user) ? [{ href: '/fristen', label: t('nav.deadlines'), icon: <CalendarIcon /> }] : []),
    ...(canViewPortfolio(user) ? [{ href: '/bestand', label: t('nav.bestand'), icon: <ChartIcon /> }] : []),
    ...(canViewContacts(user) ? [{ href: '/wiedervorlagen', label: tf('nav'), icon: <CalendarIcon /> }] : []),
    ...(canManageUsers(user) ? [{ href: '/users', label: t('nav.users'), icon: <UsersIcon /> }] : []),
    ...(canManageSettings(user) ? [{ href: '/settings', label: t('nav.settings'), icon: <SettingsIcon /> }] : []),
    ...(!canManageSettings(user) && canSeeProtocol(user)
      ? [{ href: '/settings/protokoll', label: tp('navLabel'), icon: <SettingsIcon /> }]
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
      userRole={isAdmin(user) ? t('roleAdmin') : t('roleEmployee')}
      nav={nav}
      logoutLabel={tc('logout')}
      skipLabel={tc('skipToContent')}
      moreLabel={tc('moreNav')}
    >
      {children}
    </AppShell>
  );
}
