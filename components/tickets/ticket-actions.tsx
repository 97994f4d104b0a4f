'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { closeAction, forwardAction } from '@/lib/tickets/actions';
import { ticketLimits } from '@/lib/tickets/rules';

/** WEITERLEITEN (with an internal note) and ABSCHLIESSEN for employees; the page says which are allowed. */
export function TicketActions({
  ticketId,
  employees,
  canForward,
  canClose,
}: {
  ticketId: string;
  employees: { id: string; name: string }[];
  canForward: boolean;
  canClose: boolean;
}) {
  const t = useTranslations('tickets.actions');
  const [dialog, setDialog] = useState<'forward' | 'close' | null>(null);
  const fw = useForm(forwardAction);
  const cl = useForm(closeAction);
  const forwarded = fw.state?.ok;
  return (
    <div className="flex flex-wrap gap-2">
      {canForward ? (
        <Button type="button" variant="secondary" onClick={() => setDialog('forward')}>
          {t('forward')}
        </Button>
      ) : null}
      {canClose ? (
        <Button type="button" variant="secondary" onClick={() => setDialog('close')}>
          {t('close')}
        </Button>
      ) : null}
      <Dialog open={dialog === 'forward' && !forwarded} onClose={() => setDialog(null)} title={t('forwardTitle')}>
        <form action={fw.formAction} noValidate className="space-y-4" key={fw.version}>
          <input type="hidden" name="ticketId" value={ticketId} />
          {fw.failed?.message ? <Alert tone="error">{fw.failed.message}</Alert> : null}
          <SelectField
            label={t('to')}
            name="toId"
            required
            defaultValue={fw.value('toId')}
            placeholder={t('chooseEmployee')}
            options={employees.map((e) => ({ value: e.id, label: e.name }))}
            error={fw.error('toId')}
          />
          <TextareaField
            label={t('note')}
            name="note"
            rows={3}
            defaultValue={fw.value('note')}
            error={fw.error('note')}
            maxLength={ticketLimits.note}
            placeholder={t('notePlaceholder')}
          />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setDialog(null)}>
              {t('cancel')}
            </Button>
            <SubmitButton pendingLabel={t('forwarding')}>{t('forward')}</SubmitButton>
          </div>
        </form>
      </Dialog>
      <Dialog open={dialog === 'close' && !cl.state?.ok} onClose={() => setDialog(null)} title={t('closeTitle')}>
        <form action={cl.formAction} className="space-y-4">
          <input type="hidden" name="ticketId" value={ticketId} />
          <p className="text-sm text-gray-700">{t('closeText')}</p>
          {cl.failed?.message ? <Alert tone="error">{cl.failed.message}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setDialog(null)}>
              {t('cancel')}
            </Button>
            <SubmitButton pendingLabel={t('closing')}>{t('close')}</SubmitButton>
          </div>
        </form>
      </Dialog>
      {forwarded ? <Alert tone="success">{t('forwarded')}</Alert> : null}
    </div>
  );
}
