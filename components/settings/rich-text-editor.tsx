'use client';

import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { Placeholder } from '@tiptap/extensions';
import { useTranslations } from 'next-intl';
import { useActionState, useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import type { FormState } from '@/lib/actions/result';
import { saveRichTextAction } from '@/lib/settings/actions';
import { richTextExtensions } from '@/lib/settings/extensions';
import { validateLinkUrl } from '@/lib/settings/links';

/** Pasted links become plain text (handbook: links cannot simply be pasted, for security). */
function stripPastedLinks(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const a of Array.from(doc.querySelectorAll('a'))) a.replaceWith(...Array.from(a.childNodes));
  return doc.body.innerHTML;
}

function ToolButton({
  onClick,
  active,
  label,
  mark,
  children,
  disabled,
}: {
  onClick: () => void;
  active?: boolean;
  label: string;
  /** The visible text when it differs from the label: the accessible name then contains both (WCAG 2.5.3). */
  mark?: string;
  children: ReactNode;
  disabled?: boolean;
}) {
  const t = useTranslations('settings.editor');
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={mark ? t('toolName', { label, mark }) : undefined}
      title={label}
      aria-pressed={active}
      className={cn(
        'inline-flex h-9 min-w-9 items-center justify-center rounded-md px-2 text-sm font-semibold transition disabled:opacity-40',
        active ? 'bg-primary text-on-primary' : 'text-ink hover:bg-gray-100',
      )}
    >
      {children}
    </button>
  );
}

/** tiptap editor for IMPRESSUM and E-MAIL-SIGNATUR; the server validates and sanitises again on save. */
export function RichTextEditor({
  kind,
  initial,
  label,
  placeholder,
}: {
  kind: 'impressum' | 'signature';
  initial: unknown;
  label: string;
  placeholder: string;
}) {
  const [json, setJson] = useState(() => JSON.stringify(initial ?? { type: 'doc', content: [] }));
  const [state, action] = useActionState<FormState<{ empty: boolean }>, FormData>(saveRichTextAction, null);
  const [dialog, setDialog] = useState(false);
  const [url, setUrl] = useState('');
  const [blank, setBlank] = useState(true);
  const [linkError, setLinkError] = useState<string | undefined>();
  const t = useTranslations('settings.editor');
  const tc = useTranslations('common');
  const tk = useTranslations();

  const editor = useEditor({
    extensions: [...richTextExtensions, Placeholder.configure({ placeholder })],
    content: (initial as object) ?? '',
    immediatelyRender: false,
    editorProps: {
      transformPastedHTML: stripPastedLinks,
      attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', class: 'px-4 py-3' },
    },
    onUpdate: ({ editor: e }) => setJson(JSON.stringify(e.getJSON())),
  });
  const marks = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      underline: e?.isActive('underline') ?? false,
      h2: e?.isActive('heading', { level: 2 }) ?? false,
      h3: e?.isActive('heading', { level: 3 }) ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
      link: e?.isActive('link') ?? false,
      empty: e?.state.selection.empty ?? true,
    }),
  });

  const openLinkDialog = () => {
    if (!editor) return;
    const current = editor.getAttributes('link') as { href?: string; target?: string };
    setUrl(current.href ?? '');
    setBlank(current.href ? current.target === '_blank' : true);
    setLinkError(undefined);
    setDialog(true);
  };
  const applyLink = () => {
    if (!editor) return;
    const check = validateLinkUrl(url);
    if (!check.ok) return setLinkError(tk(check.error));
    editor
      .chain()
      .focus()
      .extendMarkRange('link')
      .setLink({ href: check.href, target: blank ? '_blank' : null })
      .run();
    setDialog(false);
  };

  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="content" value={json} />
      <div className="overflow-hidden rounded-xl border border-gray-300 bg-white focus-within:border-primary focus-within:ring-4 focus-within:ring-primary/15">
        <div
          role="toolbar"
          aria-label={t('toolbar', { label })}
          className="flex flex-wrap gap-1 border-b border-gray-200 bg-gray-50 p-1.5"
        >
          <ToolButton
            label={t('bold')}
            mark={t('boldMark')}
            active={marks?.bold}
            onClick={() => editor?.chain().focus().toggleBold().run()}
          >
            <strong>{t('boldMark')}</strong>
          </ToolButton>
          <ToolButton
            label={t('italic')}
            mark={t('italicMark')}
            active={marks?.italic}
            onClick={() => editor?.chain().focus().toggleItalic().run()}
          >
            <em>{t('italicMark')}</em>
          </ToolButton>
          <ToolButton
            label={t('underline')}
            mark={t('underlineMark')}
            active={marks?.underline}
            onClick={() => editor?.chain().focus().toggleUnderline().run()}
          >
            <u>{t('underlineMark')}</u>
          </ToolButton>
          <span className="mx-1 w-px bg-gray-200" aria-hidden="true" />
          <ToolButton
            label={t('heading')}
            mark={t('headingMark')}
            active={marks?.h2}
            onClick={() => editor?.chain().focus().toggleHeading({ level: 2 }).run()}
          >
            {t('headingMark')}
          </ToolButton>
          <ToolButton
            label={t('subheading')}
            mark={t('subheadingMark')}
            active={marks?.h3}
            onClick={() => editor?.chain().focus().toggleHeading({ level: 3 }).run()}
          >
            {t('subheadingMark')}
          </ToolButton>
          <ToolButton
            label={t('bulletList')}
            mark={t('bulletListShort')}
            active={marks?.bullet}
            onClick={() => editor?.chain().focus().toggleBulletList().run()}
          >
            {t('bulletListShort')}
          </ToolButton>
          <ToolButton
            label={t('orderedList')}
            mark={t('orderedListShort')}
            active={marks?.ordered}
            onClick={() => editor?.chain().focus().toggleOrderedList().run()}
          >
            {t('orderedListShort')}
          </ToolButton>
          <span className="mx-1 w-px bg-gray-200" aria-hidden="true" />
          <ToolButton
            label={t('insertLink')}
            active={marks?.link}
            disabled={marks?.empty && !marks?.link}
            onClick={openLinkDialog}
          >
            {t('insertLink')}
          </ToolButton>
          {marks?.link ? (
            <ToolButton
              label={t('removeLink')}
              onClick={() => editor?.chain().focus().extendMarkRange('link').unsetLink().run()}
            >
              {t('removeLink')}
            </ToolButton>
          ) : null}
        </div>
        <div className="rich-text text-ink">
          <EditorContent editor={editor} />
        </div>
      </div>
      <p className="text-xs text-gray-500">{t('tip')}</p>
      {state && !state.ok ? (
        <Alert tone="error">{state.message ?? state.fieldErrors?.content ?? t('saveFailed')}</Alert>
      ) : null}
      {state?.ok ? <Alert tone="success">{state.data.empty ? t('savedEmpty') : t('saved')}</Alert> : null}
      <div className="flex justify-end">
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </div>
      <Dialog open={dialog} onClose={() => setDialog(false)} title={t('insertLink')}>
        <div className="space-y-4">
          <Field
            label={t('linkAddress')}
            name="link-url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            error={linkError}
            placeholder={t('linkPlaceholder')}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyLink();
              }
            }}
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={blank} onChange={(e) => setBlank(e.target.checked)} className="h-4 w-4" />
            {t('newTab')}
          </label>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setDialog(false)}>
              {tc('cancel')}
            </Button>
            <Button type="button" onClick={applyLink}>
              {t('applyLink')}
            </Button>
          </div>
        </div>
      </Dialog>
    </form>
  );
}
