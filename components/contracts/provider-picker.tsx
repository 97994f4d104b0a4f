'use client';

import { useTranslations } from 'next-intl';
import { useId, useMemo, useRef, useState } from 'react';
import { letterIndex } from '@/lib/contracts/catalog-data';
import { cn } from '@/components/ui/cn';

const LETTERS = '#ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Folds "Ä" to "a" etc. so "aach" finds "Aachener" and "munch" finds "Münchener". */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * VERSICHERER / ANBIETER: a type-ahead field over the sorted catalogue plus a letter index – clicking "C"
 * scrolls the list to the first C entry. A name that is not in the list can still be typed.
 */
export function ProviderPicker({
  name,
  label,
  names,
  defaultValue,
  required,
  error,
  disabled,
}: {
  name: string;
  label: string;
  names: { name: string; own: boolean }[];
  defaultValue?: string;
  required?: boolean;
  error?: string;
  disabled?: boolean;
}) {
  const t = useTranslations('contracts.picker');
  const [value, setValue] = useState(defaultValue ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listRef = useRef<HTMLUListElement>(null);
  const id = useId();
  const inputId = `field-${name}`;
  const listId = `${id}-list`;

  const filtered = useMemo(() => {
    const q = fold(value.trim());
    if (!q || names.some((n) => n.name === value)) return names;
    const words = q.split(/\s+/);
    return names.filter((n) => {
      const f = fold(n.name);
      return words.every((w) => f.includes(w));
    });
  }, [names, value]);
  const index = useMemo(() => letterIndex(filtered.map((n) => n.name)), [filtered]);
  const available = new Set(index.map((i) => i.letter));

  const jump = (letter: string) => {
    const entry = index.find((i) => i.letter === letter);
    if (!entry) return;
    setOpen(true);
    setActive(entry.first);
    requestAnimationFrame(() => {
      const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${entry.first}"]`);
      // The list is the offset parent (position: relative), so offsetTop is measured from its top.
      if (el && listRef.current) listRef.current.scrollTop = el.offsetTop;
    });
  };
  const choose = (n: string) => {
    setValue(n);
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className="flex flex-col gap-1.5 sm:col-span-2">
      <label htmlFor={inputId} className="text-sm font-medium text-ink">
        {label}
        {required ? (
          <span className="ml-0.5 text-red-700" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      <input
        id={inputId}
        name={name}
        value={value}
        disabled={disabled}
        autoComplete="off"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : `${inputId}-hint`}
        aria-activedescendant={open && active >= 0 ? `${id}-opt-${active}` : undefined}
        placeholder={t('placeholder')}
        onChange={(e) => {
          setValue(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, filtered.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && open && active >= 0 && filtered[active]) {
            e.preventDefault();
            choose(filtered[active]!.name);
          } else if (e.key === 'Escape') setOpen(false);
        }}
        className={cn(
          'h-12 w-full rounded-lg border bg-white px-3.5 text-base text-ink shadow-sm outline-none transition placeholder:text-gray-400 focus:border-primary focus:ring-4 focus:ring-primary/15',
          error ? 'border-red-600' : 'border-gray-300',
        )}
      />
      {!disabled ? (
        <div className="rounded-lg border border-gray-200 bg-white">
          <nav aria-label={t('letters', { label })} className="flex flex-wrap gap-0.5 border-b border-gray-100 p-1.5">
            {LETTERS.map((l) => (
              <button
                key={l}
                type="button"
                disabled={!available.has(l)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => jump(l)}
                className="h-8 min-w-8 rounded-md px-1 text-sm font-semibold text-primary hover:bg-primary-soft disabled:cursor-default disabled:text-gray-300 disabled:hover:bg-transparent"
                aria-label={l === '#' ? t('jumpDigits') : t('jumpTo', { letter: l })}
              >
                {l}
              </button>
            ))}
          </nav>
          <ul
            ref={listRef}
            id={listId}
            role="listbox"
            aria-label={label}
            className={cn('relative max-h-56 overflow-y-auto py-1', open || value === '' ? '' : 'hidden')}
          >
            {filtered.length === 0 ? (
              <li className="px-3 py-2 text-sm text-gray-500">{t('noMatch')}</li>
            ) : (
              filtered.map((n, i) => (
                <li
                  key={n.name}
                  id={`${id}-opt-${i}`}
                  data-index={i}
                  role="option"
                  aria-selected={n.name === value}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(n.name)}
                  className={cn(
                    'cursor-pointer px-3 py-2 text-sm text-ink hover:bg-primary-soft',
                    i === active ? 'bg-primary-soft' : '',
                    n.name === value ? 'font-semibold' : '',
                  )}
                >
                  {n.name}
                  {n.own ? (
                    <span className="ml-2 rounded-full bg-gray-100 px-2 py-0.5 text-[11px] text-gray-600">
                      {t('own')}
                    </span>
                  ) : null}
                </li>
              ))
            )}
          </ul>
        </div>
      ) : null}
      {error ? (
        <p id={`${inputId}-error`} role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : (
        <p id={`${inputId}-hint`} className="text-xs text-gray-500">
          {t('hint', { count: names.length })}
        </p>
      )}
    </div>
  );
}
