'use client';

import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SubmitButton } from '@/components/ui/form-controls';
import { clientModules, deriveRights, moduleNames, presetGrants, presets, type Grants, type Preset, type Switches } from '@/lib/access/freigaben';
import type { FormState } from '@/lib/actions/result';
import { saveGrantsAction } from '@/lib/grants/actions';

const switches: { key: keyof Switches; label: string; help: string }[] = [
  { key: 'activation', label: 'FREISCHALTUNG', help: 'Der Kunde sieht den Bereich und kann eigenständig Verträge anlegen.' },
  { key: 'dataRelease', label: 'DATENFREIGABE', help: 'Der Kunde sieht auch Ihre Verträge und Dokumente – und darf sie ändern und löschen.' },
  { key: 'readOnly', label: 'NUR LESEN', help: 'Der Kunde kann nichts mehr verändern. Zusammen mit FREISCHALTUNG werden Ihre Verträge ausgeblendet.' },
];

function summary(s: Switches): string {
  const r = deriveRights(s);
  if (!r.visible) return 'ausgeblendet';
  const parts = [r.seesAdvisorItems ? 'sieht Ihre Inhalte' : 'sieht nur eigene Inhalte'];
  if (r.mayEditDeleteAdvisorItems) parts.push('darf alles ändern und löschen');
  else if (r.mayCreateEditOwn) parts.push('darf Eigenes anlegen');
  else parts.push('nur lesen');
  return parts.join(' · ');
}

/** FREIGABEN ERTEILEN: modules × switches, presets, and the handbook's warning for DATENFREIGABE. */
export function GrantsGrid({ contactId, initial }: { contactId: string; initial: Grants }) {
  const [grants, setGrants] = useState<Grants>(initial);
  const [state, action] = useActionState<FormState<{ changed: number }>, FormData>(saveGrantsAction, null);
  const toggle = (module: (typeof clientModules)[number], key: keyof Switches) => setGrants((g) => ({ ...g, [module]: { ...g[module], [key]: !g[module][key] } }));
  const anyDataRelease = clientModules.some((m) => grants[m].dataRelease && !grants[m].readOnly);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="id" value={contactId} />
      <div className="flex flex-wrap gap-2" role="group" aria-label="Vorlagen">
        {(Object.keys(presets) as Preset[]).map((p) => (
          <Button key={p} type="button" variant="secondary" size="sm" onClick={() => setGrants(presetGrants(p))}>
            {presets[p]}
          </Button>
        ))}
      </div>
      <div className="overflow-x-auto rounded-xl ring-1 ring-gray-200">
        <table className="w-full min-w-[40rem] border-collapse text-sm">
          <caption className="sr-only">FREIGABEN je Modul</caption>
          <thead className="bg-gray-50 text-left text-xs uppercase tracking-wider text-gray-500">
            <tr>
              <th scope="col" className="px-4 py-3">
                Modul
              </th>
              {switches.map((s) => (
                <th key={s.key} scope="col" className="px-3 py-3 text-center" title={s.help}>
                  {s.label}
                </th>
              ))}
              <th scope="col" className="px-4 py-3">
                Ergebnis für den Kunden
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {clientModules.map((m) => (
              <tr key={m}>
                <th scope="row" className="px-4 py-3 text-left font-semibold text-ink">
                  {moduleNames[m]}
                </th>
                {switches.map((s) => (
                  <td key={s.key} className="px-3 py-3 text-center">
                    <input
                      type="checkbox"
                      name={`${m}.${s.key}`}
                      checked={grants[m][s.key]}
                      onChange={() => toggle(m, s.key)}
                      aria-label={`${moduleNames[m]}: ${s.label}`}
                      className="h-5 w-5 accent-[var(--tenant-primary)]"
                    />
                  </td>
                ))}
                <td className="px-4 py-3 text-gray-600" data-testid={`summary-${m}`}>
                  {summary(grants[m])}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="grid gap-2 text-xs text-gray-600 sm:grid-cols-3">
        {switches.map((s) => (
          <div key={s.key}>
            <dt className="font-semibold text-gray-700">{s.label}</dt>
            <dd>{s.help}</dd>
          </div>
        ))}
      </dl>
      {anyDataRelease ? (
        <Alert tone="error">
          <strong>WICHTIG:</strong> Mit der DATENFREIGABE können Ihre Kunden auch von IHNEN ANGELEGTE VERTRÄGE ÄNDERN und LÖSCHEN!
        </Alert>
      ) : null}
      {state && !state.ok ? <Alert tone="error">{state.message ?? 'Die FREIGABEN konnten nicht gespeichert werden.'}</Alert> : null}
      {state?.ok ? <Alert tone="success">Die FREIGABEN sind gespeichert{state.data.changed ? '' : ' (keine Änderung)'}. Sie gelten ab dem nächsten Seitenaufruf des Kunden.</Alert> : null}
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Wird gespeichert …">FREIGABEN SPEICHERN</SubmitButton>
      </div>
    </form>
  );
}
