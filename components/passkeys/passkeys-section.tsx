import { getFormatter, getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/ctx';
import { myPasskeys } from '@/lib/auth/passkeys/manage';
import { ClientMessages } from '../i18n/client-messages';
import { Card } from '../ui/card';
import { AddPasskeyForm } from './add-passkey';
import { PasskeyActions } from './passkey-actions';

/** "Mein Zugang" → Passkeys: the account's passkeys (name, added, last used), rename and remove, add one. */
export async function PasskeysSection({ ctx }: { ctx: Ctx }) {
  const [t, format, items] = await Promise.all([getTranslations('account.passkey'), getFormatter(), myPasskeys(ctx)]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  return (
    <ClientMessages pick={['account']}>
      <Card className="mt-6">
        <h2 className="text-lg font-semibold">{t('title')}</h2>
        <p className="mb-4 mt-1 text-sm text-gray-700">{t('intro')}</p>
        {items.length === 0 ? (
          <p className="text-sm text-gray-700">{t('none')}</p>
        ) : (
          <ul className="divide-y divide-gray-100" aria-label={t('listLabel')} data-testid="passkeys">
            {items.map((k) => (
              <li key={k.id} className="flex flex-col gap-3 py-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <p className="break-words font-medium">{k.name}</p>
                  <p className="text-sm text-gray-700">
                    {t('added', { date: day(k.createdAt) })} ·{' '}
                    {k.lastUsedAt ? t('lastUsed', { date: day(k.lastUsedAt) }) : t('neverUsed')}
                  </p>
                </div>
                <PasskeyActions id={k.id} name={k.name} />
              </li>
            ))}
          </ul>
        )}
        <div className="mt-4 border-t border-gray-100 pt-4">
          <h3 className="font-semibold">{t('addTitle')}</h3>
          <p className="mb-3 text-sm text-gray-700">{t('addHint')}</p>
          <AddPasskeyForm />
        </div>
      </Card>
    </ClientMessages>
  );
}
