'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { archiveContactAction, deleteContactAction } from '@/lib/privacy/actions';

/** DATENEXPORT, ARCHIVIEREN and KONTAKT LÖSCHEN (with the name typed to confirm). */
export function PrivacyCard({ id, name, archived, canExport, canErase }: { id: string; name: string; archived: boolean; canExport: boolean; canErase: boolean }) {
  const [open, setOpen] = useState(false);
  const del = useForm(deleteContactAction);
  const arch = useForm(archiveContactAction);
  return (
    <div className="space-y-4 text-sm">
      {canExport ? (
        <div>
          <a href={`/api/contacts/${id}/export`} className={buttonClass('secondary', 'md')} download>
            DATENEXPORT (ZIP)
          </a>
          <p className="mt-1 text-xs text-gray-500">Alle Daten und Dateien des Kontakts nach Art. 15/20 DSGVO.</p>
        </div>
      ) : null}
      {canErase ? (
        <>
          <form action={arch.formAction}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="archived" value={archived ? 'false' : 'true'} />
            {arch.failed?.message ? <Alert tone="error">{arch.failed.message}</Alert> : null}
            <SubmitButton variant="secondary" pendingLabel="Bitte warten …">
              {archived ? 'WIEDER AKTIVIEREN' : 'ARCHIVIEREN'}
            </SubmitButton>
            <p className="mt-1 text-xs text-gray-500">
              {archived ? 'Der Kontakt ist archiviert: kein Login, die Daten bleiben für Aufbewahrungsfristen erhalten.' : 'Sperrt den Login und beendet alle Sitzungen; die Daten bleiben erhalten (Aufbewahrungsfristen).'}
            </p>
          </form>
          <div>
            <Button type="button" variant="danger" onClick={() => setOpen(true)}>
              KONTAKT LÖSCHEN
            </Button>
            <p className="mt-1 text-xs text-gray-500">Entfernt den Kontakt mit allen Verträgen, Dokumenten und Nachrichten endgültig.</p>
          </div>
          <Dialog open={open} onClose={() => setOpen(false)} title="Kontakt endgültig löschen?">
            <form action={del.formAction} noValidate className="space-y-4" key={del.version}>
              <input type="hidden" name="id" value={id} />
              <p className="text-sm text-gray-700">
                Gelöscht werden das Benutzerkonto, alle Sitzungen und FREIGABEN, alle Verträge und Dokumente (auch die Dateien), alle Nachrichten mit Anhängen und E-Mails an diese
                Adresse. Im Protokoll bleibt nur, dass ein Kontakt gelöscht wurde – von wem und wann. Das lässt sich nicht rückgängig machen.
              </p>
              {del.failed?.message ? <Alert tone="error">{del.failed.message}</Alert> : null}
              <Field label={`Zur Bestätigung „${name}“ eingeben`} name="confirmName" autoComplete="off" defaultValue={del.value('confirmName')} error={del.error('confirmName')} />
              <div className="flex justify-end gap-2">
                <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
                  Abbrechen
                </Button>
                <SubmitButton variant="danger" pendingLabel="Wird gelöscht …">
                  ENDGÜLTIG LÖSCHEN
                </SubmitButton>
              </div>
            </form>
          </Dialog>
        </>
      ) : null}
    </div>
  );
}
