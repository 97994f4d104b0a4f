'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { archiveContactAction, deleteContactAction } from '@/lib/privacy/actions';

/** DATENEXPORT, ARCHIVIEREN and KONTAKT LÖSCHEN (with the name typed to confirm). */
export function PrivacyCard({
  id,
  name,
  archived,
  canExport,
  canErase,
}: {
  id: string;
  name: string;
  archived: boolean;
  canExport: boolean;
  canErase: boolean;
}) {
  const t = useTranslations('contacts.privacy');
  const [open, setOpen] = useState(false);
  const del = useForm(deleteContactAction);
  const arch = useForm(archiveContactAction);
  return (
    <div className="space-y-4 text-sm">
      {canExport ? (
        <div>
          <a href={`/api/contacts/${id}/export`} className={buttonClass('secondary', 'md')} download>
            {t('export')}
          </a>
          <p className="mt-1 text-xs text-gray-500">{t('exportHint')}</p>
        </div>
      ) : null}
      {canErase ? (
        <>
          <form action={arch.formAction}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="archived" value={archived ? 'false' : 'true'} />
            {arch.failed?.message ? <Alert tone="error">{arch.failed.message}</Alert> : null}
            <SubmitButton variant="secondary" pendingLabel={t('wait')}>
              {archived ? t('reactivate') : t('archive')}
            </SubmitButton>
            <p className="mt-1 text-xs text-gray-500">{archived ? t('archivedHint') : t('archiveHint')}</p>
          </form>
          <div>
            <Button type="button" variant="danger" onClick={() => setOpen(true)}>
              {t('delete')}
            </Button>
            <p className="mt-1 text-xs text-gray-500">{t('deleteHint')}</p>
          </div>
          <Dialog open={open} onClose={() => setOpen(false)} title={t('deleteTitle')}>
            <form action={del.formAction} noValidate className="space-y-4" key={del.version}>
              <input type="hidden" name="id" value={id} />
              <p className="text-sm text-gray-700">{t('deleteText')}</p>
              {del.failed?.message ? <Alert tone="error">{del.failed.message}</Alert> : null}
              <Field
                label={t('confirmName', { name })}
                name="confirmName"
                autoComplete="off"
                defaultValue={del.value('confirmName')}
                error={del.error('confirmName')}
              />
              <div className="flex justify-end gap-2">
                <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
                  {t('cancel')}
                </Button>
                <SubmitButton variant="danger" pendingLabel={t('deleting')}>
                  {t('deleteFinally')}
                </SubmitButton>
              </div>
            </form>
          </Dialog>
        </>
      ) : null}
    </div>
  );
}
