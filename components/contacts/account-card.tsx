'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SubmitButton } from '@/components/ui/form-controls';
import { createContactAccountAction, sendRegistrationAction } from '@/lib/contacts/actions';

/** What the account card says about an invited contact's link. */
function invitedText(link: string): 'account.burned' | 'account.expired' | 'account.invited' {
  if (link === 'burned') return 'account.burned';
  if (link === 'expired') return 'account.expired';
  return 'account.invited';
}

/** Account status of a contact: BENUTZERKONTO ERSTELLEN (with a confirmation) and REGISTRIERUNGSMAIL VERSCHICKEN. */
export function AccountCard({
  id,
  status,
  link,
  canEdit,
}: {
  id: string;
  status: string;
  link: string;
  canEdit: boolean;
}) {
  const t = useTranslations('contacts');
  const [confirm, setConfirm] = useState(false);
  const [accountState, createAccount] = useActionState(createContactAccountAction, null);
  const [mailState, sendMail] = useActionState(sendRegistrationAction, null);
  const failure = [accountState, mailState].find((s) => s && !s.ok);
  return (
    <div className="space-y-3">
      {failure && !failure.ok ? <Alert tone="error">{failure.message ?? t('account.failed')}</Alert> : null}
      {mailState?.ok ? <Alert tone="success">{t('account.mailSent')}</Alert> : null}
      {status === 'none' ? (
        <>
          <p className="text-sm text-gray-600">{t('account.none')}</p>
          {canEdit ? (
            <Button type="button" onClick={() => setConfirm(true)}>
              {t('account.create')}
            </Button>
          ) : null}
          <Dialog open={confirm} onClose={() => setConfirm(false)} title={t('account.confirmTitle')}>
            <p className="text-sm leading-relaxed text-gray-600">{t('account.confirmText')}</p>
            <form action={createAccount} onSubmit={() => setConfirm(false)} className="mt-5 flex justify-end gap-2">
              <input type="hidden" name="id" value={id} />
              <Button type="button" variant="ghost" onClick={() => setConfirm(false)}>
                {t('account.cancel')}
              </Button>
              <SubmitButton>{t('account.confirm')}</SubmitButton>
            </form>
          </Dialog>
        </>
      ) : null}
      {status === 'created' || status === 'invited' ? (
        <>
          <p className="text-sm text-gray-600">{t(status === 'created' ? 'account.created' : invitedText(link))}</p>
          {canEdit ? (
            <form action={sendMail}>
              <input type="hidden" name="id" value={id} />
              <SubmitButton variant={status === 'invited' ? 'secondary' : 'primary'}>
                {t(status === 'invited' ? 'account.sendAgain' : 'account.send')}
              </SubmitButton>
            </form>
          ) : null}
        </>
      ) : null}
      {status === 'active' ? <p className="text-sm text-gray-600">{t('account.active')}</p> : null}
      {status === 'locked' ? <p className="text-sm text-gray-600">{t('account.locked')}</p> : null}
    </div>
  );
}
