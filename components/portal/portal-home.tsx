import { useTranslations } from 'next-intl';
import { EmptyState } from '../ui/card';
import { ChatIcon, FolderIcon, UserIcon } from '../ui/icons';
import { Tile } from '../ui/tile';
import { folderModules, hasAnyVisible, rightsOf, type Grants } from '@/lib/access/freigaben';

/** The client's start page: only the tiles their FREIGABEN make visible, or the friendly empty state. */
export function PortalHome({
  grants,
  tenantName,
  base,
  preview,
}: {
  grants: Grants;
  tenantName: string;
  base: string;
  preview?: boolean;
}) {
  const t = useTranslations('portal');
  const folderVisible = folderModules.some((m) => rightsOf(grants, m).visible);
  if (!hasAnyVisible(grants)) {
    return (
      <EmptyState icon={<FolderIcon width={40} height={40} />} title={t('emptyTitle')}>
        <p>{t('emptyText', { tenant: tenantName })}</p>
        <p className="mt-2">{t('emptyContact')}</p>
      </EmptyState>
    );
  }
  const profile = rightsOf(grants, 'profile');
  const communication = rightsOf(grants, 'communication');
  const common = { actionLabel: t('open'), disabled: preview, disabledLabel: t('open') };
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {profile.visible ? (
        <Tile
          href={`${base}/profile`}
          icon={<UserIcon />}
          title={t('tiles.profile')}
          description={t(profile.mayCreateEditOwn ? 'tileText.profileEdit' : 'tileText.profileRead')}
          {...common}
        />
      ) : null}
      {communication.visible ? (
        <Tile
          href={`${base}/messages`}
          icon={<ChatIcon />}
          title={t('tiles.communication')}
          description={t(communication.mayCreateEditOwn ? 'tileText.communicationWrite' : 'tileText.communicationRead')}
          {...common}
        />
      ) : null}
      {folderVisible ? (
        <Tile
          href={`${base}/folder`}
          icon={<FolderIcon />}
          title={t('tiles.folder')}
          description={t('tileText.folder')}
          {...common}
        />
      ) : null}
    </div>
  );
}
