'use client';

import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SubmitButton } from '@/components/ui/form-controls';
import type { FormState } from '@/lib/actions/result';
import { createContactAccountAction, sendRegistrationAction } from '@/lib/contacts/actions';

/** Account status of a contact: BENUTZERKONTO ERSTELLEN (with a confirmation) and REGISTRIERUNGSMAIL VERSCHICKEN. */
export function AccountCard({ id, status, link, canEdit }: { id: string; status: string; link: string; canEdit: boolean }) {
  const [confirm, setConfirm] = useState(false);
  const [accountState, createAccount] = useActionState<FormState, FormData>(createContactAccountAction, null);
  const [mailState, sendMail] = useActionState<FormState, FormData>(sendRegistrationAction, null);
  const failure = [accountState, mailState].find((s) => s && !s.ok);
  return (
    <div className="space-y-3">
      {failure && !failure.ok ? <Alert tone="error">{failure.message ?? 'Das hat leider nicht geklappt.'}</Alert> : null}
      {mailState?.ok ? <Alert tone="success">Die REGISTRIERUNGSMAIL (PASSWORT-MAIL #1) ist unterwegs. Ältere Links sind damit ungültig.</Alert> : null}
      {status === 'none' ? (
        <>
          <p className="text-sm text-gray-600">Der Kontakt hat noch keinen Zugang zum Kundenportal.</p>
          {canEdit ? (
            <Button type="button" onClick={() => setConfirm(true)}>
              BENUTZERKONTO ERSTELLEN
            </Button>
          ) : null}
          <Dialog open={confirm} onClose={() => setConfirm(false)} title="Benutzerkonto erstellen?">
            <p className="text-sm leading-relaxed text-gray-600">
              Es wird ein Benutzerkonto für diesen Kontakt angelegt. Noch wird keine E-Mail verschickt: Sie können zuerst FREIGABEN erteilen, Verträge und Dokumente anlegen
              und dann die REGISTRIERUNGSMAIL verschicken.
            </p>
            <form action={createAccount} onSubmit={() => setConfirm(false)} className="mt-5 flex justify-end gap-2">
              <input type="hidden" name="id" value={id} />
              <Button type="button" variant="ghost" onClick={() => setConfirm(false)}>
                Abbrechen
              </Button>
              <SubmitButton>Ja, Konto erstellen</SubmitButton>
            </form>
          </Dialog>
        </>
      ) : null}
      {status === 'created' || status === 'invited' ? (
        <>
          <p className="text-sm text-gray-600">
            {status === 'created'
              ? 'Das Benutzerkonto ist erstellt. Prüfen Sie die FREIGABEN und verschicken Sie dann die REGISTRIERUNGSMAIL.'
              : link === 'burned'
                ? 'Der Link wurde nach fünf falschen PINs gesperrt. Schicken Sie dem Kunden eine neue REGISTRIERUNGSMAIL.'
                : link === 'expired'
                  ? 'Der Link ist abgelaufen. Schicken Sie dem Kunden eine neue REGISTRIERUNGSMAIL.'
                  : 'Die REGISTRIERUNGSMAIL wurde verschickt; der Kunde hat sein Passwort noch nicht vergeben.'}
          </p>
          {canEdit ? (
            <form action={sendMail}>
              <input type="hidden" name="id" value={id} />
              <SubmitButton variant={status === 'invited' ? 'secondary' : 'primary'}>{status === 'invited' ? 'REGISTRIERUNGSMAIL ERNEUT VERSCHICKEN' : 'REGISTRIERUNGSMAIL VERSCHICKEN'}</SubmitButton>
            </form>
          ) : null}
        </>
      ) : null}
      {status === 'active' ? <p className="text-sm text-gray-600">Der Kunde hat sein Passwort vergeben und kann sich anmelden.</p> : null}
      {status === 'locked' ? <p className="text-sm text-gray-600">Das Benutzerkonto ist gesperrt.</p> : null}
    </div>
  );
}
