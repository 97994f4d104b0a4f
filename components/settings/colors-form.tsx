'use client';

import { useTranslations } from 'next-intl';
import { HexColorPicker } from 'react-colorful';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/form-controls';
import type { FormState } from '@/lib/actions/result';
import { resetColorsAction, saveColorsAction } from '@/lib/settings/actions';
import { readableTheme, type ThemePair } from '@/lib/tenant/readable';
import { defaultTheme, isHexColor, type ThemeColors } from '@/lib/tenant/theme';

const fields: (keyof ThemeColors)[] = ['primary', 'secondary', 'font'];

/** A contrast ratio with one decimal (as the hint has always shown it). */
const ratio = (n: number) => n.toFixed(1);

const pairs: ThemePair[] = ['font', 'onPrimary', 'onSecondary', 'primaryText'];

/**
 * WHITELABEL colours: picker + hex input and a live preview in the colours the app will really use
 * (lib/tenant/readable.ts): where a picked colour would not reach 4.5:1, the preview lists the pair and the
 * colour chosen instead (white or the ink colour).
 */
export function ColorsForm({ initial, tenantName }: { initial: ThemeColors; tenantName: string }) {
  const t = useTranslations('settings.colors');
  const tc = useTranslations('common');
  const [colors, setColors] = useState<ThemeColors>(initial);
  const [typed, setTyped] = useState<ThemeColors>(initial);
  const [saveState, action] = useActionState<FormState, FormData>(saveColorsAction, null);
  const [resetState, resetAction] = useActionState<FormState, FormData>(async (prev, data) => {
    const result = await resetColorsAction(prev, data);
    if (result?.ok) {
      setColors(defaultTheme);
      setTyped(defaultTheme);
    }
    return result;
  }, null);
  const state = resetState ?? saveState;
  const set = (key: keyof ThemeColors, value: string) => {
    setTyped((prev) => ({ ...prev, [key]: value }));
    if (isHexColor(value)) setColors((c) => ({ ...c, [key]: value.toLowerCase() }));
  };
  const ok = isHexColor(typed.primary) && isHexColor(typed.secondary) && isHexColor(typed.font);
  const used = readableTheme(colors);
  const adjusted = pairs.flatMap((pair) => used.adjusted.filter((a) => a.pair === pair));
  const fieldError = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <form action={action} className="space-y-6">
        <div className="grid gap-6 md:grid-cols-3">
          {fields.map((key) => (
            <div key={key} className="space-y-2">
              <label htmlFor={`color-${key}`} className="block text-sm font-semibold text-ink">
                {t(`${key}.label`)}
              </label>
              <p className="text-xs text-gray-500">{t(`${key}.help`)}</p>
              <HexColorPicker
                color={colors[key]}
                onChange={(v) => set(key, v)}
                style={{ width: '100%', height: 150 }}
                aria-label={t('pick', { label: t(`${key}.label`) })}
              />
              <div className="flex items-center gap-2">
                <span
                  className="h-10 w-10 shrink-0 rounded-lg ring-1 ring-black/10"
                  style={{ backgroundColor: colors[key] }}
                  aria-hidden="true"
                />
                <input
                  id={`color-${key}`}
                  name={key}
                  value={typed[key]}
                  onChange={(e) => set(key, e.target.value.trim())}
                  maxLength={7}
                  spellCheck={false}
                  aria-invalid={!isHexColor(typed[key]) || undefined}
                  className="h-10 w-full rounded-lg border border-gray-300 px-3 font-mono text-sm uppercase"
                />
              </div>
              {!isHexColor(typed[key]) ? (
                <p role="alert" className="text-sm font-medium text-red-700">
                  {t('hexHint')}
                </p>
              ) : fieldError?.[key] ? (
                <p role="alert" className="text-sm font-medium text-red-700">
                  {fieldError[key]}
                </p>
              ) : null}
            </div>
          ))}
        </div>
        {state && !state.ok && state.message ? <Alert tone="error">{state.message}</Alert> : null}
        {state?.ok ? <Alert tone="success">{t('saved')}</Alert> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <button
            type="submit"
            form="colors-reset"
            className="inline-flex h-11 items-center rounded-lg px-4 text-sm font-semibold text-ink ring-1 ring-inset ring-gray-300 hover:bg-gray-50"
          >
            {t('reset')}
          </button>
          <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
        </div>
        {ok ? null : <p className="text-right text-sm text-red-700">{t('fixValues')}</p>}
      </form>
      <form id="colors-reset" action={resetAction} className="hidden">
        <input type="hidden" name="intent" value="reset" />
      </form>
      <section aria-label={t('preview')} className="space-y-3">
        <p className="text-sm font-semibold text-gray-600">{t('preview')}</p>
        <div className="overflow-hidden rounded-2xl shadow-sm ring-1 ring-black/10">
          <div className="px-5 py-4" style={{ backgroundColor: used.primary, color: used.onPrimary }}>
            <p className="font-semibold">{tenantName}</p>
            <p className="text-sm opacity-90">{t('previewWelcome', { tenant: tenantName })}</p>
          </div>
          <div className="space-y-3 bg-white p-5" style={{ color: used.font }}>
            <p className="text-sm font-semibold">{t('previewLogin')}</p>
            <div className="h-9 rounded-md border border-gray-300" />
            <div
              className="flex h-9 items-center justify-center rounded-md text-sm font-semibold"
              style={{ backgroundColor: used.primary, color: used.onPrimary }}
            >
              {t('previewButton')}
            </div>
          </div>
        </div>
        <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-black/10" style={{ color: used.font }}>
          <span
            className="inline-block rounded-lg px-2 py-1 text-xs font-semibold"
            style={{ backgroundColor: used.secondary, color: used.onSecondary }}
          >
            {t('previewTile')}
          </span>
          <p className="mt-2 text-sm">{t('previewTileText')}</p>
          <p className="mt-2 text-sm font-semibold" style={{ color: used.primaryText }}>
            {t('previewLink')}
          </p>
        </div>
        <div role="status" data-testid="contrast-adjusted">
          {adjusted.length ? (
            <Alert>
              <strong>{t('adjustedTitle')}</strong>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {adjusted.map((a) => (
                  <li key={a.pair}>
                    {t(`adjusted.${a.pair}`, {
                      picked: a.picked,
                      used: a.used,
                      pickedRatio: ratio(a.pickedRatio),
                      ratio: ratio(a.ratio),
                    })}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : (
            <p className="text-sm text-gray-600">{t('allReadable')}</p>
          )}
        </div>
      </section>
    </div>
  );
}
