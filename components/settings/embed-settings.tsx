'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { saveFrameOriginsAction } from '@/lib/settings/actions';

/** The snippet's words go into HTML attributes and text of the broker's website. */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function Snippet({ title, code, help }: { title: string; code: string; help: string }) {
  const [copied, setCopied] = useState(false);
  const t = useTranslations('settings.embed');
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h3 className="font-semibold text-ink">{title}</h3>
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => {
            void navigator.clipboard?.writeText(code).then(() => setCopied(true));
          }}
        >
          {copied ? t('copied') : t('copy')}
        </Button>
      </div>
      <p className="text-sm text-gray-600">{help}</p>
      <pre
        tabIndex={0}
        aria-label={title}
        className="overflow-x-auto rounded-lg bg-gray-900 p-3 text-xs leading-relaxed text-gray-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary"
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}

/** Copy-paste snippets and the list of websites allowed to frame the login card. */
export function EmbedSettings({ base, origins, primary }: { base: string; origins: string[]; primary: string }) {
  const f = useForm(saveFrameOriginsAction, { origins: origins.join('\n') });
  const t = useTranslations('settings.embed');
  const tc = useTranslations('common');
  const button = `<a href="${base}/login" target="_blank" rel="noopener" style="display:inline-block;padding:12px 20px;border-radius:8px;background:${primary};color:#fff;font-weight:600;text-decoration:none">${escapeHtml(t('buttonText'))}</a>`;
  const iframe = `<iframe src="${base}/embed" title="${escapeHtml(t('iframeTitle'))}" width="380" height="260" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  return (
    <div className="space-y-8">
      <Snippet title={t('buttonTitle')} help={t('buttonHelp')} code={button} />
      <Snippet title={t('iframeSnippetTitle')} help={t('iframeHelp')} code={iframe} />
      <form action={f.formAction} className="space-y-3" key={f.version}>
        <TextareaField
          label={t('originsLabel')}
          name="origins"
          rows={4}
          placeholder={t('originsPlaceholder')}
          defaultValue={f.value('origins')}
          error={f.error('origins')}
        />
        {f.failed?.message && !f.error('origins') ? <Alert tone="error">{f.failed.message}</Alert> : null}
        {f.state?.ok ? <Alert tone="success">{t('saved')}</Alert> : null}
        <div className="flex justify-end">
          <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
        </div>
      </form>
    </div>
  );
}
