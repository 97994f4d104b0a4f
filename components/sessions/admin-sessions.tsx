import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '../i18n/client-messages';
import { EndAllSessionsButton } from './session-buttons';

/** For admins on BENUTZER and the contact page: end every session of this account. */
export async function AdminSessionsBlock({ userId }: { userId: string }) {
  const t = await getTranslations('devices');
  return (
    <ClientMessages pick={['devices']}>
      <div className="mt-6 border-t border-gray-100 pt-4">
        <h3 className="text-sm font-semibold">{t('adminTitle')}</h3>
        <p className="mb-3 mt-1 text-sm text-gray-600">{t('adminHint')}</p>
        <EndAllSessionsButton userId={userId} />
      </div>
    </ClientMessages>
  );
}
