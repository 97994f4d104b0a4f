import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppShell, type NavItem } from '@/components/shell/app-shell';
import { ChatIcon, FolderIcon, HomeIcon, LockIcon, UserIcon } from '@/components/ui/icons';
import { folderModules, rightsOf } from '@/lib/access/freigaben';
import { clientContext } from '@/lib/portal/context';
import { logoUrl } from '@/lib/tenant/branding';
import { unreadCount } from '@/lib/tickets/list';

export default async function ClientLayout({ children }: { children: ReactNode }) {
  const { ctx, grants } = await clientContext();
  const { tenant, actor: user } = ctx;
  const [t, ts, tc] = await Promise.all([
    getTranslations('portal'),
    getTranslations('shell'),
    getTranslations('common'),
  ]);
  const nav: NavItem[] = [{ href: '/portal', label: t('nav.start'), icon: <HomeIcon /> }];
  if (folderModules.some((m) => rightsOf(grants, m).visible))
    nav.push({ href: '/portal/folder', label: t('nav.folder'), icon: <FolderIcon /> });
  if (rightsOf(grants, 'communication').visible) {
    nav.push({
      href: '/portal/messages',
      label: t('nav.messages'),
      icon: <ChatIcon />,
      badge: await unreadCount(ctx),
      badgeLabel: ts('unreadMessages'),
      live: true,
    });
  }
  if (rightsOf(grants, 'profile').visible)
    nav.push({ href: '/portal/profile', label: t('nav.profile'), icon: <UserIcon /> });
  nav.push({ href: '/portal/account', label: t('nav.account'), icon: <LockIcon /> });
  return (
    <AppShell
      tenantName={tenant.name}
      logoUrl={logoUrl(tenant)}
      areaName={t('areaName')}
      userName={`${user.firstName} ${user.lastName}`}
      nav={nav}
      logoutLabel={tc('logout')}
      skipLabel={tc('skipToContent')}
      moreLabel={tc('moreNav')}
    >
      {children}
    </AppShell>
  );
}
