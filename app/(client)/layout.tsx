import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { logoUrl } from '@/lib/tenant/branding';
import { AppShell, type NavItem } from '@/components/shell/app-shell';
import { ChatIcon, FolderIcon, HomeIcon, LockIcon, UserIcon } from '@/components/ui/icons';
import { folderModules, rightsOf } from '@/lib/access/freigaben';
import { clientContext } from '@/lib/portal/context';
import { unreadFor } from '@/lib/tickets/read';

export default async function ClientLayout({ children }: { children: ReactNode }) {
  const { actor, grants } = await clientContext();
  const { tenant, user } = actor;
  const t = await getTranslations('portal');
  const tc = await getTranslations('common');
  const nav: NavItem[] = [{ href: '/portal', label: 'Start', icon: <HomeIcon /> }];
  if (folderModules.some((m) => rightsOf(grants, m).visible)) nav.push({ href: '/portal/folder', label: 'Ordner', icon: <FolderIcon /> });
  if (rightsOf(grants, 'communication').visible) {
    nav.push({ href: '/portal/messages', label: 'Nachrichten', icon: <ChatIcon />, badge: await unreadFor(actor), badgeLabel: 'ungelesene Nachrichten', live: true });
  }
  if (rightsOf(grants, 'profile').visible) nav.push({ href: '/portal/profile', label: 'Profil', icon: <UserIcon /> });
  nav.push({ href: '/portal/account', label: 'Zugang', icon: <LockIcon /> });
  return (
    <AppShell tenantName={tenant.name}
      logoUrl={logoUrl(tenant)} areaName={t('areaName')} userName={`${user.firstName} ${user.lastName}`} nav={nav} logoutLabel={tc('logout')} skipLabel={tc('skipToContent')}>
      {children}
    </AppShell>
  );
}
