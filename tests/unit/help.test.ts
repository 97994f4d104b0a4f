import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpTopics, searchHelp } from '../../lib/help/topics';

describe('HILFE', () => {
  it('finds topics by words from title, keywords and text, umlauts folded', () => {
    expect(searchHelp('PIN', { admin: true }).map((t) => t.id)).toContain('passwortvergabe');
    expect(searchHelp('freigaben nur lesen', { admin: true }).map((t) => t.id)).toEqual(['freigaben']);
    expect(searchHelp('Anderungen Kunde', { admin: false }).map((t) => t.id)).toContain('kundenaenderungen');
    expect(searchHelp('gibt es nicht xyz', { admin: true })).toEqual([]);
    expect(searchHelp('', { admin: true })).toHaveLength(helpTopics.length);
  });

  it('hides admin topics from employees', () => {
    const ids = searchHelp('', { admin: false }).map((t) => t.id);
    expect(ids).not.toContain('whitelabel');
    expect(ids).toContain('kontaktanlage');
  });

  it('links every topic to a screen that exists', () => {
    for (const topic of helpTopics) {
      const route = topic.link.href.split('?')[0]!.replace(/^\//, '');
      const page = path.join('app', '(advisor)', route, 'page.tsx');
      expect(existsSync(page), `${topic.id} → ${page}`).toBe(true);
    }
  });
});
