'use client';

import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SelectField, SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { ConfirmDelete } from '@/components/contracts/confirm-delete';
import { addProviderAction, removeProviderAction } from '@/lib/contracts/actions';

const kinds = [
  { value: 'insurer', label: 'Versicherer (VERSICHERUNGEN)' },
  { value: 'finance', label: 'Banken und Finanzanbieter (FINANZEN)' },
  { value: 'other', label: 'Sonstige Anbieter (SONSTIGE VERTRÄGE)' },
];
const kindLabel = Object.fromEntries(kinds.map((k) => [k.value, k.label]));

/** EINSTELLUNGEN → ANBIETER: the tenant's own entries next to the shipped catalogue. */
export function ProvidersSettings({ own, shipped }: { own: { id: string; kind: string; name: string }[]; shipped: Record<string, number> }) {
  const f = useForm(addProviderAction, { kind: 'insurer' });
  return (
    <div className="space-y-6">
      <form action={f.formAction} noValidate className="grid gap-4 sm:grid-cols-[16rem_minmax(0,1fr)_auto] sm:items-start" key={f.version}>
        <SelectField label="Liste" name="kind" defaultValue={f.value('kind')} options={kinds} error={f.error('kind')} />
        <Field label="Name" name="name" required defaultValue={f.state?.ok ? '' : f.value('name')} error={f.error('name')} placeholder="z. B. Stadtwerke Musterstadt GmbH" maxLength={200} />
        <div className="sm:pt-7">
          <SubmitButton size="lg" pendingLabel="Wird gespeichert …">
            HINZUFÜGEN
          </SubmitButton>
        </div>
        {f.failed?.message ? <Alert tone="error" className="sm:col-span-3">{f.failed.message}</Alert> : null}
        {f.state?.ok ? <Alert tone="success" className="sm:col-span-3">Der Eintrag steht jetzt in der Auswahl.</Alert> : null}
      </form>
      <div>
        <h2 className="text-lg font-semibold">Ihre eigenen Einträge</h2>
        {own.length === 0 ? (
          <p className="mt-2 text-sm text-gray-600">Noch keine. Die mitgelieferten Listen enthalten {shipped.insurer ?? 0} Versicherer, {shipped.finance ?? 0} Finanzanbieter und {shipped.other ?? 0} sonstige Anbieter.</p>
        ) : (
          <ul className="mt-2 divide-y divide-gray-100" aria-label="Eigene Anbieter">
            {own.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium text-ink">{p.name}</span> <span className="text-xs text-gray-500">{kindLabel[p.kind]}</span>
                </span>
                <ConfirmDelete action={removeProviderAction} id={p.id} label="Entfernen" title="Eintrag entfernen?">
                  „{p.name}“ erscheint nicht mehr in der Auswahl. Verträge, die ihn schon nennen, behalten den Namen.
                </ConfirmDelete>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
