'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { saveFrameOriginsAction } from '@/lib/settings/actions';

function Snippet({ title, code, help }: { title: string; code: string; help: string }) {
  const [copied, setCopied] = useState(false);
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
          {copied ? 'Kopiert' : 'Kopieren'}
        </Button>
      </div>
      <p className="text-sm text-gray-600">{help}</p>
      <pre className="overflow-x-auto rounded-lg bg-gray-900 p-3 text-xs leading-relaxed text-gray-100">
        <code>{code}</code>
      </pre>
    </div>
  );
}

/** Copy-paste snippets and the list of websites allowed to frame the login card. */
export function EmbedSettings({ base, origins, primary }: { base: string; origins: string[]; primary: string }) {
  const f = useForm(saveFrameOriginsAction, { origins: origins.join('\n') });
  const button = `<a href="${base}/login" target="_blank" rel="noopener" style="display:inline-block;padding:12px 20px;border-radius:8px;background:${primary};color:#fff;font-weight:600;text-decoration:none">Zum Kundenportal</a>`;
  const iframe = `<iframe src="${base}/embed" title="Kundenportal" width="380" height="260" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  return (
    <div className="space-y-8">
      <Snippet title="1. Login-Button (empfohlen)" help="Funktioniert auf jeder Website und in jedem Browser. Der Login öffnet sich in einem neuen Tab." code={button} />
      <Snippet
        title="2. Kundenportal-Karte als iframe"
        help="Zeigt Ihre Karte mit Logo und Farben auf Ihrer Website. Der Login selbst öffnet sich in einem neuen Tab: Browser blockieren Cookies in fremden iframes, ein eigener Tab hält die Anmeldung sicher. Die Karte erscheint nur auf den unten eingetragenen Websites."
        code={iframe}
      />
      <form action={f.formAction} className="space-y-3" key={f.version}>
        <TextareaField
          label="Websites, die die Karte einbinden dürfen (eine pro Zeile)"
          name="origins"
          rows={4}
          placeholder="https://www.ihre-firma.de"
          defaultValue={f.value('origins')}
          error={f.error('origins')}
        />
        {f.failed?.message && !f.error('origins') ? <Alert tone="error">{f.failed.message}</Alert> : null}
        {f.state?.ok ? <Alert tone="success">Gespeichert. Alle anderen Websites können die Karte weiterhin nicht einbinden.</Alert> : null}
        <div className="flex justify-end">
          <SubmitButton pendingLabel="Wird gespeichert …">SPEICHERN</SubmitButton>
        </div>
      </form>
    </div>
  );
}
