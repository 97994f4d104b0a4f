'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { removePasskeyAction, renamePasskeyAction } from '@/lib/auth/passkeys/actions';

function RenameForm({ id, name, onCancel }: { id: string; name: string; onCancel: () => void }) {
  const t = useTranslations('account.passkey');
  const f = useForm(renamePasskeyAction, { name });
  if (f.state?.ok) return <Alert tone="success">{t('renamed', { name: f.value('name') })}</Alert>;
  return (
    <form action={f.formAction} noValidate className="space-y-3" key={f.version}>
      {f.failed?.message && !f.failed.fieldErrors ? <Alert tone="error">{f.failed.message}</Alert> : null}
      <input type="hidden" name="id" value={id} />
      <Field
        label={t('renameLabel', { name })}
        name="name"
        id={`rename-${id}`}
        maxLength={60}
        required
        defaultValue={f.value('name')}
        error={f.error('name')}
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton size="sm" pendingLabel={t('working')}>
          {t('save')}
        </SubmitButton>
        <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

function RemoveForm({ id, name, onCancel }: { id: string; name: string; onCancel: () => void }) {
  const t = useTranslations('account.passkey');
  const f = useForm(removePasskeyAction);
  if (f.state?.ok) return <Alert tone="success">{t('removed')}</Alert>;
  return (
    <form action={f.formAction} noValidate className="space-y-3" key={f.version}>
      {f.failed?.message && !f.failed.fieldErrors ? <Alert tone="error">{f.failed.message}</Alert> : null}
      <input type="hidden" name="id" value={id} />
      <Field
        label={t('removeLabel', { name })}
        name="password"
        id={`remove-${id}`}
        type="password"
        autoComplete="current-password"
        required
        error={f.error('password')}
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="danger" size="sm" pendingLabel={t('working')}>
          {t('removeConfirm')}
        </SubmitButton>
        <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

/** "Umbenennen" and "Entfernen" at one passkey; each opens its small form in place. */
export function PasskeyActions({ id, name }: { id: string; name: string }) {
  const t = useTranslations('account.passkey');
  const [open, setOpen] = useState<'rename' | 'remove' | null>(null);
  if (open === 'rename') return <RenameForm id={id} name={name} onCancel={() => setOpen(null)} />;
  if (open === 'remove') return <RemoveForm id={id} name={name} onCancel={() => setOpen(null)} />;
  return (
    <div className="flex shrink-0 flex-wrap gap-2">
      <Button type="button" variant="secondary" size="sm" onClick={() => setOpen('rename')}>
        {t('rename')}
        <span className="sr-only"> {name}</span>
      </Button>
      <Button type="button" variant="secondary" size="sm" onClick={() => setOpen('remove')}>
        {t('remove')}
        <span className="sr-only"> {name}</span>
      </Button>
    </div>
  );
}
