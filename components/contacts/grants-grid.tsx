'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SubmitButton } from '@/components/ui/form-controls';
import {
  clientModules,
  deriveRights,
  presetGrants,
  presets,
  releasesAdvisorItems,
  type Grants,
  type Preset,
  type Switches,
} from '@/lib/access/freigaben';
import type { FormState } from '@/lib/actions/result';
import { saveGrantsAction } from '@/lib/grants/actions';

const switchKeys = ['activation', 'dataRelease', 'readOnly'] as const satisfies readonly (keyof Switches)[];

/** FREIGABEN ERTEILEN: modules × switches, presets, and the handbook's warning for DATENFREIGABE. */
export function GrantsGrid({ contactId, initial }: { contactId: string; initial: Grants }) {
  const t = useTranslations('grants');
  const [grants, setGrants] = useState<Grants>(initial);
  const [state, action] = useActionState<FormState<{ changed: number }>, FormData>(saveGrantsAction, null);
  const toggle = (module: (typeof clientModules)[number], key: keyof Switches) =>
    setGrants((g) => ({ ...g, [module]: { ...g[module], [key]: !g[module][key] } }));
  // What the client may do is derived in lib/access (deriveRights), never recomputed here.
  const summary = (s: Switches): string => {
    const r = deriveRights(s);
    if (!r.visible) return t('summary.hidden');
    const parts = [r.seesAdvisorItems ? t('summary.seesAdvisor') : t('summary.seesOwnOnly')];
    if (r.mayEditDeleteAdvisorItems) parts.push(t('summary.mayChangeAll'));
    else if (r.mayCreateEditOwn) parts.push(t('summary.mayCreateOwn'));
    else parts.push(t('summary.readOnly'));
    return parts.join(' · ');
  };
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="id" value={contactId} />
      <div className="flex flex-wrap gap-2" role="group" aria-label={t('grid.presets')}>
        {(Object.keys(presets) as Preset[]).map((p) => (
          <Button key={p} type="button" variant="secondary" size="sm" onClick={() => setGrants(presetGrants(p))}>
            {t(`presets.${p}`)}
          </Button>
        ))}
      </div>
      <div className="overflow-x-auto rounded-xl ring-1 ring-gray-200">
        <table className="w-full min-w-[40rem] border-collapse text-sm">
          <caption className="sr-only">{t('grid.caption')}</caption>
          <thead className="bg-gray-50 text-left text-xs uppercase tracking-wider text-gray-500">
            <tr>
              <th scope="col" className="px-4 py-3">
                {t('grid.module')}
              </th>
              {switchKeys.map((s) => (
                <th key={s} scope="col" className="px-3 py-3 text-center" title={t(`switches.${s}.help`)}>
                  {t(`switches.${s}.label`)}
                </th>
              ))}
              <th scope="col" className="px-4 py-3">
                {t('grid.result')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {clientModules.map((m) => (
              <tr key={m}>
                <th scope="row" className="px-4 py-3 text-left font-semibold text-ink">
                  {t(`modules.${m}`)}
                </th>
                {switchKeys.map((s) => (
                  <td key={s} className="px-2 py-1 text-center">
                    {/* The label is the 44 × 44 px touch target around the box. */}
                    <label className="inline-flex h-11 w-11 cursor-pointer items-center justify-center">
                      <input
                        type="checkbox"
                        name={`${m}.${s}`}
                        checked={grants[m][s]}
                        onChange={() => toggle(m, s)}
                        aria-label={t('grid.switchOf', {
                          module: t(`modules.${m}`),
                          switch: t(`switches.${s}.label`),
                        })}
                        className="h-5 w-5 accent-[var(--tenant-primary)]"
                      />
                    </label>
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
        {switchKeys.map((s) => (
          <div key={s}>
            <dt className="font-semibold text-gray-700">{t(`switches.${s}.label`)}</dt>
            <dd>{t(`switches.${s}.help`)}</dd>
          </div>
        ))}
      </dl>
      {releasesAdvisorItems(grants) ? (
        <Alert tone="error">{t.rich('grid.warning', { strong: (chunks) => <strong>{chunks}</strong> })}</Alert>
      ) : null}
      {state && !state.ok ? <Alert tone="error">{state.message ?? t('grid.failed')}</Alert> : null}
      {state?.ok ? (
        <Alert tone="success">{state.data.changed ? t('grid.saved') : t('grid.savedUnchanged')}</Alert>
      ) : null}
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t('grid.saving')}>{t('grid.save')}</SubmitButton>
      </div>
    </form>
  );
}
