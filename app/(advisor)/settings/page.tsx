import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/card';
import { FolderIcon, HelpIcon, HomeIcon, MailIcon, SettingsIcon } from '@/components/ui/icons';
import { Tile } from '@/components/ui/tile';
import { canManageUsers } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';

export const metadata: Metadata = { title: 'EINSTELLUNGEN' };

export default async function SettingsPage() {
  const { user } = await requireAdvisor();
  if (!canManageUsers(user)) notFound();
  return (
    <>
      <PageHeader title="EINSTELLUNGEN" subtitle="Was Ihre Kunden auf der Login-Seite, im Portal und in jeder E-Mail von Ihnen sehen." />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        <Tile href="/settings/impressum" icon={<HelpIcon />} title="IMPRESSUM" description="Pflichtangaben, erreichbar über den Link auf Ihrer Login-Seite." actionLabel="ÖFFNEN" />
        <Tile href="/settings/signatur" icon={<MailIcon />} title="E-MAIL-SIGNATUR" description="Steht unter jeder E-Mail, die Ihr Portal verschickt." actionLabel="ÖFFNEN" />
        <Tile href="/settings/whitelabel" icon={<SettingsIcon />} title="WHITELABEL" description="LOGO, FAVICON, HAUPTFARBE, ZWEITFARBE und ERSTE SCHRIFTFARBE Ihres Portals." actionLabel="ÖFFNEN" />
        <Tile href="/settings/anbieter" icon={<FolderIcon />} title="ANBIETER" description="Eigene Versicherer und Anbieter für die Auswahl beim Anlegen von Verträgen." actionLabel="ÖFFNEN" />
        <Tile href="/settings/website" icon={<HomeIcon />} title="AUF IHRER WEBSITE" description="Login-Button und Kundenportal-Karte zum Einbinden auf Ihrer Website." actionLabel="ÖFFNEN" />
      </div>
    </>
  );
}
