import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/i18n/client-messages';
import { FactorPolicyForm } from '@/components/settings/factor-policy-form';
import { Card, PageHeader } from '@/components/ui/card';
import { CalendarIcon, FolderIcon, HelpIcon, HomeIcon, MailIcon, SettingsIcon, UsersIcon } from '@/components/ui/icons';
import { Tile } from '@/components/ui/tile';
import { canManageSettings } from '@/lib/access/employee';
import { advisorCtx } from '@/lib/request/ctx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings.overview'))('title') };
}

const tiles = [
  { href: '/settings/impressum', icon: <HelpIcon />, key: 'impressum' },
  { href: '/settings/signatur', icon: <MailIcon />, key: 'signature' },
  { href: '/settings/whitelabel', icon: <SettingsIcon />, key: 'whitelabel' },
  { href: '/settings/anbieter', icon: <FolderIcon />, key: 'providers' },
  { href: '/settings/website', icon: <HomeIcon />, key: 'website' },
  { href: '/settings/erinnerungen', icon: <CalendarIcon />, key: 'reminders' },
] as const;

export default async function SettingsPage() {
  const ctx = await advisorCtx();
  if (!canManageSettings(ctx.actor)) notFound();
  const t = await getTranslations('settings.overview');
  const tc = await getTranslations('common');
  const tp = await getTranslations('protocol');
  const ts = await getTranslations('settings.security');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {tiles.map((tile) => (
          <Tile
            key={tile.key}
            href={tile.href}
            icon={tile.icon}
            title={t(`tiles.${tile.key}.title`)}
            description={t(`tiles.${tile.key}.description`)}
            actionLabel={tc('open')}
          />
        ))}
        <Tile
          href="/settings/protokoll"
          icon={<UsersIcon />}
          title={tp('tile.title')}
          description={tp('tile.description')}
          actionLabel={tc('open')}
        />
      </div>
      <Card className="mt-6 max-w-2xl">
        <h2 className="mb-3 text-lg font-semibold">{ts('title')}</h2>
        <ClientMessages pick={['settings']}>
          <FactorPolicyForm required={ctx.tenant.requireEmployeeMfa} />
        </ClientMessages>
      </Card>
    </>
  );
}
