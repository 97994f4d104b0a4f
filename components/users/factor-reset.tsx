import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '../i18n/client-messages';
import { FactorResetForm } from './factor-reset-form';

/** The second factor of an employee or a client, as the broker sees it, with the reset when there is one. */
export async function FactorReset({ kind, id, on }: { kind: 'employee' | 'client'; id: string; on: boolean }) {
  const t = await getTranslations('users.factor');
  return (
    <ClientMessages pick={['users']}>
      <div className="space-y-3" data-testid="factor-reset">
        <h2 className="text-base font-semibold">{t('title')}</h2>
        <p className="text-sm text-gray-600">{on ? t('on') : t('off')}</p>
        {on ? <FactorResetForm kind={kind} id={id} /> : null}
      </div>
    </ClientMessages>
  );
}
