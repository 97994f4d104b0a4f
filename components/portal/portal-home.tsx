import { EmptyState } from '../ui/card';
import { ChatIcon, FolderIcon, UserIcon } from '../ui/icons';
import { Tile } from '../ui/tile';
import { folderModules, hasAnyVisible, rightsOf, type Grants } from '@/lib/access/freigaben';

/** The client's start page: only the tiles their FREIGABEN make visible, or the friendly empty state. */
export function PortalHome({ grants, tenantName, base, preview }: { grants: Grants; tenantName: string; base: string; preview?: boolean }) {
  const folderVisible = folderModules.some((m) => rightsOf(grants, m).visible);
  if (!hasAnyVisible(grants)) {
    return (
      <EmptyState icon={<FolderIcon width={40} height={40} />} title="Ihr Ordner wird gerade vorbereitet">
        <p>{tenantName} hat für Sie noch keine Bereiche freigegeben. Sobald Ihr Berater Ihre Unterlagen eingerichtet hat, finden Sie sie hier.</p>
        <p className="mt-2">Fragen? Rufen Sie Ihren Berater an oder schreiben Sie ihm eine E-Mail – er schaltet Ihnen die Bereiche frei.</p>
      </EmptyState>
    );
  }
  const tile = (module: 'profile' | 'communication') => {
    const r = rightsOf(grants, module);
    if (module === 'profile') return r.mayCreateEditOwn ? 'Ihre Kontaktdaten ansehen und aktualisieren.' : 'Ihre Kontaktdaten ansehen.';
    return r.mayCreateEditOwn ? 'Ihrem Berater sicher schreiben und Dokumente schicken – z. B. einen Schaden melden.' : 'Nachrichten Ihres Beraters lesen.';
  };
  const common = { actionLabel: 'ÖFFNEN', disabled: preview, disabledLabel: 'ÖFFNEN' };
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {rightsOf(grants, 'profile').visible ? <Tile href={`${base}/profile`} icon={<UserIcon />} title="PROFIL" description={tile('profile')} {...common} /> : null}
      {rightsOf(grants, 'communication').visible ? <Tile href={`${base}/messages`} icon={<ChatIcon />} title="KOMMUNIKATION" description={tile('communication')} {...common} /> : null}
      {folderVisible ? <Tile href={`${base}/folder`} icon={<FolderIcon />} title="DIGITALER ORDNER" description="Ihre Verträge und Dokumente, übersichtlich nach Bereichen." {...common} /> : null}
    </div>
  );
}
