'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import type { FormState } from '@/lib/actions/result';

/** "Löschen" with a confirmation dialog; the server action re-checks the right. */
export function ConfirmDelete<T>({
  action,
  id,
  label,
  title,
  children,
  size = 'sm',
}: {
  action: (prev: FormState<T>, data: FormData) => Promise<FormState<T>>;
  id: string;
  label?: string;
  title: string;
  children: ReactNode;
  size?: 'sm' | 'md';
}) {
  const [open, setOpen] = useState(false);
  const f = useForm(action);
  const t = useTranslations('contracts.confirm');
  return (
    <>
      <Button
        type="button"
        variant="ghost"
        size={size}
        className="text-red-700 hover:bg-red-50"
        onClick={() => setOpen(true)}
      >
        {label ?? t('delete')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title}>
        <form action={f.formAction} className="space-y-4">
          <input type="hidden" name="id" value={id} />
          <div className="text-sm text-gray-700">{children}</div>
          {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              {t('cancel')}
            </Button>
            <SubmitButton variant="danger" pendingLabel={t('deleting')}>
              {t('confirm')}
            </SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  );
}
