import { generateHTML, generateJSON } from '@tiptap/html/server';
import type { JSONContent } from '@tiptap/core';
import sanitizeHtml from 'sanitize-html';
import type { MessageKey, MessageValues } from '../i18n';
import { richTextExtensions } from './extensions';
import { validateLinkUrl } from './links';

/** R-X1: the allow-list. No styles, classes, images, frames, forms or event handlers – ever. */
export const allowedTags = ['p', 'br', 'strong', 'em', 'u', 's', 'a', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote'];
export const richTextLimit = 20_000;

const options: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: { a: ['href', 'target', 'rel'] },
  allowedSchemes: ['https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'template',
    'title',
    'xmp',
    'iframe',
    'noembed',
    'noframes',
    'object',
    'svg',
    'math',
  ],
  transformTags: {
    b: 'strong',
    i: 'em',
    a: (_tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag => {
      const check = validateLinkUrl(attribs.href ?? '');
      // Not allowed → an <a> without href: plain, harmless text. (Renaming the tag here would confuse
      // sanitize-html's closing-tag bookkeeping for later links.)
      if (!check.ok) return { tagName: 'a', attribs: {} as sanitizeHtml.Attributes };
      const blank = attribs.target === '_blank';
      const attrs: sanitizeHtml.Attributes = blank
        ? { href: check.href, target: '_blank', rel: 'noopener noreferrer nofollow' }
        : { href: check.href, rel: 'nofollow' };
      return { tagName: 'a', attribs: attrs };
    },
  },
};

/** Sanitises HTML to the allow-list (run on save and again on render). */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, options);
}

export type RichTextResult =
  | { ok: true; json: JSONContent; html: string; empty: boolean }
  | { ok: false; error: MessageKey; values?: MessageValues };

const tooLong: RichTextResult = {
  ok: false,
  error: 'settings.errors.textTooLong',
  values: { kb: richTextLimit / 1000 },
};
const unreadable: RichTextResult = { ok: false, error: 'settings.errors.unreadable' };

/** Editor JSON → sanitised HTML, refusing anything too large or not a tiptap document. */
export function renderRichText(raw: string): RichTextResult {
  if (raw.length > richTextLimit) return tooLong;
  let json: JSONContent;
  try {
    // NUL cannot be stored in PostgreSQL text and has no place in a document.
    json = JSON.parse(raw, (_key, value: unknown) =>
      typeof value === 'string' ? value.replace(/\u0000/g, '') : value,
    ) as JSONContent;
  } catch {
    return unreadable;
  }
  if (!json || typeof json !== 'object' || json.type !== 'doc') return unreadable;
  let html: string;
  try {
    html = generateHTML(json, richTextExtensions);
  } catch {
    return { ok: false, error: 'settings.errors.notAllowed' };
  }
  const clean = sanitizeRichText(html);
  if (clean.length > richTextLimit) return tooLong;
  const empty = sanitizeHtml(clean, { allowedTags: [], allowedAttributes: {} }).trim() === '';
  // The stored JSON is rebuilt from the clean HTML, so it can never carry what the sanitiser removed.
  const cleanJson = generateJSON(clean, richTextExtensions) as JSONContent;
  return { ok: true, json: cleanJson, html: clean, empty };
}
