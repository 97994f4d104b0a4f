'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import type { FormState } from '@/lib/actions/result';

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

/** WEITERLEITEN (with an internal note) and ABSCHLIESSEN for employees. */
export function TicketActions({ ticketId, forward, close, employees, canForward, canClose }: { ticketId: string; forward: Action; close: Action; employees: { id: string; name: string }[]; canForward: boolean; canClose: boolean }) {
  const [dialog, setDialog] = useState<'forward' | 'close' | null>(null);
  const fw = useForm(forward);
  const cl = useForm(close);
  const forwarded = fw.state?.ok;
  return (
    <div className="flex flex-wrap gap-2">
      {canForward ? (
        <Button type="button" variant="secondary" onClick={() => setDialog('forward')}>
          WEITERLEITEN
        </Button>
      ) : null}
      {canClose ? (
        <Button type="button" variant="secondary" onClick={() => setDialog('close')}>
          ABSCHLIESSEN
        </Button>
      ) : null}
      <Dialog open={dialog === 'forward' && !forwarded} onClose={() => setDialog(null)} title="Ticket weiterleiten">
        <form action={fw.formAction} noValidate className="space-y-4" key={fw.version}>
          <input type="hidden" name="ticketId" value={ticketId} />
          {fw.failed?.message ? <Alert tone="error">{fw.failed.message}</Alert> : null}
          <SelectField label="AN" name="toId" required defaultValue={fw.value('toId')} placeholder="– Mitarbeiter wählen –" options={employees.map((e) => ({ value: e.id, label: e.name }))} error={fw.error('toId')} />
          <TextareaField label="Interne Notiz (optional)" name="note" rows={3} defaultValue={fw.value('note')} error={fw.error('note')} maxLength={2000} placeholder="Sieht nur Ihr Team, nie der Kunde." />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setDialog(null)}>
              Abbrechen
            </Button>
            <SubmitButton pendingLabel="Wird weitergeleitet …">WEITERLEITEN</SubmitButton>
          </div>
        </form>
      </Dialog>
      <Dialog open={dialog === 'close' && !cl.state?.ok} onClose={() => setDialog(null)} title="Ticket abschließen?">
        <form action={cl.formAction} className="space-y-4">
          <input type="hidden" name="ticketId" value={ticketId} />
          <p className="text-sm text-gray-700">Das Ticket erscheint danach unter GESCHLOSSENE TICKETS. Schreibt der Kunde erneut, öffnet es sich wieder.</p>
          {cl.failed?.message ? <Alert tone="error">{cl.failed.message}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setDialog(null)}>
              Abbrechen
            </Button>
            <SubmitButton pendingLabel="Wird abgeschlossen …">ABSCHLIESSEN</SubmitButton>
          </div>
        </form>
      </Dialog>
      {forwarded ? <Alert tone="success">Das Ticket ist weitergeleitet.</Alert> : null}
    </div>
  );
}
