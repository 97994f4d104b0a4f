/**
 * R-X1: IMPRESSUM and E-MAIL-SIGNATUR are tenant-authored rich text that ends up in every client's
 * browser and in e-mails. Whatever goes in – pasted HTML, a crafted tiptap document, a crafted link –
 * only the allow-list comes out: p br strong em u s a ul ol li h2 h3 h4 blockquote, and on <a> only
 * href (https / mailto / tel), target="_blank" and rel.
 *
 * The hostile inputs live in tests/fixtures/xss-payloads.txt (one per line, \n \t \r \0 decoded here).
 */
import { describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n';
import { validateLinkUrl } from '../../lib/settings/links';
import { renderRichText, richTextLimit, sanitizeRichText, type RichTextResult } from '../../lib/settings/rich-text';
import { expectSafe, payloads, tokenize } from '../fixtures/safe-html';

const linkDoc = (href: string, target?: string) =>
  JSON.stringify({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: target ? { href, target } : { href } }] }],
      },
    ],
  });
/** A refusal carries a catalog key; the German text is what the editor shows. */
const inGerman = (r: RichTextResult) => (r.ok ? r : { ok: false, message: translate('de', r.error, r.values) });

const textDoc = (text: string) =>
  JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/* ------------------------------------------------------------------ the checker itself */

describe('the safety check (self-test)', () => {
  it.each([
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<p onclick="alert(1)">x</p>',
    '<p style="color:red">x</p>',
    '<span>x</span>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="http://www.ihre-firma.de/">x</a>',
    '<a href="https://www.ihre-firma.de/" target="_blank">x</a>',
    '<a href="https://www.ihre-firma.de/" target="_top" rel="noopener noreferrer">x</a>',
    '<a href="https://www.ihre-firma.de/" class="x">x</a>',
    '<a rel="nofollow">x</a>',
    '<p title="x">x</p>',
    '<a href=https://www.ihre-firma.de/>x</a>',
    '<p>1 < 2</p>',
    '<p>x</p><scr',
  ])('rejects %j', (html) => {
    expect(() => expectSafe(html, 'self-test')).toThrow();
  });

  it('passes clean output', () => {
    expect(() =>
      expectSafe(
        '<p>a &lt; b <a href="https://www.ihre-firma.de/" target="_blank" rel="noopener noreferrer nofollow">x</a><br /></p>',
        'self-test',
      ),
    ).not.toThrow();
  });
});

/* ------------------------------------------------------------------ the payload list */

describe('the payload list', () => {
  it('has at least 120 distinct hostile inputs', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(120);
    expect(new Set(payloads).size).toBe(payloads.length);
  });

  it('covers the families the cheat sheets list', () => {
    const all = payloads.join('\n').toLowerCase();
    for (const needle of [
      '<script',
      'onerror',
      'onload',
      'onmouseover',
      'autofocus',
      'onanimationstart',
      '<svg',
      '<math',
      '<details',
      '<video',
      '<audio',
      '<marquee',
      '<iframe',
      '&#106;',
      '&#x6a;',
      'vbscript:',
      'livescript:',
      'data:text/html;base64',
      'expression(',
      'url(javascript:',
      'behavior:',
      '-moz-binding',
      '<base',
      'http-equiv',
      'action="javascript:',
      '<object',
      '<embed',
      'rel=import',
      '<scr<script>',
      '<!--><img',
      'cdata',
      '`',
      '<noscript>',
      '<title>',
      '<textarea>',
      'srcdoc',
      'formaction',
      'xlink:href',
      '<template',
      '<slot',
    ]) {
      expect(all, needle).toContain(needle);
    }
  });
});

describe('sanitizeRichText against the payload list', () => {
  it.each(payloads.map((p, i) => [i + 1, p] as const))('#%i %j', (_i, payload) => {
    const once = sanitizeRichText(payload);
    expectSafe(once, `sanitizeRichText(${JSON.stringify(payload)})`);
    const twice = sanitizeRichText(once);
    expectSafe(twice, `sanitizeRichText(sanitizeRichText(${JSON.stringify(payload)}))`);
    // Idempotent: the render-time pass (loadTexts) never changes what the save-time pass stored.
    expect(twice).toBe(once);
  });
});

describe('renderRichText against the payload list', () => {
  it.each(payloads.map((p, i) => [i + 1, p] as const))('#%i as a link target: %j', (_i, payload) => {
    const result = renderRichText(linkDoc(payload, '_blank'));
    // A refusal is safe too; an accepted document must be clean.
    if (!result.ok) {
      expect(translate('de', result.error, result.values)).toMatch(/[a-zäöüß]/i);
      return;
    }
    expectSafe(result.html, `renderRichText(link ${JSON.stringify(payload)})`);
    expect(sanitizeRichText(result.html)).toBe(result.html);
    // None of the payloads is an allowed link, so the link degrades to plain text.
    expect(result.html).toBe('<p><a>x</a></p>');
  });

  it.each(payloads.map((p, i) => [i + 1, p] as const))('#%i as text: %j', (_i, payload) => {
    const result = renderRichText(textDoc(payload));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expectSafe(result.html, `renderRichText(text ${JSON.stringify(payload)})`);
    expect(sanitizeRichText(result.html)).toBe(result.html);
    // The text stays text: exactly one paragraph, and what a reader sees is the payload itself
    // (minus NUL characters, which are removed because PostgreSQL cannot store them).
    const { tags, text } = tokenize(result.html);
    expect(tags.map((t) => t.raw)).toEqual(['<p>', '</p>']);
    const shown = text.replace(
      /&(amp|lt|gt|quot);/g,
      (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e]!,
    );
    expect(shown).toBe(payload.replace(/\u0000/g, ''));
  });
});

/* ------------------------------------------------------------------ sanitizeRichText: exact behaviour */

describe('sanitizeRichText keeps the allow-list', () => {
  it.each([
    [
      '<p>Hallo <strong>fett</strong> <em>kursiv</em> <u>unter</u> <s>durch</s></p>',
      '<p>Hallo <strong>fett</strong> <em>kursiv</em> <u>unter</u> <s>durch</s></p>',
    ],
    ['<h2>A</h2><h3>B</h3><h4>C</h4>', '<h2>A</h2><h3>B</h3><h4>C</h4>'],
    [
      '<ul><li>a</li></ul><ol><li>b</li></ol><blockquote><p>c</p></blockquote>',
      '<ul><li>a</li></ul><ol><li>b</li></ol><blockquote><p>c</p></blockquote>',
    ],
    ['<p>a<br>b</p>', '<p>a<br />b</p>'],
    ['<b>b</b><i>i</i>', '<strong>b</strong><em>i</em>'],
    ['<h1>eins</h1><h5>fünf</h5>', 'einsfünf'],
    ['<p>Tom &amp; Jerry &lt;3</p>', '<p>Tom &amp; Jerry &lt;3</p>'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeRichText(input)).toBe(expected);
  });

  it.each([
    ['<a href="https://www.ihre-firma.de">x</a>', '<a href="https://www.ihre-firma.de/" rel="nofollow">x</a>'],
    [
      '<a href="https://www.ihre-firma.de" target="_blank">x</a>',
      '<a href="https://www.ihre-firma.de/" target="_blank" rel="noopener noreferrer nofollow">x</a>',
    ],
    [
      '<a href="https://www.ihre-firma.de" target="_blank" rel="opener">x</a>',
      '<a href="https://www.ihre-firma.de/" target="_blank" rel="noopener noreferrer nofollow">x</a>',
    ],
    [
      '<a href="https://www.ihre-firma.de" target="_parent">x</a>',
      '<a href="https://www.ihre-firma.de/" rel="nofollow">x</a>',
    ],
    ['<a href="mailto:info@ihre-firma.de">x</a>', '<a href="mailto:info@ihre-firma.de" rel="nofollow">x</a>'],
    ['<a href="tel:+4940123456">x</a>', '<a href="tel:+4940123456" rel="nofollow">x</a>'],
    ['<a href="javascript:alert(1)" target="_blank">x</a>', '<a>x</a>'],
    ['<a href="http://www.ihre-firma.de">x</a>', '<a>x</a>'],
    ['<a>x</a>', '<a>x</a>'],
  ])('link %j → %j', (input, expected) => {
    expect(sanitizeRichText(input)).toBe(expected);
  });

  it('keeps later links intact after a refused one (closing-tag bookkeeping)', () => {
    const out = sanitizeRichText(
      '<p><a href="javascript:alert(1)">a</a> <a href="https://example.com">b</a> <a href="data:,x">c</a></p>',
    );
    expect(out).toBe('<p><a>a</a> <a href="https://example.com/" rel="nofollow">b</a> <a>c</a></p>');
    expectSafe(out, 'mixed links');
  });
});

/* ------------------------------------------------------------------ validateLinkUrl */

const german = /\b(Bitte|Adresse|Adressen|Erlaubt|Links|keine|gültige|Telefonnummer|Internetadresse|lang)\b/;

describe('validateLinkUrl accepts', () => {
  it.each([
    ['https://www.ihre-firma.de', 'https://www.ihre-firma.de/'],
    ['https://www.ihre-firma.de/impressum?x=1#oben', 'https://www.ihre-firma.de/impressum?x=1#oben'],
    ['  https://www.ihre-firma.de  ', 'https://www.ihre-firma.de/'],
    ['HTTPS://WWW.IHRE-FIRMA.DE/Pfad', 'https://www.ihre-firma.de/Pfad'],
    ['https://münchen.de', 'https://xn--mnchen-3ya.de/'],
    ['https://sub.domain.example.org:8443/a', 'https://sub.domain.example.org:8443/a'],
    ['mailto:info@ihre-firma.de', 'mailto:info@ihre-firma.de'],
    ['mailto:vorname.nachname+tag@sub.ihre-firma.de', 'mailto:vorname.nachname+tag@sub.ihre-firma.de'],
    ['mailto:info@ihre-firma.de?subject=Termin', 'mailto:info@ihre-firma.de?subject=Termin'],
    ['tel:+4940123456', 'tel:+4940123456'],
    ['tel:040/123456', 'tel:040/123456'],
    ['tel:(040)123-456', 'tel:(040)123-456'],
    ['tel:+49.40.123456', 'tel:+49.40.123456'],
  ])('%j → %j', (raw, href) => {
    expect(validateLinkUrl(raw)).toEqual({ ok: true, href });
  });
});

describe('validateLinkUrl refuses', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['empty', '', /Bitte geben Sie eine Adresse ein/],
    ['only spaces', '   ', /Bitte geben Sie eine Adresse ein/],
    ['http', 'http://www.ihre-firma.de', /Erlaubt sind nur Links mit https:\/\/, mailto: oder tel:/],
    ['HTTP upper case', 'HTTP://www.ihre-firma.de', /Erlaubt sind nur/],
    ['javascript', 'javascript:alert(1)', /Erlaubt sind nur/],
    ['JavaScript mixed case', 'JaVaScRiPt:alert(1)', /Erlaubt sind nur/],
    ['javascript with leading spaces', '   javascript:alert(1)', /Erlaubt sind nur/],
    ['javascript with a fake https comment', 'javascript://https://www.ihre-firma.de/%0aalert(1)', /Erlaubt sind nur/],
    ['javascript with a tab inside', 'java\tscript:alert(1)', /Leer- oder Steuerzeichen/],
    ['javascript with a newline inside', 'java\nscript:alert(1)', /Leer- oder Steuerzeichen/],
    ['javascript with a carriage return inside', 'java\rscript:alert(1)', /Leer- oder Steuerzeichen/],
    ['javascript with a NUL inside', 'java\u0000script:alert(1)', /Leer- oder Steuerzeichen/],
    ['javascript behind a control character', '\u0001javascript:alert(1)', /Leer- oder Steuerzeichen/],
    ['javascript as entities', '&#106;avascript:alert(1)', /vollständige Adresse/],
    ['javascript with &colon;', 'javascript&colon;alert(1)', /vollständige Adresse/],
    ['javascript url-encoded', '%6A%61%76%61%73%63%72%69%70%74:alert(1)', /vollständige Adresse/],
    ['vbscript', 'vbscript:msgbox(1)', /Erlaubt sind nur/],
    ['livescript', 'livescript:alert(1)', /Erlaubt sind nur/],
    ['data html', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', /Erlaubt sind nur/],
    ['data plain', 'data:,hallo', /Erlaubt sind nur/],
    ['relative path', '/impressum', /vollständige Adresse/],
    ['relative file', 'impressum.html', /vollständige Adresse/],
    ['parent path', '../geheim', /vollständige Adresse/],
    ['fragment', '#oben', /vollständige Adresse/],
    ['bare host', 'www.ihre-firma.de', /vollständige Adresse/],
    ['protocol-relative', '//www.ihre-firma.de', /vollständige Adresse/],
    ['ftp', 'ftp://ftp.ihre-firma.de/datei', /Erlaubt sind nur/],
    ['file', 'file:///etc/passwd', /Erlaubt sind nur/],
    ['blob', 'blob:https://www.ihre-firma.de/1234', /Erlaubt sind nur/],
    ['space in host', 'https://ihre firma.de', /Leer- oder Steuerzeichen/],
    ['space in path', 'https://www.ihre-firma.de/a b', /Leer- oder Steuerzeichen/],
    ['no-break space inside', 'https://www.ihre-firma.de/a\u00a0b', /Leer- oder Steuerzeichen/],
    ['line separator inside', 'https://www.ihre-firma.de/a\u2028b', /Leer- oder Steuerzeichen/],
    ['DEL inside', 'https://www.ihre-firma.de/\u007f', /Leer- oder Steuerzeichen/],
    ['NUL inside', 'https://www.ihre-firma.de/\u0000', /Leer- oder Steuerzeichen/],
    ['newline inside', 'https://www.ihre-\nfirma.de', /Leer- oder Steuerzeichen/],
    ['user and password', 'https://user:pass@www.ihre-firma.de', /Benutzername oder Passwort/],
    ['user only', 'https://user@www.ihre-firma.de', /Benutzername oder Passwort/],
    ['user:pass@host without scheme', 'user:pass@www.ihre-firma.de', /Erlaubt sind nur/],
    ['host without dot', 'https://intranet', /vollständige Internetadresse/],
    ['localhost', 'https://localhost/admin', /vollständige Internetadresse/],
    ['right-to-left override in front', '\u202ehttps://www.ihre-firma.de', /vollständige Adresse/],
    ['too long', `https://www.ihre-firma.de/${'a'.repeat(2000)}`, /zu lang/],
    ['mailto without address', 'mailto:', /gültige E-Mail-Adresse/],
    ['mailto without domain', 'mailto:info', /gültige E-Mail-Adresse/],
    ['mailto without dot', 'mailto:info@localhost', /gültige E-Mail-Adresse/],
    ['mailto with javascript', 'mailto:javascript:alert(1)', /gültige E-Mail-Adresse/],
    ['tel with letters', 'tel:0800-KREDIT', /gültige Telefonnummer/],
    ['tel too short', 'tel:12', /gültige Telefonnummer/],
    ['tel with javascript', 'tel:javascript:alert(1)', /gültige Telefonnummer/],
  ];

  it.each(cases)('%s (%j)', (_name, raw, message) => {
    const result = validateLinkUrl(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = translate('de', result.error);
    expect(text).toMatch(message);
    expect(text).toMatch(german);
  });
});

/* ------------------------------------------------------------------ renderRichText */

describe('renderRichText', () => {
  const doc = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Impressum' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Makler ' },
          { type: 'text', text: 'Müller', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' & ' },
          { type: 'text', text: 'Söhne', marks: [{ type: 'italic' }, { type: 'underline' }] },
          { type: 'hardBreak' },
          { type: 'text', text: 'alt', marks: [{ type: 'strike' }] },
        ],
      },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Kontakt' }] },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [
              {
                type: 'paragraph',
                content: [
                  {
                    type: 'text',
                    text: 'Web',
                    marks: [{ type: 'link', attrs: { href: 'https://www.ihre-firma.de', target: '_blank' } }],
                  },
                ],
              },
            ],
          },
          {
            type: 'listItem',
            content: [
              {
                type: 'paragraph',
                content: [
                  {
                    type: 'text',
                    text: 'Mail',
                    marks: [{ type: 'link', attrs: { href: 'mailto:info@ihre-firma.de' } }],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 1 },
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'eins' }] }] }],
      },
      { type: 'heading', attrs: { level: 4 }, content: [{ type: 'text', text: 'Hinweis' }] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Zitat' }] }] },
    ],
  };

  it('keeps the structure of a normal document', () => {
    const result = renderRichText(JSON.stringify(doc));
    expect(result).toMatchObject({ ok: true, empty: false });
    if (!result.ok) return;
    // The stored JSON is rebuilt from the clean HTML: rendering it again gives the same HTML.
    expect(renderRichText(JSON.stringify(result.json))).toMatchObject({ ok: true, html: result.html });
    expect(result.html).toBe(
      '<h2>Impressum</h2>' +
        '<p>Makler <strong>Müller</strong> &amp; <em><u>Söhne</u></em><br /><s>alt</s></p>' +
        '<h3>Kontakt</h3>' +
        '<ul><li><p><a href="https://www.ihre-firma.de/" target="_blank" rel="noopener noreferrer nofollow">Web</a></p></li>' +
        '<li><p><a href="mailto:info@ihre-firma.de" rel="nofollow">Mail</a></p></li></ul>' +
        '<ol><li><p>eins</p></li></ol>' +
        '<h4>Hinweis</h4>' +
        '<blockquote><p>Zitat</p></blockquote>',
    );
    expectSafe(result.html, 'normal document');
  });

  it('gives target=_blank links rel="noopener noreferrer nofollow", other links rel="nofollow"', () => {
    const blank = renderRichText(linkDoc('https://www.ihre-firma.de', '_blank'));
    expect(blank).toMatchObject({
      ok: true,
      html: '<p><a href="https://www.ihre-firma.de/" target="_blank" rel="noopener noreferrer nofollow">x</a></p>',
    });
    const self = renderRichText(linkDoc('https://www.ihre-firma.de', '_self'));
    expect(self).toMatchObject({ ok: true, html: '<p><a href="https://www.ihre-firma.de/" rel="nofollow">x</a></p>' });
    const tel = renderRichText(linkDoc('tel:+4940123456'));
    expect(tel).toMatchObject({ ok: true, html: '<p><a href="tel:+4940123456" rel="nofollow">x</a></p>' });
  });

  it('drops crafted link attributes (class, rel, event handlers) from the HTML', () => {
    const raw = JSON.stringify({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'x',
              marks: [
                {
                  type: 'link',
                  attrs: {
                    href: 'https://www.ihre-firma.de',
                    class: 'a" onclick="alert(1)',
                    rel: 'opener',
                    onclick: 'alert(1)',
                  },
                },
              ],
            },
          ],
        },
      ],
    });
    const result = renderRichText(raw);
    expect(result).toMatchObject({
      ok: true,
      html: '<p><a href="https://www.ihre-firma.de/" rel="nofollow">x</a></p>',
    });
  });

  it('renders headings outside 2–4 as allowed headings, never as <h1>/<h5>', () => {
    const raw = JSON.stringify({
      type: 'doc',
      content: [1, 5, 6].map((level) => ({
        type: 'heading',
        attrs: { level },
        content: [{ type: 'text', text: `H${level}` }],
      })),
    });
    const result = renderRichText(raw);
    if (result.ok) {
      expectSafe(result.html, 'headings');
      expect(result.html).not.toMatch(/<h[156]/);
    }
  });

  it(`refuses a document over ${richTextLimit / 1000} kB with a German message`, () => {
    const big = JSON.stringify({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a'.repeat(richTextLimit) }] }],
    });
    expect(big.length).toBeGreaterThan(20_000);
    expect(inGerman(renderRichText(big))).toEqual({ ok: false, message: 'Der Text ist zu lang (höchstens 20 kB).' });
  });

  it('accepts a document just under the limit', () => {
    const base = JSON.stringify({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }],
    });
    const fits = JSON.stringify({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a'.repeat(richTextLimit - base.length) }] }],
    });
    expect(fits.length).toBe(richTextLimit);
    expect(renderRichText(fits)).toMatchObject({ ok: true, empty: false });
  });

  it('refuses a document whose HTML grows over the limit (entity expansion)', () => {
    // 5 000 "&" are 5 000 characters of JSON text but 25 000 characters of HTML (&amp;).
    const raw = JSON.stringify({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '&'.repeat(5000) }] }],
    });
    expect(raw.length).toBeLessThan(richTextLimit);
    expect(inGerman(renderRichText(raw))).toEqual({ ok: false, message: 'Der Text ist zu lang (höchstens 20 kB).' });
  });

  it.each([
    ['not JSON', 'kein json'],
    ['truncated JSON', '{"type":"doc","content":['],
    ['a paragraph instead of a document', JSON.stringify({ type: 'paragraph' })],
    ['a text node', JSON.stringify({ type: 'text', text: 'x' })],
    ['null', 'null'],
    ['an array', JSON.stringify([{ type: 'doc' }])],
    ['a string', JSON.stringify('doc')],
    ['a number', '42'],
    ['an empty string', ''],
  ])('refuses %s with a German message', (_name, raw) => {
    const result = renderRichText(raw);
    expect(inGerman(result)).toEqual({
      ok: false,
      message: 'Der Inhalt konnte nicht gelesen werden. Bitte laden Sie die Seite neu.',
    });
  });

  it.each([
    [
      'an image node',
      { type: 'doc', content: [{ type: 'image', attrs: { src: 'https://evil.example/x.png', alt: 'x' } }] },
    ],
    [
      'an image inside a paragraph',
      {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } }] }],
      },
    ],
    ['an iframe node', { type: 'doc', content: [{ type: 'iframe', attrs: { src: 'javascript:alert(1)' } }] }],
    [
      'a disabled code block',
      { type: 'doc', content: [{ type: 'codeBlock', content: [{ type: 'text', text: 'x' }] }] },
    ],
    ['a disabled horizontal rule', { type: 'doc', content: [{ type: 'horizontalRule' }] }],
    [
      'an unknown mark',
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'x', marks: [{ type: 'textStyle', attrs: { style: 'color:red' } }] }],
          },
        ],
      },
    ],
    ['content that is not a list', { type: 'doc', content: '<img src=x onerror=alert(1)>' }],
  ])('refuses (does not render) %s', (_name, json) => {
    const result = renderRichText(JSON.stringify(json));
    expect(inGerman(result)).toEqual({
      ok: false,
      message: 'Der Inhalt enthält Elemente, die hier nicht erlaubt sind.',
    });
    // Whatever it says, it never produces an <img>.
    expect(JSON.stringify(result)).not.toContain('<img');
  });

  it.each([
    ['no content', { type: 'doc' }],
    ['an empty content list', { type: 'doc', content: [] }],
    ['an empty paragraph', { type: 'doc', content: [{ type: 'paragraph' }] }],
    [
      'only line breaks',
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'hardBreak' }, { type: 'hardBreak' }] }] },
    ],
    [
      'an empty heading and an empty list',
      {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 } },
          { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        ],
      },
    ],
    [
      'a paragraph of spaces',
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '   ' }] }] },
    ],
  ])('reports %s as empty', (_name, json) => {
    const result = renderRichText(JSON.stringify(json));
    expect(result).toMatchObject({ ok: true, empty: true });
    if (result.ok) expectSafe(result.html, 'empty');
  });

  it('reports a document with only a link text as not empty', () => {
    expect(renderRichText(linkDoc('https://www.ihre-firma.de'))).toMatchObject({ ok: true, empty: false });
  });
});
