'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useFormStatus } from 'react-dom';
import { Button } from './button';
import { cn } from './cn';

const control =
  'w-full rounded-lg border bg-white px-3.5 text-base text-ink shadow-sm outline-none transition focus:border-primary focus:ring-4 focus:ring-primary/15';

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={id} className="text-sm font-medium text-ink">
      {label}
      {required ? (
        <span className="ml-0.5 text-red-700" aria-hidden="true">
          *
        </span>
      ) : null}
    </label>
  );
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-700">
      {error}
    </p>
  ) : null;
}

export function SelectField({
  label,
  name,
  error,
  options,
  placeholder,
  className,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  error?: string;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const id = select.id ?? `field-${name}`;
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <Label id={id} label={label} required={select.required} />
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cn(control, 'h-12', error ? 'border-red-600' : 'border-gray-300')}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function TextareaField({
  label,
  name,
  error,
  className,
  ...area
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; error?: string }) {
  const id = area.id ?? `field-${name}`;
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <Label id={id} label={label} required={area.required} />
      <textarea
        id={id}
        name={name}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cn(control, 'py-2.5', error ? 'border-red-600' : 'border-gray-300')}
        {...area}
      />
      <ErrorText id={id} error={error} />
    </div>
  );
}

/** A submit button that shows the pending state of its form. */
export function SubmitButton({
  children,
  pendingLabel,
  variant,
  size,
  className,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}) {
  const { pending } = useFormStatus();
  const t = useTranslations('common');
  return (
    <Button type="submit" disabled={pending} variant={variant} size={size} className={className}>
      {pending ? (pendingLabel ?? t('pleaseWait')) : children}
    </Button>
  );
}
