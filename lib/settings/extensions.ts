import Link from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';
import { validateLinkUrl } from './links';

/**
 * The one tiptap schema for IMPRESSUM and E-MAIL-SIGNATUR, shared by the browser editor and the server
 * renderer: paragraphs, bold, italic, underline, strike, headings 2–4, lists, quotes, line breaks, links.
 */
export const richTextExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    link: false,
  }),
  Link.configure({
    openOnClick: false,
    autolink: false,
    linkOnPaste: false,
    protocols: ['mailto', 'tel'],
    isAllowedUri: (url) => validateLinkUrl(url).ok,
    HTMLAttributes: { rel: null, target: null },
  }),
];
