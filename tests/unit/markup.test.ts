import { describe, expect, it } from 'vitest';
import { contactRowsHtml } from '@/components/contacts/contact-rows';
import { esc } from '@/components/ui/markup';
import type { ContactListItem } from '@/lib/contacts/list';

describe('rows as plain markup', () => {
  it('escapes text and attribute values', () => {
    expect(esc(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
    expect(esc(null)).toBe('');
    expect(esc(42)).toBe('42');
  });

  it('a contact row carries nothing unescaped from the data', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const item: ContactListItem = {
      id: '00000000-0000-4000-8000-000000000001',
      firstName: evil,
      lastName: `"><script>alert(1)</script>`,
      email: `a@b.example" onmouseover="x`,
      city: evil,
      status: 'active',
      advisorName: evil,
      createdAt: new Date(),
      lead: true,
      incomplete: true,
      company: evil,
    };
    const html = contactRowsHtml(
      [item],
      { selectOne: (n) => `Select ${n}`, incomplete: 'incomplete', lead: 'lead', status: (s) => s },
      item.id,
    );
    expect(html).not.toMatch(/<script|<img|" onmouseover/);
    expect(html).toContain('data-highlight="true"');
    expect(html).toContain('form="bulk-account"');
    expect(html).toContain(`href="/contacts/${item.id}"`);
  });
});
